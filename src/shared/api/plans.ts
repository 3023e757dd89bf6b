// The wire contract for the follow-up plan (issue 12, KS's method: ../shared/docs/domain.md "After
// the report"). One plan per unit and round with a report: focus factors (keep or improve), goals
// and measures per focus factor, the consultation of the safety and union reps, quarterly reviews,
// a public read-only "Dette gjør vi" view behind an unguessable link, the leader's due list and the
// follow-up overview for the municipality and each sector.
//
// Rules a client can rely on (the server enforces them, src/server/plans/):
// - Who: leaders edit the plans of their units (a role on the unit or above it); leaders, union
//   reps and safety reps of the unit read them, and a rep marks their own consultation as seen;
//   admin reads every plan and the overview (and sets focusFactorCount); a leader also reads the
//   overview of a unit in their scope. Only published rounds have plans.
// - Small units: a unit whose report is hidden in the round (below the threshold, or hidden to
//   protect another group) plans on the nearest ancestor with a report: `basedOnUnitId` names it
//   (null when the unit has its own report). A focus factor's `figure` is that report's average
//   for the factor when the plan chose it, filled by the server only; null when no report above
//   shows it. The client never sends a figure.
// - Lifecycle: draft → agreed → in_progress → evaluated → closed; agreed → draft while no review
//   is recorded. Agreeing needs every item of `readiness.missing` done. A review in `agreed`
//   moves the plan to `in_progress`. What may change in which state: PLAN_EDIT_RULES below.
// - No text of a plan is about a single employee or their answers: the plan is about the unit.
//   Every text is bounded (the lengths below) and control characters are refused (INVALID_TEXT).
// - Public view: no login, the token alone (≥128 bits, only its hash is stored). Renewing makes a
//   new token and kills the old one at once; an unknown or old token is 404 PLAN_LINK_INVALID, and
//   failed guesses are counted per client like one-time codes (20 an hour, then 429 RATE_LIMITED
//   with Retry-After for unknown tokens; a good token is always answered). Cache-Control is
//   `private, max-age=300`, the body holds no account names: a measure owned by an account shows
//   the role that account holds on the unit, a measure owned by a named role shows the leader's text.
//   Staff views show the account's display name.
import { Type, type Static } from '@sinclair/typebox';
import { FactorIdSchema } from './reports';
import { Id, IsoDate, literalUnion, MunicipalityLanguageSchema, Nullable } from './primitives';
import { StaffRoleSchema } from './staff';

// ---- Constants ----------------------------------------------------------------------------------

