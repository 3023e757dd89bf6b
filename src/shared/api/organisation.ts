// The wire contract for running a round: municipality, unit tree and CSV import, rounds and their
// lifecycle, one-time codes, enrolled kiosks and the public code check. The server validates with
// these schemas; the PWA derives its types from them. Staff routes need the session cookie and, on
// POST/PUT/PATCH/DELETE, the CSRF header (see ./staff.ts). Kiosk routes need
// `Authorization: Kiosk <credential>` (KIOSK_AUTH_SCHEME).
import { Type, type Static } from '@sinclair/typebox';
import { MAX_GRACE_DAYS, MAX_THRESHOLD, MIN_THRESHOLD } from '../rounds';
import { ROUND_STATUSES } from './constants';
import { CsvLineErrorSchema } from './csv-problems';
import {
  Id,
  IsoDate,
  LanguageSchema,
  literalUnion,
  LocalizedNamesSchema,
  MunicipalityLanguageSchema,
  Nullable,
} from './primitives';

// KIOSK_AUTH_SCHEME and ROUND_STATUSES live in ./constants (the respondent's first load imports them
// without TypeBox).
export { KIOSK_AUTH_SCHEME, ROUND_STATUSES, type RoundStatus } from './constants';
/** At most this many codes per request (one print run). */
export const MAX_CODES_PER_REQUEST = 2000;
/** An enrolment link works once, for this long. */
export const KIOSK_ENROLMENT_HOURS = 24;

const Language = MunicipalityLanguageSchema;
const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const IdParamsSchema = Type.Object({ id: Id });
export const RoundUnitParamsSchema = Type.Object({ roundId: Id, unitId: Id });

// ---- Municipality -------------------------------------------------------------------------------

export const MunicipalitySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** The official four-digit kommunenummer, e.g. "0301". */
  number: Type.String(),
  /** The administrative language: the default for everyone in the municipality. */
  language: Language,
});
export type Municipality = Static<typeof MunicipalitySchema>;

export const UpdateMunicipalityRequestSchema = Type.Object(
  { name: Name, number: Type.String({ pattern: '^\\d{4}$' }), language: Language },
  { additionalProperties: false },
);
export type UpdateMunicipalityRequest = Static<typeof UpdateMunicipalityRequestSchema>;

// ---- Unit types and units -----------------------------------------------------------------------

export const UnitTypeSchema = Type.Object({
  code: Type.String(),
  label: Type.Object({ nb: Type.String(), nn: Type.String(), en: Type.String() }),
});
export type UnitType = Static<typeof UnitTypeSchema>;
export const UnitTypeListResponseSchema = Type.Object({ unitTypes: Type.Array(UnitTypeSchema) });
export type UnitTypeListResponse = Static<typeof UnitTypeListResponseSchema>;

export const UnitSchema = Type.Object({
  id: Type.String(),
  parentId: Nullable(Type.String()),
  name: Type.String(),
  /** A unit type code (see /unit-types), or null. */
  unitType: Nullable(Type.String()),
  /** Employees of this unit itself; the response rate of an open-kiosk unit is answers / this. */
  employeeCount: Nullable(Type.Integer()),
  /** An enrolled kiosk of this unit may take answers without a code. */
  openKiosk: Type.Boolean(),
});
export type Unit = Static<typeof UnitSchema>;
/** Flat, parents before children; build the tree from parentId. */
export const UnitListResponseSchema = Type.Object({ units: Type.Array(UnitSchema) });
export type UnitListResponse = Static<typeof UnitListResponseSchema>;

const EmployeeCount = Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }));

