import type { ColumnType } from 'kysely';

// A staff account (HR, leaders, union and safety representatives) of one municipality. Usernames
// are stored normalised (lower case) and unique per municipality. Respondents have no account.
export interface UsersTable {
  id: string;
  municipality_id: string;
  username: string;
  display_name: string;
  /** Self-describing scrypt string (see src/server/auth/password.ts); never leaves the server. */
  password_hash: string;
  /** YYYY-MM-DD. */
  created_on: string;
  /**
   * The identity provider's account key (019-oidc: '<tid>:<oid>' for Entra ID); null for a local
   * account. An account made at sign-in has no usable password_hash (see auth/password.ts).
   */
  oidc_subject: ColumnType<string | null, string | null | undefined, string | null>;
}
