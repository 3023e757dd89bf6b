// Named values the server keeps about itself (005-server-meta), e.g. the code key's fingerprint.
export interface ServerMetaTable {
  name: string;
  value: string;
}
