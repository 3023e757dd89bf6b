// One entry of the audit log (018-audit-and-retention): which staff member (or the system, actor
// null) did or read what, on which unit and round, to the minute. Append-only: a trigger refuses
// every UPDATE, and only retention deletes (whole rows older than the municipality's period).
// Never a respondent, a code, a kiosk credential or a device.
export interface AuditLogTable {
  id: string;
  municipality_id: string;
  /** UTC to the minute: 'YYYY-MM-DDTHH:MMZ'. */
  at: string;
  /** The account, null for the system (scheduled retention). No foreign key: it outlives the account. */
  actor_id: string | null;
  /** The account's display name and username when it acted, so the entry still says who. */
  actor_name: string | null;
  /** One of AUDIT_ACTIONS (src/shared/audit.ts). */
  action: string;
  unit_id: string | null;
  round_id: string | null;
  /** A short, non-personal detail: a count, a name, a setting's new value. */
  detail: string | null;
}
