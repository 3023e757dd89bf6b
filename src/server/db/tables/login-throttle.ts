// Failed sign-ins (006-guess-limits), in the database so every server process counts the same.
// `key` is "client:<keyed hash>" of the address or "pair:<keyed hash>" of address and username;
// neither is stored in the clear. Rows are deleted a day after their last counted attempt.
export interface LoginThrottleTable {
  key: string;
  /** Counted attempts that did not succeed (a success gives its attempt back). */
  failures: number;
  /** ISO 8601 UTC of the last counted attempt: the backoff runs from here. */
  last_at: string;
}