export const PLAN_STATUSES = ['draft', 'agreed', 'in_progress', 'evaluated', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/** A plan counts as agreed in the overview from `agreed` on. */
export const AGREED_STATUSES: readonly PlanStatus[] = ['agreed', 'in_progress', 'evaluated', 'closed'];

export const FOCUS_KINDS = ['keep', 'improve'] as const;
export type FocusKind = (typeof FOCUS_KINDS)[number];

export const MEASURE_STATUSES = ['not_started', 'in_progress', 'stuck', 'done', 'dropped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
/** A measure with one of these statuses is finished: never overdue. */
export const FINISHED_MEASURE_STATUSES: readonly MeasureStatus[] = ['done', 'dropped'];

export const REVIEW_DECISIONS = ['keep', 'adjust', 'drop'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** The two reps the leader consults (Working Environment Act §6-2 for the safety rep). */
export const CONSULTATION_PARTIES = ['safetyRep', 'unionRep'] as const;
export type ConsultationParty = (typeof CONSULTATION_PARTIES)[number];
/** The staff role that marks a party's consultation as seen. */
export const PARTY_ROLE = { safetyRep: 'safety_rep', unionRep: 'union_rep' } as const;

/** The transitions a leader asks for; `draft` reopens an agreed plan that has no review yet. */
export const PLAN_TRANSITIONS = {
  draft: ['agreed'],
  agreed: ['draft', 'in_progress'],
  in_progress: ['evaluated'],
  evaluated: ['closed'],
  closed: [],
} as const satisfies Record<PlanStatus, readonly PlanStatus[]>;

/**
 * What may change in which state. focus: focus factors and goals (add, edit, delete); measures:
 * add and edit (text, responsible, deadline, status, notes); deleteMeasure: delete (later a
 * measure is dropped instead, so reviews keep what they judged); settings: reviewIntervalMonths,
 * nextReviewOn; consultation: consultedOn and seen; review: record a review.
 */
export const PLAN_EDIT_RULES = {
  draft: {
    focus: true,
    measures: true,
    deleteMeasure: true,
    settings: true,
    consultation: true,
    review: false,
  },
  agreed: {
    focus: false,
    measures: true,
    deleteMeasure: false,
    settings: true,
    consultation: true,
    review: true,
  },
  in_progress: {
    focus: false,
    measures: true,
    deleteMeasure: false,
    settings: true,
    consultation: true,
    review: true,
  },
  evaluated: {
    focus: false,
    measures: false,
    deleteMeasure: false,
    settings: false,
    consultation: false,
    review: false,
  },
  closed: {
    focus: false,
    measures: false,
    deleteMeasure: false,
    settings: false,
    consultation: false,
    review: false,
  },
} as const satisfies Record<PlanStatus, Record<string, boolean>>;

export const MIN_FOCUS_FACTORS = 1;
export const MAX_FOCUS_FACTORS = 3;
/** KS's default: two, one to keep up (videreføre) and one to improve (innsatsområde). */
export const DEFAULT_FOCUS_FACTORS = 2;
export const DEFAULT_REVIEW_INTERVAL_MONTHS = 3;
export const MAX_REVIEW_INTERVAL_MONTHS = 12;
export const MAX_GOALS_PER_FOCUS = 5;
export const MAX_MEASURES_PER_FOCUS = 10;

/** Text lengths, in characters. */
export const PLAN_TEXT_LIMITS = {
  why: 1000,
  goal: 500,
  howWeKnow: 500,
  measure: 300,
  role: 100,
  notes: 1000,
  reviewSummary: 1000,
} as const;

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const optionalText = (maxLength: number) => Type.String({ maxLength });

export const PlanStatusSchema = literalUnion(PLAN_STATUSES);
export const FocusKindSchema = literalUnion(FOCUS_KINDS);
export const MeasureStatusSchema = literalUnion(MEASURE_STATUSES);
export const ReviewDecisionSchema = literalUnion(REVIEW_DECISIONS);
export const ConsultationPartySchema = literalUnion(CONSULTATION_PARTIES);

/** A staff account as a plan shows it to staff. */
export const PlanPersonSchema = Type.Object({ accountId: Type.String(), displayName: Type.String() });
export type PlanPerson = Static<typeof PlanPersonSchema>;

// ---- The plan as staff read it ------------------------------------------------------------------

/** Who carries a measure, as staff see it. */
export const ResponsibleSchema = Type.Union([
  Type.Object({ kind: Type.Literal('account'), accountId: Type.String(), displayName: Type.String() }),
  Type.Object({ kind: Type.Literal('role'), text: Type.String() }),
]);
export type Responsible = Static<typeof ResponsibleSchema>;

export const GoalSchema = Type.Object({
  id: Type.String(),
  /** What the unit wants to see. */
  text: Type.String(),
  /** "Slik vet vi at vi lykkes": how the unit will know. */
  howWeKnow: Type.String(),
});
export type Goal = Static<typeof GoalSchema>;

export const MeasureSchema = Type.Object({
  id: Type.String(),
  focusFactorId: Type.String(),
  text: Type.String(),
  responsible: ResponsibleSchema,
  deadline: IsoDate,
  status: MeasureStatusSchema,
  notes: Type.String(),
  /** Not finished and the deadline has passed (the server's date, Oslo). */
  overdue: Type.Boolean(),
});
export type Measure = Static<typeof MeasureSchema>;

export const FocusFactorSchema = Type.Object({
  id: Type.String(),
  factorId: FactorIdSchema,
  kind: FocusKindSchema,
  why: Type.String(),
  /** The basis report's average for the factor when it was chosen; null when it was not shown. */
  figure: Nullable(Type.Number()),
  /** Carried over from the previous round's plan: which focus factor there, and how. */
  carriedFrom: Nullable(
    Type.Object({ focusFactorId: Type.String(), choice: literalUnion(['continue', 'change']) }),
  ),
  goals: Type.Array(GoalSchema),
  measures: Type.Array(MeasureSchema),
});
export type FocusFactor = Static<typeof FocusFactorSchema>;

export const ConsultationSchema = Type.Object({
  /** When the leader consulted the rep (set by the leader, or by the rep's "seen" if still empty). */
  consultedOn: Nullable(IsoDate),
  /** The rep who marked the plan as seen, and when (the server's date). */
  seenBy: Nullable(PlanPersonSchema),
  seenOn: Nullable(IsoDate),
});
export type Consultation = Static<typeof ConsultationSchema>;

export const ReviewSchema = Type.Object({
  id: Type.String(),
  heldOn: IsoDate,
  /** One sentence or a few: what happened. */
  summary: Type.String(),
  items: Type.Array(Type.Object({ measureId: Type.String(), decision: ReviewDecisionSchema })),
  recordedBy: Nullable(PlanPersonSchema),
});
export type Review = Static<typeof ReviewSchema>;

export const PLAN_READINESS_ITEMS = ['focus_factor', 'goal', 'measure', 'safety_rep'] as const;
export type PlanReadinessItem = (typeof PLAN_READINESS_ITEMS)[number];

export const PlanSummarySchema = Type.Object({
  id: Type.String(),
  roundId: Type.String(),
  roundName: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  /** The ancestor whose report the plan uses when the unit has none of its own; else null. */
  basedOnUnitId: Nullable(Type.String()),
  basedOnUnitName: Nullable(Type.String()),
  status: PlanStatusSchema,
  reviewIntervalMonths: Type.Integer(),
  nextReviewOn: Nullable(IsoDate),
  agreedOn: Nullable(IsoDate),
  agreedBy: Nullable(PlanPersonSchema),
  updatedOn: IsoDate,
});
export type PlanSummary = Static<typeof PlanSummarySchema>;

/** GET /plans/:planId (and every change answers with it). */
export const PlanSchema = Type.Object({
  ...PlanSummarySchema.properties,
  /** The municipality's setting at the time of reading: at most this many focus factors. */
  focusFactorCount: Type.Integer(),
  consultations: Type.Object({ safetyRep: ConsultationSchema, unionRep: ConsultationSchema }),
  focusFactors: Type.Array(FocusFactorSchema),
  /** Newest first. */
  reviews: Type.Array(ReviewSchema),
  /** What is still missing before the plan can be agreed (empty: it can). */
  readiness: Type.Object({ missing: Type.Array(literalUnion(PLAN_READINESS_ITEMS)) }),
  /** Whether the caller may edit (a leader of the unit) and mark a consultation seen. */
  can: Type.Object({ edit: Type.Boolean(), markSeen: Type.Array(ConsultationPartySchema) }),
  /** A public link exists (its token is shown only when it is made). */
  publicLink: Nullable(Type.Object({ createdOn: IsoDate })),
});
export type Plan = Static<typeof PlanSchema>;

/** GET /plans?roundId=… — the units the caller may plan for or read, with their plan if any. */
export const PlanListQuerySchema = Type.Object(
  { roundId: Type.Optional(Id) },
  { additionalProperties: false },
);
export const PlanListResponseSchema = Type.Object({
  /** The published rounds the caller may plan for, newest first; `roundId` picks one (default newest). */
  rounds: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), closesOn: IsoDate })),
  roundId: Nullable(Type.String()),
  /** The caller's units in that round, parents first. */
  units: Type.Array(
    Type.Object({
      unitId: Type.String(),
      name: Type.String(),
      parentId: Nullable(Type.String()),
      /** Null when the unit has its own report; else the ancestor a new plan would use. */
      basedOnUnitId: Nullable(Type.String()),
      plan: Nullable(PlanSummarySchema),
    }),
  ),
});
export type PlanListResponse = Static<typeof PlanListResponseSchema>;

