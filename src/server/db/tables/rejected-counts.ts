// Answers the ingest refused for any reason but the two code refusals (those are refused_counts):
// a count per round, unit and reason, never an answer, a time, a code or a device (007-ingest-rules).
export interface RejectedCountsTable {
  round_id: string;
  /** The unit the answer named when it is part of the round; '' when it is unknown or not. */
  unit_id: string;
  /** An error code of src/shared/api/errors.ts. */
  reason: string;
  count: number;
}
