// Which rejected answers are already counted: the SHA-256 of the response's UUID, so a device that
// sends a rejected answer again is not counted twice (007-ingest-rules). No answer, time or device.
export interface RejectedItemsTable {
  id_hash: string;
  round_id: string;
  /** YYYY-MM-DD: deleted by the ingest after this day. */
  keep_until: string;
}
