// Login rate limiting, in the database so every server process counts the same attempts. `key` is
// a SHA-256 of "user:<username>" or "client:<address>" — the address is used for nothing else and
// is never stored in the clear — and rows are deleted once their window has passed.
export interface LoginAttemptsTable {
  key: string;
  /** ISO 8601 UTC; the fixed window starts at the first counted attempt. */
  window_start: string;
  count: number;
}
