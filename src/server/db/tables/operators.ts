// The hosting organisation's operator accounts (014-operator) and their sign-ins. Apart from
// `users` and `sessions` on purpose: an operator belongs to no municipality, and a staff route,
// which resolves only `sessions`, never sees an operator. The session id is the SHA-256 of the
// cookie token, as for staff.
export interface OperatorsTable {
  id: string;
  /** Normalised (lower case), unique on the instance. */
  username: string;
  display_name: string;
  password_hash: string;
  /** YYYY-MM-DD. */
  created_on: string;
}

export interface OperatorSessionsTable {
  id: string;
  operator_id: string;
  csrf_token: string;
  /** ISO 8601 UTC. */
  expires_at: string;
  created_at: string;
}
