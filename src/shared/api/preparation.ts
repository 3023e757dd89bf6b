// The wire contract of a round's preparation kit (issue 12): the progress plan with its dated
// phases, read by every staff role for the rounds that reach their units and set by the admin.
// The phases and their default dates are src/shared/preparation.ts; the poster is drawn in the
// browser from the same answer (the round's window, language and threshold).
import { Type, type Static } from '@sinclair/typebox';
import { EDITABLE_PHASES, MAX_PHASE_NOTE_LENGTH, PREPARATION_PHASES } from '../preparation';
import { AdminRoundSchema } from './organisation';
import { IsoDate, literalUnion } from './primitives';

export const PreparationPhaseSchema = Type.Object({
  phase: literalUnion(PREPARATION_PHASES),
  /** Inclusive calendar dates; a one-day phase starts and ends on the same day. */
  startsOn: Type.String(),
  endsOn: Type.String(),
  /** Where or how, in the admin's words ('' when none). */
  note: Type.String(),
  /** Set by the admin; false: drawn from the round's window (and moves with it). */
  custom: Type.Boolean(),
});
export type PreparationPhaseEntry = Static<typeof PreparationPhaseSchema>;

/** One round's plan: every phase in order, the survey always the round's own window. */
export const PreparationPlanSchema = Type.Object({
  round: AdminRoundSchema,
  phases: Type.Array(PreparationPhaseSchema),
});
export type PreparationPlan = Static<typeof PreparationPlanSchema>;

/** GET /preparation: the plans of every round that reaches one of the caller's units, newest first. */
export const PreparationListResponseSchema = Type.Object({ plans: Type.Array(PreparationPlanSchema) });
export type PreparationListResponse = Static<typeof PreparationListResponseSchema>;

export const PhaseChangeSchema = Type.Object(
  {
    phase: literalUnion(EDITABLE_PHASES),
    startsOn: IsoDate,
    endsOn: IsoDate,
    note: Type.Optional(Type.String({ maxLength: MAX_PHASE_NOTE_LENGTH })),
  },
  { additionalProperties: false },
);
export type PhaseChange = Static<typeof PhaseChangeSchema>;

/**
 * PUT /rounds/:id/preparation (admin): the phases the admin sets, each at most once; a phase left
 * out goes back to its default dates ([] resets the plan). The survey phase is not in the list:
 * change the round's window instead. A start after the end is 400 INVALID_DATE.
 */
export const UpdatePreparationRequestSchema = Type.Object(
  { phases: Type.Array(PhaseChangeSchema, { maxItems: EDITABLE_PHASES.length }) },
  { additionalProperties: false },
);
export type UpdatePreparationRequest = Static<typeof UpdatePreparationRequestSchema>;
