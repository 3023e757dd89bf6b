// Failed one-time-code guesses per scope and hour (006-guess-limits), shared by every server
// process. `scope` is "client:<keyed hash of the address>", "round:<round id>" or "check" (the
// public code check of the whole server); no address is ever stored. Past hours are deleted.
export interface CodeGuessesTable {
  scope: string;
  /** Hours since the epoch (UTC). */
  window_hour: number;
  hits: number;
}
