// The wire contract of the records the law asks for (issue 15). The processing record (GDPR
// Art. 30(1), behandlingsprotokoll) is generated from the municipality's data and settings each
// time it is read. It carries stable keys, enums, numbers and ids only, never sentences: the words
// are in the staff app's `records` texts in nb, nn and en, so the same record reads (and prints)
// in the reader's language, the JSON download stays comparable between versions, and a change of
// wording never changes the data. The accessibility statement's one request gives only what the
// public page needs to name the municipality and link its uustatus.no statement.
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, literalUnion, MunicipalityLanguageSchema, Nullable } from './primitives';
import { StaffRoleSchema } from './staff';

/** Bumped when a key changes meaning or goes; a new key does not bump it. */
export const PROCESSING_RECORD_FORMAT = 1;

/** Art. 30(1)(b): why the data is processed. */
export const RECORD_PURPOSES = ['survey', 'followUp', 'staffAccounts'] as const;
/** Art. 30(1)(c): whose data. */
export const RECORD_DATA_SUBJECTS = ['respondents', 'staff'] as const;
/** Art. 30(1)(c): what is kept about staff. */
export const RECORD_STAFF_DATA = ['name', 'username', 'roles', 'sessions', 'auditLog'] as const;
/** Art. 30(1)(c): what is (and is not) kept of a respondent. */
export const RECORD_RESPONDENT_DATA = [
  'noIdentity',
  'sealedUntilRelease',
  'noTimeDeviceOrCode',
  'reportedAboveThreshold',
  'openTextMayIdentify',
  'background',
  'meetingContributions',
] as const;
/** Art. 30(1)(g): the technical and organisational measures (Art. 32). */
export const RECORD_SECURITY_MEASURES = [
  'sealedInbox',
  'suppression',
  'hashedCodes',
  'rolesAndScope',
  'frozenFrames',
  'csrf',
  'rateLimits',
  'securityHeaders',
  'quietRequestLog',
  'auditLogAppendOnly',
  'passwordHashing',
  'transportEncryption',
] as const;
/** Who runs the server: a hosting operator serving several municipalities, or the municipality. */
export const RECORD_HOSTING = ['operator', 'municipality'] as const;

export const ProcessingRecordSchema = Type.Object({
  formatVersion: Type.Literal(PROCESSING_RECORD_FORMAT),
  /** The Oslo date the record was generated: it describes the settings of that day. */
  generatedOn: IsoDate,
  /** Art. 30(1)(a): the controller is the municipality. */
  controller: Type.Object({
    municipalityId: Type.String(),
    name: Type.String(),
    /** The kommunenummer. */
    number: Type.String(),
    language: MunicipalityLanguageSchema,
    /** How to reach the controller, as the admin wrote it (Kommunen); null until then. */
    contact: Nullable(Type.String()),
  }),
  /** Art. 30(1)(a) too: how to reach the data protection officer (personvernombud); null until given. */
  dataProtectionOfficer: Type.Object({ contact: Nullable(Type.String()) }),
  purposes: Type.Array(literalUnion(RECORD_PURPOSES)),
  dataSubjects: Type.Array(literalUnion(RECORD_DATA_SUBJECTS)),
  personalData: Type.Object({
    staff: Type.Array(literalUnion(RECORD_STAFF_DATA)),
    respondents: Type.Array(literalUnion(RECORD_RESPONDENT_DATA)),
  }),
  /** Art. 30(1)(d): each staff role, what it may see (in the texts) and how many accounts hold it now. */
  recipients: Type.Array(Type.Object({ role: StaffRoleSchema, accounts: Type.Integer({ minimum: 0 }) })),
  /** Art. 30(1)(e): the app sends nothing to a third country. */
  transfers: Type.Object({
    thirdCountries: Type.Literal('none'),
    /** The municipality's own identity provider for staff sign-in, when one is set up. */
    identityProvider: Nullable(Type.Object({ issuer: Type.String() })),
  }),
  /** Art. 30(1)(f): how long each kind of data is kept. */
  retention: Type.Object({
    answersMonthsAfterPublishing: Type.Integer({ minimum: 1 }),
    auditLogMonths: Type.Integer({ minimum: 1 }),
    sessionIdleHours: Type.Integer({ minimum: 1 }),
    sessionAbsoluteDays: Type.Integer({ minimum: 1 }),
    meetingInputDays: Type.Integer({ minimum: 1 }),
    /** The lowest threshold any round may set (a group below its round's threshold shows nothing). */
    minimumThreshold: Type.Integer({ minimum: 1 }),
    codes: Type.Literal('keyedHashOnly'),
  }),
  security: Type.Array(literalUnion(RECORD_SECURITY_MEASURES)),
  processors: Type.Object({ hosting: literalUnion(RECORD_HOSTING) }),
  /** The municipality's settings the record was generated from, as stored. */
  settings: Type.Object({
    answerRetentionMonths: Type.Integer(),
    auditRetentionMonths: Type.Integer(),
    sessionIdleHours: Type.Integer(),
    accessibilityStatementUrl: Nullable(Type.String()),
  }),
});
export type ProcessingRecord = Static<typeof ProcessingRecordSchema>;

/** GET /public/accessibility?municipality=<entry slug>: the slug may be left out on a one-municipality instance. */
export const AccessibilityQuerySchema = Type.Object(
  { municipality: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export type AccessibilityQuery = Static<typeof AccessibilityQuerySchema>;

/** Nothing but the name and the link: null for both when no slug names one of several municipalities. */
export const AccessibilityInfoSchema = Type.Object({
  municipalityName: Nullable(Type.String()),
  statementUrl: Nullable(Type.String()),
});
export type AccessibilityInfo = Static<typeof AccessibilityInfoSchema>;
