// What a meeting leaves behind. Focus (analysis, the choose step): keep and improve go into the
// unit's DRAFT plan of the round, created if none (plans/create-plan.ts), through addFocusFactor, so
// the figures come from the plan's basis report and the plan's edit rules apply (PLAN_LOCKED,
// TOO_MANY_FOCUS_FACTORS). Measures (the measures step) go in with addMeasure, the owner as a named
// role. Review decisions go in with recordReview. Approving the summary closes the meeting and, in
// one transaction, deletes every contribution, counter, ballot, dot and participant: the code and
// the token die with it, the summary stays.
import type { Static } from '@sinclair/typebox';
import type {
  ApproveSummaryBodySchema,
  ChooseFocusBodySchema,
  MeetingMeasuresBodySchema,
  MeetingReviewBodySchema,
} from '../../shared/api/meetings';
import { PLAN_TEXT_LIMITS } from '../../shared/api/plans';
import { ApiError } from '../api-error';
import type { StaffPrincipal } from '../auth/policy';
import type { Database } from '../db/database';
import { deleteMeetingInput, updateMeeting, type MeetingRow } from '../repositories/meetings';
import { findPlanOf, loadContents } from '../repositories/plans';
import { createPlan } from '../plans/create-plan';
import { addFocusFactor, addMeasure, type EditContext } from '../plans/edit-plan';
import { recordReview } from '../plans/reviews';
import { currentStep } from './snapshot';

function assertStep(meeting: MeetingRow, kinds: readonly string[], template: MeetingRow['template']) {
  if (meeting.template !== template || !kinds.includes(currentStep(meeting).kind))
    throw new ApiError('MEETING_WRONG_STEP', `This is done in the ${kinds.join(' or ')} step`);
}

async function meetingPlanId(context: EditContext, meeting: MeetingRow): Promise<string> {
  const db = context.database.kysely;
  const existing = meeting.plan_id ?? (await findPlanOf(db, meeting.round_id, meeting.unit_id))?.id;
  if (existing) return existing;
  return createPlan(
    context.database,
    context.staff,
    { roundId: meeting.round_id, unitId: meeting.unit_id },
    context.today,
  );
}

export async function chooseFocus(
  context: EditContext,
  meeting: MeetingRow,
  body: Static<typeof ChooseFocusBodySchema>,
): Promise<void> {
  assertStep(meeting, ['choose'], 'analysis');
  if (body.keep === body.improve)
    throw new ApiError('VALUE_OUT_OF_RANGE', 'Keep and improve are two factors');
  const planId = await meetingPlanId(context, meeting);
  const content = (await loadContents(context.database.kysely, [planId])).get(planId)!;
  for (const [factorId, kind] of [
    [body.keep, 'keep'],
    [body.improve, 'improve'],
  ] as const) {
    // Sent again (a second click, a retry): the factor is already there with that kind.
    if (content.focus.some((f) => f.factor_id === factorId && f.kind === kind)) continue;
    await addFocusFactor(context, planId, { factorId, kind, why: '' });
  }
  await updateMeeting(context.database.kysely, meeting.id, {
    focus: JSON.stringify({ keep: body.keep, improve: body.improve }),
    plan_id: planId,
  });
}

export async function addMeetingMeasures(
  context: EditContext,
  meeting: MeetingRow,
  body: Static<typeof MeetingMeasuresBodySchema>,
): Promise<void> {
  assertStep(meeting, ['measures'], 'measures');
  const planId =
    meeting.plan_id ?? (await findPlanOf(context.database.kysely, meeting.round_id, meeting.unit_id))?.id;
  if (!planId) throw new ApiError('MEETING_NEEDS_PLAN');
  const content = (await loadContents(context.database.kysely, [planId])).get(planId)!;
  const focusOf = (factorId: string) => content.focus.find((f) => f.factor_id === factorId);
  if (body.measures.some((m) => !focusOf(m.factorId)))
    throw new ApiError(
      'INVALID_REFERENCE',
      'A measure names a factor that is not a focus factor of the plan',
    );
  for (const m of body.measures) {
    await addMeasure(context, planId, focusOf(m.factorId)!.id, {
      text: m.text.trim(),
      responsible: { role: m.responsible.trim() },
      deadline: m.deadline,
    });
  }
  await updateMeeting(context.database.kysely, meeting.id, { plan_id: planId });
}

export async function recordMeetingReview(
  context: EditContext,
  meeting: MeetingRow,
  body: Static<typeof MeetingReviewBodySchema>,
): Promise<void> {
  assertStep(meeting, ['reviewItem', 'summary'], 'review');
  const planId = meeting.plan_id;
  if (!planId) throw new ApiError('MEETING_NEEDS_PLAN');
  const notes = body.decisions.filter((d) => d.note?.trim()).map((d) => d.note!.trim());
  const summary = [body.summary.trim(), ...notes].filter((s) => s !== '').join('\n');
  await recordReview(context, planId, {
    heldOn: context.today,
    summary: summary === '' ? '-' : summary.slice(0, PLAN_TEXT_LIMITS.reviewSummary),
    items: body.decisions.map((d) => ({ measureId: d.measureId, decision: d.decision })),
  });
  await updateMeeting(context.database.kysely, meeting.id, {});
}

export async function approveSummary(
  database: Database,
  _staff: StaffPrincipal,
  meeting: MeetingRow,
  body: Static<typeof ApproveSummaryBodySchema>,
): Promise<void> {
  if (currentStep(meeting).kind !== 'summary')
    throw new ApiError('MEETING_WRONG_STEP', 'The summary is approved in the summary step');
  await database.kysely.transaction().execute(async (trx) => {
    await deleteMeetingInput(trx, meeting.id);
    await updateMeeting(trx, meeting.id, {
      state: 'closed',
      summary: body.summary.trim(),
      code_hash: null,
      token_hash: null,
      timer_running: 0,
      timer_started_at: null,
    });
  });
}
