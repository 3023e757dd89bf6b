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
  /** YYYY-MM-DD; answers made on or before it still sync after a revoke. */
  revoked_on: string | null;
  last_sync_at: string | null;
  /** Answers waiting on the tablet, as it last reported (a count only). */
  pending_reported: ColumnType<number, number | undefined, number>;
}