export const CreateUnitRequestSchema = Type.Object(
  {
    /** The municipality's own id for the unit (as in its CSV); a random one when left out. */
    id: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._:-]{1,100}$' })),
    parentId: Nullable(Id),
    name: Name,
    unitType: Type.Optional(Nullable(Id)),
    employeeCount: Type.Optional(EmployeeCount),
    openKiosk: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateUnitRequest = Static<typeof CreateUnitRequestSchema>;

export const UpdateUnitRequestSchema = Type.Object(
  {
    parentId: Type.Optional(Nullable(Id)),
    name: Type.Optional(Name),
    unitType: Type.Optional(Nullable(Id)),
    employeeCount: Type.Optional(EmployeeCount),
    openKiosk: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUnitRequest = Static<typeof UpdateUnitRequestSchema>;

/**
 * POST /units/import takes the CSV itself as the body (Content-Type text/csv):
 *   id;parent_id;name;unit_type;employee_count
 * a header line, then one unit per line; ';' or ',' between fields; UTF-8 with or without BOM;
 * fields may be quoted with "…". unit_type is a code or a label (nb/nn/en, any case) or empty.
 * Units are created or, when the id exists, updated; units not in the file are left alone. All or
 * nothing: any bad line and nothing is written.
 */
export const UnitImportResponseSchema = Type.Object({ created: Type.Integer(), updated: Type.Integer() });
export type UnitImportResponse = Static<typeof UnitImportResponseSchema>;

/**
 * 400 CSV_INVALID: every bad line (1-based, the header is line 1), its problem code with the values it
 * names (src/shared/api/csv-problems.ts), and an English message.
 */
export const CsvInvalidResponseSchema = Type.Object({
  error: Type.Object({ code: Type.Literal('CSV_INVALID'), message: Type.String() }),
  lines: Type.Array(CsvLineErrorSchema),
});
export type CsvInvalidResponse = Static<typeof CsvInvalidResponseSchema>;

// ---- Rounds -------------------------------------------------------------------------------------

export const AdminRoundSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** The unit the round covers, with everything below it. */
  unitId: Type.String(),
  /** Inclusive calendar dates. */
  opensOn: Type.String(),
  closesOn: Type.String(),
  status: literalUnion(ROUND_STATUSES),
  defaultLanguage: LanguageSchema,
  /** The name in other languages; `name` is the name in defaultLanguage (roundName in shared/rounds.ts). */
  names: LocalizedNamesSchema,
  threshold: Type.Integer(),
  openQuestionEnabled: Type.Boolean(),
  backgroundEnabled: Type.Boolean(),
  /** Open answers are listed only for a group of at least this many; never below threshold. */
  openAnswerThreshold: Type.Integer(),
  /** Days after closesOn during which answers made by then still sync (from a kiosk or with a code). */
  graceDays: Type.Integer(),
  questionnaireVersion: Type.String(),
  createdOn: Nullable(Type.String()),
  /** The day it was published (rounds published before this was kept: their closing day), or null. */
  publishedOn: Nullable(Type.String()),
  /** The day retention deleted its individual answers (only the counts stay), or null. */
  answersDeletedOn: Nullable(Type.String()),
});
export type AdminRound = Static<typeof AdminRoundSchema>;
export const RoundListResponseSchema = Type.Object({ rounds: Type.Array(AdminRoundSchema) });
export type RoundListResponse = Static<typeof RoundListResponseSchema>;

const Threshold = Type.Integer({ minimum: MIN_THRESHOLD, maximum: MAX_THRESHOLD });
const GraceDays = Type.Integer({ minimum: 0, maximum: MAX_GRACE_DAYS });

/**
 * Defaults (src/shared/rounds.ts): opens today, runs DEFAULT_ROUND_LENGTH_DAYS (two weeks),
 * DEFAULT_THRESHOLD, open question off, background questions on, DEFAULT_GRACE_DAYS, the
 * municipality's language, the built-in questionnaire.
 * A new round is a draft.
 */
export const CreateRoundRequestSchema = Type.Object(
  {
    name: Name,
    /** The name in other languages, each optional; a reader sees names[language] ?? name. */
    names: Type.Optional(LocalizedNamesSchema),
    unitId: Id,
    opensOn: Type.Optional(IsoDate),
    closesOn: Type.Optional(IsoDate),
    threshold: Type.Optional(Threshold),
    openQuestionEnabled: Type.Optional(Type.Boolean()),
    backgroundEnabled: Type.Optional(Type.Boolean()),
    /** Not below threshold (400 OPEN_ANSWER_THRESHOLD_TOO_LOW); left out: the default or threshold, if higher. */
    openAnswerThreshold: Type.Optional(Threshold),
    graceDays: Type.Optional(GraceDays),
    defaultLanguage: Type.Optional(LanguageSchema),
    questionnaireVersion: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type CreateRoundRequest = Static<typeof CreateRoundRequestSchema>;

/**
 * A draft may change anything. Once open: name, closesOn (not before today) and graceDays. Closed
 * or published: name and graceDays. Anything else is 409 ROUND_LOCKED: what a report may show
 * (threshold, openAnswerThreshold, open question, background) is frozen when the round opens.
 */
export const UpdateRoundRequestSchema = Type.Object(
  {
    name: Type.Optional(Name),
    /** Replaces the names in other languages as a whole ({} removes them). */
    names: Type.Optional(LocalizedNamesSchema),
    unitId: Type.Optional(Id),
    opensOn: Type.Optional(IsoDate),
    closesOn: Type.Optional(IsoDate),
    threshold: Type.Optional(Threshold),
    openQuestionEnabled: Type.Optional(Type.Boolean()),
    backgroundEnabled: Type.Optional(Type.Boolean()),
    /** Not below threshold (400 OPEN_ANSWER_THRESHOLD_TOO_LOW); left out: the default or threshold, if higher. */
    openAnswerThreshold: Type.Optional(Threshold),
    graceDays: Type.Optional(GraceDays),
    defaultLanguage: Type.Optional(LanguageSchema),
    questionnaireVersion: Type.Optional(Id),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRoundRequest = Static<typeof UpdateRoundRequestSchema>;

/** POST /rounds/:id/open | close | publish: draft → open → closed → published, nothing else (409 INVALID_TRANSITION). */
export const ROUND_TRANSITIONS = { open: 'draft', close: 'open', publish: 'closed' } as const;
export type RoundTransition = keyof typeof ROUND_TRANSITIONS;

/**
 * How many answers the server refused for one reason (an error code of errors.ts, such as
 * ROUND_CLOSED or KIOSK_REVOKED): a count only, with no time and nothing about who or which device.
 */
export const RejectionCountSchema = Type.Object({ reason: Type.String(), count: Type.Integer() });
export type RejectionCount = Static<typeof RejectionCountSchema>;

export const UnitProgressSchema = Type.Object({
  unitId: Type.String(),
  parentId: Nullable(Type.String()),
  name: Type.String(),
  openKiosk: Type.Boolean(),
  /** Codes issued, or for an open-kiosk unit its employee count (null when unknown). */
  invited: Nullable(Type.Integer()),
  /** Answers stored for this unit itself. */
  answered: Type.Integer(),
  /** answered / invited, 0..1 (may pass 1 if the employee count is low); null without invited. */
  rate: Nullable(Type.Number()),
  codesIssued: Type.Integer(),
  codesUsed: Type.Integer(),
  refused: Type.Object({ unknownCode: Type.Integer(), usedCode: Type.Integer() }),
  /** Answers the server refused for this unit, per reason (the code refusals too), most first. */
  rejected: Type.Array(RejectionCountSchema),
});
export type UnitProgress = Static<typeof UnitProgressSchema>;

/** Every unit of the round within the caller's scope, parents first; totals over those units. */
export const RoundProgressResponseSchema = Type.Object({
  round: AdminRoundSchema,
  units: Type.Array(UnitProgressSchema),
  total: Type.Object({ invited: Type.Integer(), answered: Type.Integer(), rate: Nullable(Type.Number()) }),
  /** Refused answers whose unit was unknown or not the round's; [] unless the caller sees the round's unit. */
  rejectedWithoutUnit: Type.Array(RejectionCountSchema),
});
export type RoundProgressResponse = Static<typeof RoundProgressResponseSchema>;

// ---- Codes --------------------------------------------------------------------------------------

export const CreateCodesRequestSchema = Type.Object(
  { count: Type.Integer({ minimum: 1, maximum: MAX_CODES_PER_REQUEST }) },
  { additionalProperties: false },
);
export type CreateCodesRequest = Static<typeof CreateCodesRequestSchema>;

/**
 * The new codes in display form ("K7M-2QX-9RT"), shown this once: the server keeps only a keyed
 * hash. The link for a slip or an e-mail merge is CODE_LINK_PREFIX + normaliseCode(code).
 */
export const CreateCodesResponseSchema = Type.Object({ codes: Type.Array(Type.String()) });
export type CreateCodesResponse = Static<typeof CreateCodesResponseSchema>;

export const CodesSummaryResponseSchema = Type.Object({
  issued: Type.Integer(),
  used: Type.Integer(),
  refused: Type.Object({ unknownCode: Type.Integer(), usedCode: Type.Integer() }),
});
export type CodesSummaryResponse = Static<typeof CodesSummaryResponseSchema>;

/** POST /codes/check (public; failed guesses are limited per client and hour: 429 RATE_LIMITED). */
export const CodeCheckRequestSchema = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);
export type CodeCheckRequest = Static<typeof CodeCheckRequestSchema>;

/**
 * valid: unused, and its round takes answers today; send answers with roundId = round.id and
 * unitId = unit.id. used: already answered with. notOpen: the round does not take answers now.
 * unknown: no such code (or a typo the check character did not catch).
 */
export const CodeCheckResponseSchema = Type.Union([
  Type.Object({
    status: Type.Literal('valid'),
    round: Type.Object({
      id: Type.String(),
      name: Type.String(),
      opensOn: Type.String(),
      closesOn: Type.String(),
      questionnaireVersion: Type.String(),
    }),
    unit: Type.Object({ id: Type.String(), name: Type.String() }),
  }),
  Type.Object({
    status: Type.Union([Type.Literal('used'), Type.Literal('notOpen'), Type.Literal('unknown')]),
  }),
]);
export type CodeCheckResponse = Static<typeof CodeCheckResponseSchema>;

// ---- Kiosks -------------------------------------------------------------------------------------

export const CreateKioskEnrolmentRequestSchema = Type.Object(
  { label: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
);
export type CreateKioskEnrolmentRequest = Static<typeof CreateKioskEnrolmentRequestSchema>;

/** The enrolment link for the QR code: url = '/kiosk/<token>'. Works once, until expiresAt (ISO 8601). */
export const KioskEnrolmentResponseSchema = Type.Object({
  token: Type.String(),
  url: Type.String(),
  expiresAt: Type.String(),
});
export type KioskEnrolmentResponse = Static<typeof KioskEnrolmentResponseSchema>;

export const KioskEnrolRequestSchema = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type KioskEnrolRequest = Static<typeof KioskEnrolRequestSchema>;

/** What a kiosk knows about itself (enrolment answer and /kiosk/status). */
export const KioskSelfSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  unit: Type.Object({ id: Type.String(), name: Type.String() }),
  /** Answers without a code are taken (the unit's open kiosk mode); otherwise ask for the code. */
  openKiosk: Type.Boolean(),
  round: Type.Object({
    id: Type.String(),
    name: Type.String(),
    opensOn: Type.String(),
    closesOn: Type.String(),
    status: literalUnion(ROUND_STATUSES),
  }),
  /** Set once revoked: take no new answers; answers made up to this date still sync. */
  revokedOn: Nullable(Type.String()),
});
export type KioskSelf = Static<typeof KioskSelfSchema>;

/** The credential is shown once; store it on the device and send it as `Authorization: Kiosk <credential>`. */
export const KioskEnrolResponseSchema = Type.Object({ credential: Type.String(), kiosk: KioskSelfSchema });
export type KioskEnrolResponse = Static<typeof KioskEnrolResponseSchema>;

/** POST /kiosk/status: how many answers wait on the tablet (a count only). */
export const KioskStatusRequestSchema = Type.Object(
  { pending: Type.Integer({ minimum: 0, maximum: 1_000_000 }) },
  { additionalProperties: false },
);
export type KioskStatusRequest = Static<typeof KioskStatusRequestSchema>;
export const KioskStatusResponseSchema = Type.Object({ kiosk: KioskSelfSchema });
export type KioskStatusResponse = Static<typeof KioskStatusResponseSchema>;

export const KioskListItemSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  unit: Type.Object({ id: Type.String(), name: Type.String() }),
  round: Type.Object({ id: Type.String(), name: Type.String() }),
  enrolledAt: Type.String(),
  lastSyncAt: Nullable(Type.String()),
  pendingReported: Type.Integer(),
  revokedOn: Nullable(Type.String()),
});
export type KioskListItem = Static<typeof KioskListItemSchema>;
export const KioskListResponseSchema = Type.Object({ kiosks: Type.Array(KioskListItemSchema) });
export type KioskListResponse = Static<typeof KioskListResponseSchema>;
