import type { ColumnType } from 'kysely';

// A staff sign-in. The id is the SHA-256 of the random cookie token, so a copy of this table does
// not let anyone sign in. Stored in the database so several server processes share the sessions.
// Timestamps are fine here (ISO 8601 UTC text): sessions belong to staff, never to answers.
export interface SessionsTable {
  id: string;
  user_id: string;
  /** Echoed by the PWA in x-csrf-token on unsafe methods; useless without the cookie. */
  csrf_token: string;
  expires_at: string;
  created_at: string;
  /** The last request seen, for the idle expiry (018); null until the first one after sign-in. */
  last_seen_at: ColumnType<string | null, string | null | undefined, string | null>;
}
