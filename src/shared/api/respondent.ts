// The wire contract between the PWA and the server, written once. Fastify validates with these
// JSON schemas; both sides derive their TypeScript types from them.
import { Type, type Static } from '@sinclair/typebox';
import { MIN_IDLE_TIMEOUT_SECONDS } from '../device';
import { MAX_BATCH_SIZE, MAX_REPORTED_PENDING } from './constants';
import { Id, IsoDate, LanguageSchema, LocalizedNamesSchema, LocalizedTextSchema } from './primitives';

// The plain values live in ./constants (the respondent's first load imports them without TypeBox).
export { MAX_BATCH_SIZE, MAX_BODY_BYTES, MAX_REPORTED_PENDING, SYNC_FORMAT_VERSION } from './constants';

export const QuestionnaireSchema = Type.Object({
  version: Type.String(),
  statements: Type.Array(
    Type.Object({
      id: Type.String(),
      factor: Type.String(),
      order: Type.Integer(),
      text: LocalizedTextSchema,
    }),
  ),
  background: Type.Array(
    Type.Object({
      id: Type.String(),
      label: LocalizedTextSchema,
      options: Type.Array(Type.Object({ value: Type.String(), label: LocalizedTextSchema })),
    }),
  ),
  openQuestion: Type.Object({
    label: LocalizedTextSchema,
    warning: LocalizedTextSchema,
    maxLength: Type.Integer(),
  }),
});

export const RoundSchema = Type.Object({
  id: Type.String(),
  /** The name in defaultLanguage. */
  name: Type.String(),
  /** The name in other languages (absent from servers and cached rounds before it existed). */
  names: Type.Optional(LocalizedNamesSchema),
  /** Calendar dates, YYYY-MM-DD, inclusive. */
  opensOn: Type.String(),
  closesOn: Type.String(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('open'), Type.Literal('closed')]),
  defaultLanguage: LanguageSchema,
  threshold: Type.Integer(),
  openQuestionEnabled: Type.Boolean(),
  backgroundEnabled: Type.Boolean(),
  questionnaireVersion: Type.String(),
  unit: Type.Object({ id: Type.String(), name: Type.String() }),
});
export type Round = Static<typeof RoundSchema>;

export const DeviceSettingsSchema = Type.Object({
  /** Shared-tablet idle timeout: warn 30 s before, then wipe the draft. */
  idleTimeoutSeconds: Type.Integer({ minimum: MIN_IDLE_TIMEOUT_SECONDS }),
});

export type DeviceSettings = Static<typeof DeviceSettingsSchema>;

export const CurrentRoundResponseSchema = Type.Object({
  round: RoundSchema,
  questionnaire: QuestionnaireSchema,
  settings: Type.Optional(DeviceSettingsSchema),
});
export type CurrentRoundResponse = Static<typeof CurrentRoundResponseSchema>;

/**
 * Every round a device of one municipality may offer today (GET RESPONDENT_PATHS.entryRounds, the
 * respondents' entry address /k/<slug>): several may be open at once. Each round's questionnaire
 * is in `questionnaires` once per version. An enrolled kiosk gets its own round only. No round
 * open: `rounds` is empty (an unknown address is 404 ENTRY_UNKNOWN).
 */
export const EntryRoundsResponseSchema = Type.Object({
  municipality: Type.Object({ slug: Type.String(), name: Type.String() }),
  rounds: Type.Array(RoundSchema),
  questionnaires: Type.Array(QuestionnaireSchema),
  settings: Type.Optional(DeviceSettingsSchema),
});
export type EntryRoundsResponse = Static<typeof EntryRoundsResponseSchema>;

/** The query of GET RESPONDENT_PATHS.currentRound: `m`, the municipality's entry slug (optional). */
export const CurrentRoundQuerySchema = Type.Object({ m: Type.Optional(Type.String()) });

/** One finished response as the device sends it. Carries nothing that identifies a person or a device. */
export const SubmittedResponseSchema = Type.Object(
  {
    /** Client-generated UUID: the idempotency key. */
    id: Type.String({ format: 'uuid' }),
    roundId: Id,
    unitId: Id,
    questionnaireVersion: Type.String({ minLength: 1, maxLength: 100 }),
    /** Date only (YYYY-MM-DD, Europe/Oslo), never a time of day. */
    answeredOn: IsoDate,
    /** statement id → 1..5, or null when left unanswered. */
    answers: Type.Record(Type.String(), Type.Union([Type.Integer(), Type.Null()])),
    /** background question id → option value or "declined". Absent = not asked or skipped. */
    background: Type.Record(Type.String(), Type.String()),
    openText: Type.Optional(Type.String()),
    /**
     * The respondent's one-time code as typed (any case, dashes and spaces allowed). Required
     * unless the batch comes from an enrolled kiosk of an open-kiosk unit. It is used up when the
     * answer is stored and never stored with it; the code's unit becomes the answer's unit.
     */
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type SubmittedResponse = Static<typeof SubmittedResponseSchema>;

/** The batch envelope. Items are validated one by one so one bad item never sinks the others. */
export const IngestRequestSchema = Type.Object(
  {
    formatVersion: Type.Integer(),
    responses: Type.Array(Type.Unknown(), { maxItems: MAX_BATCH_SIZE }),
    /**
     * How many answers wait on the device besides this batch (a count only). An enrolled kiosk's
     * count is kept once the batch is stored; if the kiosk is revoked, it may deliver that many
     * more. Other devices' counts are ignored.
     */
    pending: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_REPORTED_PENDING })),
    /**
     * The device's own date (YYYY-MM-DD, Oslo) as it sends the batch. A clock that is k days off
     * now was k days off when the answers were made, so the server moves each answer's date by the
     * difference to its own date before the round window applies. Used for that alone, never stored.
     */
    deviceToday: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type IngestRequest = Static<typeof IngestRequestSchema>;

export const IngestItemResultSchema = Type.Union([
  Type.Object({ id: Type.String(), status: Type.Literal('accepted') }),
  Type.Object({ id: Type.String(), status: Type.Literal('duplicate') }),
  Type.Object({
    id: Type.String(),
    status: Type.Literal('rejected'),
    code: Type.String(),
    message: Type.String(),
  }),
]);
export type IngestItemResult = Static<typeof IngestItemResultSchema>;

/**
 * 200 when every item is accepted or duplicate; 400 with error BATCH_PARTIALLY_REJECTED when any
 * item is rejected (the valid ones are still stored). Either way `results` has one entry per item,
 * in request order (an item without a usable id gets id "").
 */
export const IngestResponseSchema = Type.Object({
  results: Type.Array(IngestItemResultSchema),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});
export type IngestResponse = Static<typeof IngestResponseSchema>;

export const HealthResponseSchema = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
});
