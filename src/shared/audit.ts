// The audit log's vocabulary (issue 15): what a staff member read or changed. Each entry names
// who (the account), what (one of these actions), which unit and round, and the minute; never a
// respondent, a code or a device. The server writes entries (src/server/audit/), the staff app
// shows and filters them, and both read the action names from here.

/** Reads: who looked at what the survey found. */
export const AUDIT_READ_ACTIONS = [
  'report.unit.read',
  'report.municipality.read',
  'report.heatmap.read',
  'report.open_answers.read',
  'report.export.csv',
  'report.export.print',
  'audit.read',
  'audit.export',
] as const;

/** Changes made by staff through the API. */
export const AUDIT_CHANGE_ACTIONS = [
  // Organisation and rounds
  'unit.create',
  'unit.update',
  'unit.delete',
  'unit.import',
  'round.create',
  'round.update',
  'round.transition',
  'round.delete',
  'round.preparation',
  'codes.issue',
  'kiosk.enrol',
  'kiosk.revoke',
  'national_figures.import',
  // Accounts, roles and sessions
  'account.create',
  'account.roles',
  'account.delete',
  'account.password_reset',
  'account.sessions_ended',
  // Sign-in with the municipality's identity provider
  'account.created_at_sign_in',
  'account.roles_from_provider',
  'oidc.settings',
  'oidc.role_mappings',
  // Settings
  'municipality.update',
  'settings.update',
  // Follow-up plans and meetings
  'plan.create',
  'plan.update',
  'meeting.change',
] as const;

/** Deletions the system makes by itself (retention): the actor is null. */
export const AUDIT_SYSTEM_ACTIONS = [
  'retention.answers_deleted',
  'retention.audit_deleted',
  'retention.meetings_deleted',
] as const;

export const AUDIT_ACTIONS = [
  ...AUDIT_READ_ACTIONS,
  ...AUDIT_CHANGE_ACTIONS,
  ...AUDIT_SYSTEM_ACTIONS,
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The longest detail an entry keeps; longer ones are cut. */
export const AUDIT_DETAIL_MAX = 300;
