// The one row (id 1) the readiness check rewrites to prove the database takes writes
// (005-server-meta). `flip` turns between 0 and 1 so every check really changes the row.
export interface ReadinessProbeTable {
  id: number;
  flip: number;
}
