// One anonymous response. Deliberately nothing else: no timestamp (only the answered-on date), no
// IP, no device, no code, and no sequence number — the client-made UUID is the key, so even the
// key says nothing about the order in which responses arrived.
export interface ResponsesTable {
  id: string;
  round_id: string;
  unit_id: string;
  questionnaire_version: string;
  answered_on: string;
  /** JSON: every statement id of the version → 1..5 or null (unanswered). */
  answers: string;
  /** JSON: background question id → option value or "declined"; {} when none. */
  background: string;
  open_text: string | null;
}
