// How many responses each background group of a round has: what the threshold is checked against.
// Only responses that answered the background part count; each counts once per question.
export interface BackgroundTotalsTable {
  round_id: string;
  question_id: string;
  option_value: string;
  responses: number;
}
