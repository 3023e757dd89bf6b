// A one-time link an admin made for another person to set a new password (018). Only the SHA-256
// of the token is kept; the link is shown once to the admin who made it.
export interface PasswordResetsTable {
  hash: string;
  user_id: string;
  /** ISO 8601 UTC. */
  expires_at: string;
  created_at: string;
}
