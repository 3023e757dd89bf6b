// One-time links that let the first admin of a municipality be created from the browser. Only the
// SHA-256 of the token is kept; the token itself is printed once, in the server's start output.
export interface SetupTokensTable {
  hash: string;
  municipality_id: string;
  /** ISO 8601 UTC. */
  expires_at: string;
}