// ---- Requests -----------------------------------------------------------------------------------

export const PlanParamsSchema = Type.Object({ planId: Id });
export const PlanItemParamsSchema = Type.Object({ planId: Id, itemId: Id });
export const PlanPartyParamsSchema = Type.Object({ planId: Id, party: ConsultationPartySchema });

/** One focus factor of the previous round's plan, carried into the new plan. */
export const CarryOverSchema = Type.Object(
  {
    focusFactorId: Id,
    /** continue: the factor, kind, why, goals and unfinished measures; change: factor and kind only. */
    choice: literalUnion(['continue', 'change']),
  },
  { additionalProperties: false },
);

/**
 * POST /plans — a new draft (201 with the Plan). "New factor" is choosing a factor afterwards
 * with POST …/focus-factors. 409 PLAN_EXISTS if the unit has one for the round.
 */
export const CreatePlanRequestSchema = Type.Object(
  {
    roundId: Id,
    unitId: Id,
    carryOver: Type.Optional(Type.Array(CarryOverSchema, { maxItems: MAX_FOCUS_FACTORS })),
  },
  { additionalProperties: false },
);
export type CreatePlanRequest = Static<typeof CreatePlanRequestSchema>;

/** PATCH /plans/:planId — the review rhythm. nextReviewOn null: the server fills it on agreeing. */
export const UpdatePlanRequestSchema = Type.Object(
  {
    reviewIntervalMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_REVIEW_INTERVAL_MONTHS })),
    nextReviewOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePlanRequest = Static<typeof UpdatePlanRequestSchema>;

