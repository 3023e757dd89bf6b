// Answer counts per background group of a whole round (e.g. gender = female), kept at ingest like
// aggregate_counts. Deliberately no unit: background is only ever broken down for the whole round,
// so no table can cross a small unit with a background group.
export interface BackgroundCountsTable {
  round_id: string;
  question_id: string;
  /** An option value of the question, or "declined" (also counted for a question left out). */
  option_value: string;
  statement_id: string;
  /** 1..5, or 0 for "left unanswered". */
  value: number;
  count: number;
}
