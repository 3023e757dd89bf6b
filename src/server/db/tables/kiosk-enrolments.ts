import type { ColumnType } from 'kysely';

// A one-time enrolment link (/kiosk/<token>) for a unit and round, valid 24 hours. Only the SHA-256
// of the token is stored.
export interface KioskEnrolmentsTable {
  token_hash: string;
  unit_id: string;
  round_id: string;
  label: string | null;
  /** ISO 8601 UTC. */
  expires_at: string;
  used: ColumnType<number, number | undefined, number>;
}
