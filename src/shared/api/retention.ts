// The wire contract of retention and deletion (issue 15): the municipality's settings for how long
// answers and the audit log are kept (and the staff session's idle limit and the accessibility
// statement's address, which live beside them), and deleting a round for good with a preview of
// what goes. Admin changes the settings and deletes; the privacy officer reads the settings.
import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from './primitives';

/** The bounds of each setting; the database checks the same ones (migration 018). */
export const SETTINGS_LIMITS = {
  sessionIdleHours: { min: 1, max: 720, default: 8 },
  answerRetentionMonths: { min: 1, max: 120, default: 24 },
  auditRetentionMonths: { min: 1, max: 120, default: 24 },
  accessibilityStatementUrlMaxLength: 500,
  contactMaxLength: 300,
} as const;

/** A contact for the processing record: one line or a few, as the admin writes it. */
const Contact = Nullable(
  Type.String({ minLength: 1, maxLength: SETTINGS_LIMITS.contactMaxLength, pattern: '\\S' }),
);

const bounded = (limits: { min: number; max: number }) =>
  Type.Integer({ minimum: limits.min, maximum: limits.max });

const numberAndAddressFields = {
  /** A staff session ends after this many hours without a request. */
  sessionIdleHours: bounded(SETTINGS_LIMITS.sessionIdleHours),
  /** Months after a round is published that its answer rows are kept; then only counts stay. */
  answerRetentionMonths: bounded(SETTINGS_LIMITS.answerRetentionMonths),
  /** Months an entry of the audit log is kept. */
  auditRetentionMonths: bounded(SETTINGS_LIMITS.auditRetentionMonths),
  /** An https address of the municipality's accessibility statement, or null for none. */
  accessibilityStatementUrl: Nullable(
    Type.String({ minLength: 1, maxLength: SETTINGS_LIMITS.accessibilityStatementUrlMaxLength }),
  ),
};

/** GET/PUT /municipality/settings. */
export const MunicipalitySettingsSchema = Type.Object(
  {
    ...numberAndAddressFields,
    /** How to reach the controller (the municipality), for the processing record; null: not given. */
    controllerContact: Contact,
    /** How to reach the data protection officer (personvernombud), for the processing record. */
    dataProtectionOfficerContact: Contact,
  },
  { additionalProperties: false },
);
export type MunicipalitySettings = Static<typeof MunicipalitySettingsSchema>;

/**
 * PUT replaces them all: the screen always sends the whole form. The two contacts came later, so
 * a screen from before them may leave them out, and then they stay as they are.
 */
export const UpdateMunicipalitySettingsRequestSchema = Type.Object(
  {
    ...numberAndAddressFields,
    controllerContact: Type.Optional(Contact),
    dataProtectionOfficerContact: Type.Optional(Contact),
  },
  { additionalProperties: false },
);
export type UpdateMunicipalitySettingsRequest = Static<typeof UpdateMunicipalitySettingsRequestSchema>;

/** GET /rounds/:id/deletion: what deleting the round for good takes with it. */
export const RoundDeletionPreviewSchema = Type.Object({
  roundId: Type.String(),
  /** What the admin types to confirm: the round's name exactly. */
  name: Type.String(),
  status: Type.String(),
  /** Answer rows kept (0 once retention deleted them). */
  answers: Type.Integer(),
  /** Answers sealed and waiting for the round's release. */
  sealedAnswers: Type.Integer(),
  /** Answers counted in the round's figures: the figures, trends and comparisons that go with it. */
  countedAnswers: Type.Integer(),
  codes: Type.Integer(),
  /** Enrolled tablets of the round and enrolment links not yet used or expired. */
  kiosks: Type.Integer(),
  kioskEnrolments: Type.Integer(),
  /** Follow-up plans made on this round's report: deleted with it. */
  plans: Type.Integer(),
  meetings: Type.Integer(),
  /** The date retention deleted the answer rows, or null. */
  answersDeletedOn: Nullable(Type.String()),
});
export type RoundDeletionPreview = Static<typeof RoundDeletionPreviewSchema>;

/** DELETE /rounds/:id: confirmed by the round's name, as the preview gave it. */
export const DeleteRoundRequestSchema = Type.Object(
  { confirmName: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);
export type DeleteRoundRequest = Static<typeof DeleteRoundRequestSchema>;

/** What went: the preview's counts as they were in the deleting transaction. */
export const DeleteRoundResponseSchema = RoundDeletionPreviewSchema;
export type DeleteRoundResponse = RoundDeletionPreview;
