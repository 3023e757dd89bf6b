import type { ColumnType } from 'kysely';

// An enrolled shared tablet: the survey kiosk of one unit in one round. Timestamps are fine here
// (ISO 8601 UTC): they describe the device, and nothing joins a kiosk to an answer.
export interface KiosksTable {
  id: string;
  municipality_id: string;
  unit_id: string;
  round_id: string;
  /** SHA-256 of the credential the tablet holds. */
  credential_hash: string;
  label: string;
  enrolled_at: string;
  /** YYYY-MM-DD, the day of the revoke (shown to staff; the cut-off is revoked_allowance). */
  revoked_on: string | null;
  last_sync_at: string | null;
  /** Answers waiting on the tablet, as it last reported (a count only). */
  pending_reported: ColumnType<number, number | undefined, number>;
  /**
   * 007-ingest-rules: answers the kiosk may still deliver after its revoke. The revoke sets it to
   * pending_reported; each answer delivered afterwards takes one (kiosks/revoked-allowance.ts).
   */
  revoked_allowance: ColumnType<number, number | undefined, number>;
}
