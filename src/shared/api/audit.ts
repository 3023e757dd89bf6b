// The audit log's wire contract (issue 15): reading and exporting the log (admin and the privacy
// officer), telling the server about an export the browser makes (CSV, print), and the staff
// sessions an admin manages for another person (a one-time password link, ending sessions). The
// action names are src/shared/audit.ts.
import { Type, type Static } from '@sinclair/typebox';
import { AUDIT_ACTIONS } from '../audit';
import { Id, IsoDate, literalUnion, Nullable } from './primitives';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './staff';

export const AUDIT_PAGE_MAX = 500;
export const AUDIT_PAGE_DEFAULT = 100;

export const AuditActionSchema = literalUnion(AUDIT_ACTIONS);

/** GET /audit-log and /audit-log/export: every filter optional; from/to are Oslo dates, both included. */
export const AuditLogQuerySchema = Type.Object(
  {
    actor: Type.Optional(Id),
    unit: Type.Optional(Id),
    action: Type.Optional(AuditActionSchema),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    /** 1 to AUDIT_PAGE_MAX, as text (a query string holds text; the server coerces nothing). */
    limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$' })),
    /** Where the page starts, counted from the newest entry; as text. */
    offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$' })),
  },
  { additionalProperties: false },
);
export type AuditLogQuery = Static<typeof AuditLogQuerySchema>;

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  /** UTC to the minute: 'YYYY-MM-DDTHH:MMZ'. */
  at: Type.String(),
  /** null: the system itself (retention). */
  actorId: Nullable(Type.String()),
  /** The name and username when the entry was written; it stays after the account is gone. */
  actorName: Nullable(Type.String()),
  /** One of AUDIT_ACTIONS; a string, so an entry written by a newer server still reads. */
  action: Type.String(),
  unitId: Nullable(Type.String()),
  /** The unit's name now; null when there is no unit or it is gone. */
  unitName: Nullable(Type.String()),
  roundId: Nullable(Type.String()),
  roundName: Nullable(Type.String()),
  detail: Nullable(Type.String()),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

/** Newest first. nextOffset: the offset of the next page, null on the last one. */
export const AuditLogResponseSchema = Type.Object({
  entries: Type.Array(AuditEntrySchema),
  nextOffset: Nullable(Type.Integer()),
});
export type AuditLogResponse = Static<typeof AuditLogResponseSchema>;

/** POST /audit/exports: the browser says what it is about to make, before it makes it. */
export const AUDIT_EXPORT_KINDS = ['csv', 'print'] as const;
export const AUDIT_EXPORT_SUBJECTS = ['report', 'heatmap', 'plans'] as const;
export const AuditExportRequestSchema = Type.Object(
  {
    kind: literalUnion(AUDIT_EXPORT_KINDS),
    subject: literalUnion(AUDIT_EXPORT_SUBJECTS),
    roundId: Id,
    unitId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type AuditExportRequest = Static<typeof AuditExportRequestSchema>;

// ---- Staff sessions an admin manages ----------------------------------------------------------

/** POST /accounts/:id/password-reset: the link's token, shown once; only its hash is kept. */
export const PasswordResetLinkSchema = Type.Object({ token: Type.String(), expiresAt: Type.String() });
export type PasswordResetLink = Static<typeof PasswordResetLinkSchema>;

export const PasswordResetTokenParamsSchema = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 200 }),
});

/** GET /auth/password-reset/:token: the link is good, for this account. */
export const PasswordResetStatusSchema = Type.Object({ username: Type.String(), displayName: Type.String() });
export type PasswordResetStatus = Static<typeof PasswordResetStatusSchema>;

export const PasswordResetRequestSchema = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH }),
  },
  { additionalProperties: false },
);
export type PasswordResetRequest = Static<typeof PasswordResetRequestSchema>;
