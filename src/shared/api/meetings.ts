// The wire contract for the meeting run from the tool (issue 13; rules in src/shared/meetings.ts).
// Staff routes (session cookie + CSRF header): the leader of the unit (or above, or admin) creates
// and runs a meeting; union and safety reps of the unit read the summary. Participant routes
// (/meetings/live/...): no account; joining by code or QR token sets an HttpOnly, SameSite=Strict
// cookie holding the participant token (only its hash is stored) for the live routes.
// Anonymity: a contribution carries no author, no device and no time finer than its phase. Before
// the leader reveals a step, every answer and every event holds only a count, never a text. After
// the reveal the texts come in a random order that is fixed per step.
// Events (Server-Sent Events, GET meetingEvents for staff, liveEvents for phones): each message is
// `id: <version>` `event: snapshot` `data: <MeetingSnapshot JSON>`; the first message on connect is
// the current snapshot (so a reconnecting phone catches up whatever Last-Event-ID it sends); a
// comment line `: ping` every 20 s keeps proxies open. `version` grows with every change.
import { Type, type Static } from '@sinclair/typebox';
import {
  GROUP_ROLES,
  IGP_PHASES,
  IGP_PROMPTS,
  MAX_GROUPS,
  MEETING_LIMITS,
  MEETING_STATES,
  MEETING_STEP_KINDS,
  MEETING_TEMPLATES,
  MIN_GROUPS,
  ROLE_RULES,
} from '../meetings';
import { FactorIdSchema } from './reports';
import { Id, IsoDate, literalUnion, MunicipalityLanguageSchema, Nullable } from './primitives';
import { ReviewDecisionSchema } from './plans';

export const MeetingTemplateSchema = literalUnion(MEETING_TEMPLATES);
export const MeetingStepKindSchema = literalUnion(MEETING_STEP_KINDS);
export const IgpPhaseSchema = literalUnion(IGP_PHASES);
export const IgpPromptSchema = literalUnion(IGP_PROMPTS);
export const GroupRoleSchema = literalUnion(GROUP_ROLES);
export const RoleRuleSchema = literalUnion(ROLE_RULES);
export const MeetingStateSchema = literalUnion(MEETING_STATES);

/** A client-made UUID per contribution or vote, so a resend after an offline spell counts once. */
export const ClientIdSchema = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const contributionText = Type.String({
  minLength: 1,
  maxLength: MEETING_LIMITS.contributionLength,
  pattern: '\\S',
});

// ---- Requests -----------------------------------------------------------------------------------

export const CreateMeetingBodySchema = Type.Object(
  {
    roundId: Id,
    unitId: Id,
    template: MeetingTemplateSchema,
    /** Factors for an IGP round each and the vote (analysis only; 1..10). */
    candidateFactors: Type.Optional(
      Type.Array(FactorIdSchema, {
        minItems: 1,
        maxItems: MEETING_LIMITS.candidateFactorsMax,
        uniqueItems: true,
      }),
    ),
    groups: Type.Integer({ minimum: MIN_GROUPS, maximum: MAX_GROUPS }),
    /** One-device mode: each group's secretary types on one shared tablet (the leader's session). */
    oneDevice: Type.Boolean(),
    language: Type.Optional(MunicipalityLanguageSchema),
  },
  { additionalProperties: false },
);
export type CreateMeetingBody = Static<typeof CreateMeetingBodySchema>;

/** The leader's control: start/pause/resume/extend the timer, next moves to the next phase or step. */
export const MeetingControlBodySchema = Type.Union([
  Type.Object({ action: Type.Literal('start') }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('pause') }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('resume') }, { additionalProperties: false }),
  Type.Object(
    { action: Type.Literal('extend'), minutes: Type.Integer({ minimum: 1, maximum: 15 }) },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('next') }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('previous') }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('drawRoles') }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('reveal') }, { additionalProperties: false }),
]);
export type MeetingControlBody = Static<typeof MeetingControlBodySchema>;

