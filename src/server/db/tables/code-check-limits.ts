// Failed public code checks per client and minute, shared by every server process. `client` is a
// keyed hash of the address, never the address itself.
export interface CodeCheckLimitsTable {
  client: string;
  /** Minutes since the epoch. */
  window_minute: number;
  hits: number;
}