/** POST /plans/:planId/transition — 409 PLAN_INVALID_TRANSITION or PLAN_NOT_READY. */
export const PlanTransitionRequestSchema = Type.Object(
  { to: PlanStatusSchema },
  { additionalProperties: false },
);
export type PlanTransitionRequest = Static<typeof PlanTransitionRequestSchema>;

/** PUT /plans/:planId/consultations/:party — the leader records when the rep was consulted. */
export const ConsultationRequestSchema = Type.Object(
  { consultedOn: Nullable(IsoDate) },
  { additionalProperties: false },
);
export type ConsultationRequest = Static<typeof ConsultationRequestSchema>;

/** POST /plans/:planId/consultations/:party/seen — the rep of that party; the body is not read (send none or {}). */
export const MarkSeenRequestSchema = Type.Object({}, { additionalProperties: false });

/** POST /plans/:planId/focus-factors (201 with the Plan). */
export const AddFocusFactorRequestSchema = Type.Object(
  { factorId: FactorIdSchema, kind: FocusKindSchema, why: optionalText(PLAN_TEXT_LIMITS.why) },
  { additionalProperties: false },
);
export type AddFocusFactorRequest = Static<typeof AddFocusFactorRequestSchema>;

/** PATCH /plans/:planId/focus-factors/:itemId (the factor itself does not change; delete and add). */
export const UpdateFocusFactorRequestSchema = Type.Object(
  { kind: Type.Optional(FocusKindSchema), why: Type.Optional(optionalText(PLAN_TEXT_LIMITS.why)) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateFocusFactorRequest = Static<typeof UpdateFocusFactorRequestSchema>;

/** POST /plans/:planId/focus-factors/:itemId/goals (201); PATCH /plans/:planId/goals/:itemId. */
export const GoalRequestSchema = Type.Object(
  { text: text(PLAN_TEXT_LIMITS.goal), howWeKnow: optionalText(PLAN_TEXT_LIMITS.howWeKnow) },
  { additionalProperties: false },
);
export type GoalRequest = Static<typeof GoalRequestSchema>;
export const UpdateGoalRequestSchema = Type.Partial(GoalRequestSchema, {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateGoalRequest = Static<typeof UpdateGoalRequestSchema>;

/**
 * Who carries a measure: a staff account holding a role on the unit or above it (see
 * GET …/responsible-candidates; another is 400 INVALID_REFERENCE), or a named role such as
 * "ordstyrer for personalmøtet". Never a colleague's answers.
 */
export const ResponsibleRequestSchema = Type.Union([
  Type.Object({ accountId: Id }, { additionalProperties: false }),
  Type.Object({ role: text(PLAN_TEXT_LIMITS.role) }, { additionalProperties: false }),
]);
export type ResponsibleRequest = Static<typeof ResponsibleRequestSchema>;

/** POST /plans/:planId/focus-factors/:itemId/measures (201). A deadline that is no date: 400 INVALID_DATE. */
export const MeasureRequestSchema = Type.Object(
  {
    text: text(PLAN_TEXT_LIMITS.measure),
    responsible: ResponsibleRequestSchema,
    deadline: IsoDate,
    status: Type.Optional(MeasureStatusSchema),
    notes: Type.Optional(optionalText(PLAN_TEXT_LIMITS.notes)),
  },
  { additionalProperties: false },
);
export type MeasureRequest = Static<typeof MeasureRequestSchema>;
/** PATCH /plans/:planId/measures/:itemId. */
export const UpdateMeasureRequestSchema = Type.Partial(MeasureRequestSchema, {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateMeasureRequest = Static<typeof UpdateMeasureRequestSchema>;

/**
 * POST /plans/:planId/reviews (201) — a decision for each unfinished measure (a missing or
 * foreign measure: 400 INVALID_REFERENCE); drop sets the measure's status to dropped. nextReviewOn
 * left out: heldOn plus reviewIntervalMonths.
 */
export const ReviewRequestSchema = Type.Object(
  {
    heldOn: IsoDate,
    summary: text(PLAN_TEXT_LIMITS.reviewSummary),
    items: Type.Array(
      Type.Object({ measureId: Id, decision: ReviewDecisionSchema }, { additionalProperties: false }),
      { maxItems: MAX_FOCUS_FACTORS * MAX_MEASURES_PER_FOCUS },
    ),
    nextReviewOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type ReviewRequest = Static<typeof ReviewRequestSchema>;

/** GET /plans/:planId/responsible-candidates — accounts with a role on the unit or above it. */
export const ResponsibleCandidatesResponseSchema = Type.Object({
  accounts: Type.Array(Type.Object({ ...PlanPersonSchema.properties, roles: Type.Array(StaffRoleSchema) })),
});
export type ResponsibleCandidatesResponse = Static<typeof ResponsibleCandidatesResponseSchema>;

// ---- Public link --------------------------------------------------------------------------------

/**
 * POST /plans/:planId/public-link — a new token (the old one, if any, stops working at once). The
 * token is shown only in this answer; print or share the link now. 201.
 */
export const PublicLinkResponseSchema = Type.Object({
  /** The page reads apiPath(RESPONDENT_PATHS.unitPlan, { token }); the PWA's page address is H6's. */
  token: Type.String(),
  createdOn: IsoDate,
});
export type PublicLinkResponse = Static<typeof PublicLinkResponseSchema>;

/** A token as it travels: base64url of 32 random bytes (43 characters). */
export const PUBLIC_TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';
export const PublicPlanParamsSchema = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });

/** Who carries a measure, as everyone sees it: the role text, or the account's role on the unit. */
export const PublicResponsibleSchema = Type.Union([
  Type.Object({ kind: Type.Literal('role'), text: Type.String() }),
  Type.Object({ kind: Type.Literal('staff'), role: Nullable(StaffRoleSchema) }),
]);
export type PublicResponsible = Static<typeof PublicResponsibleSchema>;

/**
 * GET /plans/public/:token — "Dette gjør vi", no login. A draft shows no content yet
 * (focusFactors empty): the poster may hang before the plan is agreed. The factor's card texts
 * come from the PWA's own factor cards.
 */
export const PublicPlanResponseSchema = Type.Object({
  municipality: Type.Object({ name: Type.String(), language: MunicipalityLanguageSchema }),
  unit: Type.Object({ name: Type.String() }),
  basedOnUnitName: Nullable(Type.String()),
  round: Type.Object({ name: Type.String(), closesOn: IsoDate }),
  status: PlanStatusSchema,
  agreedOn: Nullable(IsoDate),
  nextReviewOn: Nullable(IsoDate),
  lastReviewOn: Nullable(IsoDate),
  focusFactors: Type.Array(
    Type.Object({
      factorId: FactorIdSchema,
      kind: FocusKindSchema,
      why: Type.String(),
      goals: Type.Array(Type.Object({ text: Type.String(), howWeKnow: Type.String() })),
      measures: Type.Array(
        Type.Object({
          text: Type.String(),
          responsible: PublicResponsibleSchema,
          deadline: IsoDate,
          status: MeasureStatusSchema,
        }),
      ),
    }),
  ),
});
export type PublicPlanResponse = Static<typeof PublicPlanResponseSchema>;
export const PUBLIC_PLAN_CACHE_CONTROL = 'private, max-age=300';

// ---- Due list, overview, previous round, setting ------------------------------------------------

export const DUE_KINDS = ['review', 'measure', 'draft'] as const;
/** GET /plans/due — the signed-in leader's plans: reviews and measures due within 14 days or overdue, and drafts. */
export const DUE_WITHIN_DAYS = 14;
export const DueListResponseSchema = Type.Object({
  /** Overdue first, then by date. */
  items: Type.Array(
    Type.Object({
      kind: literalUnion(DUE_KINDS),
      planId: Type.String(),
      unitId: Type.String(),
      unitName: Type.String(),
      roundName: Type.String(),
      /** For a measure: its id and text. */
      measureId: Nullable(Type.String()),
      text: Nullable(Type.String()),
      /** The review date or deadline; null for a draft. */
      dueOn: Nullable(IsoDate),
      overdue: Type.Boolean(),
    }),
  ),
});
export type DueListResponse = Static<typeof DueListResponseSchema>;

const StatusCounts = <T extends readonly string[]>(values: T) =>
  Type.Object(
    Object.fromEntries(values.map((value) => [value, Type.Integer()])) as Record<
      T[number],
      ReturnType<typeof Type.Integer>
    >,
  );

/**
 * GET /plans/overview?roundId=…&unitId=… — the municipality (unitId left out: the round's own unit)
 * or a sector. Units counted: every unit of the chosen subtree (the chosen unit included) without
 * units below it, and every unit of it with a plan. Admin, or a leader of the unit.
 */
export const OverviewQuerySchema = Type.Object(
  { roundId: Id, unitId: Type.Optional(Id) },
  { additionalProperties: false },
);
export const OverviewResponseSchema = Type.Object({
  round: Type.Object({ id: Type.String(), name: Type.String() }),
  unit: Type.Object({ id: Type.String(), name: Type.String() }),
  units: Type.Integer(),
  unitsWithAgreedPlan: Type.Integer(),
  /** unitsWithAgreedPlan / units, four decimals; null when units is 0. */
  agreedShare: Nullable(Type.Number()),
  plansByStatus: StatusCounts(PLAN_STATUSES),
  measuresByStatus: StatusCounts(MEASURE_STATUSES),
  overdueMeasures: Type.Integer(),
  overdueReviews: Type.Integer(),
  /** Every factor in FACTOR_IDS order: how many plans chose it to keep and to improve. */
  factors: Type.Array(
    Type.Object({ factorId: FactorIdSchema, keep: Type.Integer(), improve: Type.Integer() }),
  ),
  /** One row per unit counted, parents first. */
  rows: Type.Array(
    Type.Object({
      unitId: Type.String(),
      name: Type.String(),
      parentId: Nullable(Type.String()),
      planId: Nullable(Type.String()),
      status: Nullable(PlanStatusSchema),
      measures: Type.Integer(),
      measuresDone: Type.Integer(),
      overdueMeasures: Type.Integer(),
      nextReviewOn: Nullable(IsoDate),
      reviewOverdue: Type.Boolean(),
    }),
  ),
});
export type OverviewResponse = Static<typeof OverviewResponseSchema>;

/**
 * GET /plans/previous?roundId=…&unitId=… — the unit's plan from the latest earlier round that has
 * one, beside the figures of roundId (for the report and for "start from previous").
 */
export const PreviousPlanQuerySchema = Type.Object(
  { roundId: Id, unitId: Id },
  { additionalProperties: false },
);
export const PreviousPlanResponseSchema = Type.Object({
  previous: Nullable(
    Type.Object({
      planId: Type.String(),
      roundId: Type.String(),
      roundName: Type.String(),
      status: PlanStatusSchema,
      focusFactors: Type.Array(
        Type.Object({
          id: Type.String(),
          factorId: FactorIdSchema,
          kind: FocusKindSchema,
          why: Type.String(),
          /** The figure the previous plan recorded; null when it was hidden. */
          earlierFigure: Nullable(Type.Number()),
          /** The unit's (or its basis's) figure in roundId; null when hidden. */
          newFigure: Nullable(Type.Number()),
          goals: Type.Array(Type.Object({ text: Type.String(), howWeKnow: Type.String() })),
          measuresDone: Type.Array(Type.Object({ text: Type.String(), deadline: IsoDate })),
          measuresTotal: Type.Integer(),
        }),
      ),
    }),
  ),
});
export type PreviousPlanResponse = Static<typeof PreviousPlanResponseSchema>;

/** GET /plans/settings (every staff role), PUT (admin): the municipality's number of focus factors. */
export const PlanSettingsSchema = Type.Object(
  { focusFactorCount: Type.Integer({ minimum: MIN_FOCUS_FACTORS, maximum: MAX_FOCUS_FACTORS }) },
  { additionalProperties: false },
);
export type PlanSettings = Static<typeof PlanSettingsSchema>;