export const GroupContributionBodySchema = Type.Object(
  { contributionId: Id, label: Nullable(Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' })) },
  { additionalProperties: false },
);

/** A contribution from a phone, or (one-device mode) from the leader's tablet for a group. */
export const ContributeBodySchema = Type.Object(
  {
    clientId: ClientIdSchema,
    text: contributionText,
    /** One-device mode only: the group (1..groups) whose secretary types. */
    group: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_GROUPS })),
  },
  { additionalProperties: false },
);
export type ContributeBody = Static<typeof ContributeBodySchema>;

/** Dots on the current vote's options; the sum fits in the phone's remaining dots; final. */
export const VoteBodySchema = Type.Object(
  {
    clientId: ClientIdSchema,
    dots: Type.Record(
      Type.String({ minLength: 1, maxLength: 100 }),
      Type.Integer({ minimum: 1, maximum: 10 }),
      // Every key matches the record's pattern, so this closes nothing; it says that no other
      // properties are meant (tests/server/strict-bodies.test.ts). More keys than dots cannot fit.
      { additionalProperties: false, maxProperties: MEETING_LIMITS.dotsPerPhone },
    ),
  },
  { additionalProperties: false },
);
export type VoteBody = Static<typeof VoteBodySchema>;

export const JoinBodySchema = Type.Union([
  Type.Object({ code: Type.String({ minLength: 4, maxLength: 16 }) }, { additionalProperties: false }),
  Type.Object({ token: Type.String({ minLength: 32, maxLength: 100 }) }, { additionalProperties: false }),
]);
export type JoinBody = Static<typeof JoinBodySchema>;

/** Meeting 1's outcome, into the unit's draft plan (created if none). */
export const ChooseFocusBodySchema = Type.Object(
  { keep: FactorIdSchema, improve: FactorIdSchema },
  { additionalProperties: false },
);
export const MeetingMeasuresBodySchema = Type.Object(
  {
    measures: Type.Array(
      Type.Object(
        {
          factorId: FactorIdSchema,
          text: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
          responsible: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
          deadline: IsoDate,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);
export const MeetingReviewBodySchema = Type.Object(
  {
    decisions: Type.Array(
      Type.Object(
        {
          measureId: Id,
          decision: ReviewDecisionSchema,
          note: Type.Optional(Type.String({ maxLength: 500 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    summary: Type.String({ maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export const ApproveSummaryBodySchema = Type.Object(
  { summary: Type.String({ minLength: 1, maxLength: MEETING_LIMITS.summaryLength, pattern: '\\S' }) },
  { additionalProperties: false },
);

// ---- Answers ------------------------------------------------------------------------------------

export const MeetingStepSchema = Type.Object({
  kind: MeetingStepKindSchema,
  prompt: Nullable(IgpPromptSchema),
  factorId: Nullable(FactorIdSchema),
  measureId: Nullable(Id),
  /** Only for a reviewItem: the measure's text as the plan holds it. */
  text: Nullable(Type.String()),
});
export type MeetingStep = Static<typeof MeetingStepSchema>;

export const TimerSchema = Type.Object({
  running: Type.Boolean(),
  durationSeconds: Type.Integer(),
  /** Seconds left at `serverNow` (when paused: frozen). */
  remainingSeconds: Type.Integer(),
  /** When the phase ends if nothing changes (running only); compare with serverNow for clock skew. */
  endsAt: Nullable(Type.String()),
});

export const RevealedContributionSchema = Type.Object({
  id: Id,
  text: Type.String(),
  phase: IgpPhaseSchema,
  group: Nullable(Type.Integer()),
  label: Nullable(Type.String()),
});

/** Everything the screen and the phones show; the same for every viewer of a meeting. */
export const MeetingSnapshotSchema = Type.Object({
  meetingId: Id,
  version: Type.Integer(),
  serverNow: Type.String(),
  template: MeetingTemplateSchema,
  language: MunicipalityLanguageSchema,
  oneDevice: Type.Boolean(),
  state: MeetingStateSchema,
  unitId: Id,
  roundId: Id,
  groups: Type.Integer(),
  steps: Type.Array(MeetingStepSchema),
  stepIndex: Type.Integer(),
  phase: Nullable(IgpPhaseSchema),
  timer: Nullable(TimerSchema),
  /** Per group, one rule per role, drawn at random by the server (null until drawn). */
  roles: Nullable(
    Type.Array(Type.Object({ group: Type.Integer(), roles: Type.Record(Type.String(), RoleRuleSchema) })),
  ),
  participants: Type.Integer(),
  /** Contributions of the current step (all phases); the only thing shown before the reveal. */
  contributionCount: Type.Integer(),
  revealed: Type.Boolean(),
  /** Empty until revealed; then in a random order fixed for the step, without author. */
  contributions: Type.Array(RevealedContributionSchema),
  /** Strengths round, after the reveal: word counts. */
  wordCloud: Type.Array(Type.Object({ word: Type.String(), count: Type.Integer() })),
  /** A vote step: options (factor ids, or contribution ids for measures) and dots so far. */
  vote: Nullable(
    Type.Object({
      dotsPerPhone: Type.Integer(),
      voters: Type.Integer(),
      options: Type.Array(Type.Object({ id: Id, label: Type.String(), dots: Type.Integer() })),
    }),
  ),
  focus: Nullable(Type.Object({ keep: FactorIdSchema, improve: FactorIdSchema })),
  planId: Nullable(Id),
  summary: Nullable(Type.String()),
});
export type MeetingSnapshot = Static<typeof MeetingSnapshotSchema>;

/** The leader's view: the snapshot plus how phones join (only staff with the leader's rights see it). */
export const MeetingLeaderViewSchema = Type.Object({
  snapshot: MeetingSnapshotSchema,
  /** Short code to type (expires with the meeting); null once closed. */
  code: Nullable(Type.String()),
  /** Long token for the QR link `/mote#<token>` (src/app/ui/meeting-paths.ts); null once closed. */
  joinToken: Nullable(Type.String()),
  expiresAt: Type.String(),
});
export type MeetingLeaderView = Static<typeof MeetingLeaderViewSchema>;

/** A phone's own view: the snapshot plus what this phone may still do. */
export const ParticipantViewSchema = Type.Object({
  snapshot: MeetingSnapshotSchema,
  me: Type.Object({ remainingContributions: Type.Integer(), remainingDots: Type.Integer() }),
});
export type ParticipantView = Static<typeof ParticipantViewSchema>;

export const ContributeAnswerSchema = Type.Object({
  /** false when this clientId was already stored (a resend): nothing new was stored. */
  stored: Type.Boolean(),
  remainingContributions: Type.Integer(),
});

export const MeetingListSchema = Type.Object({
  meetings: Type.Array(
    Type.Object({
      meetingId: Id,
      unitId: Id,
      roundId: Id,
      template: MeetingTemplateSchema,
      state: MeetingStateSchema,
      createdAt: Type.String(),
      summary: Nullable(Type.String()),
    }),
  ),
});

// ---- Server additions (issue 13, the server helper) ---------------------------------------------

/** The participant cookie (HttpOnly, SameSite=Strict, Path=/api/v1/meetings/live). */
export const MEETING_COOKIE = 'tf_meeting';

export const MeetingParamsSchema = Type.Object({ meetingId: Id });
export const MeetingContributionParamsSchema = Type.Object({ meetingId: Id, contributionId: Id });
export const MeetingListQuerySchema = Type.Object(
  { roundId: Id, unitId: Id },
  { additionalProperties: false },
);

/** GET meetingResults: the unit's figures for the results step, the report's (null where hidden). */
export const MeetingResultsSchema = Type.Object({
  /** The ancestor whose report the figures are from, when the unit's own is hidden. */
  basedOnUnitId: Nullable(Id),
  factors: Type.Array(Type.Object({ factorId: FactorIdSchema, average: Nullable(Type.Number()) })),
});
export type MeetingResults = Static<typeof MeetingResultsSchema>;
