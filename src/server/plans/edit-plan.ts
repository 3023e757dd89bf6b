// The leader's changes to a plan and the reps' "seen": each checks the plan's state against the
// edit rules (./rules.ts), the references against the plan (an item of another plan is as unknown
// as a missing one), dates and counts, then writes. Every change stamps the plan's updated_on.
// Figures are taken from the basis report here, never from the request.
import { randomUUID } from 'node:crypto';
import {
  MAX_GOALS_PER_FOCUS,
  MAX_MEASURES_PER_FOCUS,
  PARTY_ROLE,
  type AddFocusFactorRequest,
  type ConsultationParty,
  type GoalRequest,
  type MeasureRequest,
  type PlanStatus,
  type ResponsibleRequest,
  type UpdateFocusFactorRequest,
  type UpdateGoalRequest,
  type UpdateMeasureRequest,
  type UpdatePlanRequest,
} from '../../shared/api/plans';
import { ApiError, notFound } from '../api-error';
import type { StaffPrincipal } from '../auth/policy';
import { isUnitInScope } from '../auth/scope';
import type { Database } from '../db/database';
import {
  accountsWithRolesOn,
  deleteFocus,
  deleteGoal,
  deleteMeasure,
  focusFactorCount,
  insertFocus,
  insertGoal,
  insertMeasure,
  loadContents,
  nextPosition,
  updateFocus,
  updateGoal,
  updateMeasure,
  updatePlan,
  type PlanContent,
  type PlanRow,
} from '../repositories/plans';
import { findRounds } from '../repositories/rounds';
import { unitAndAncestorIds } from '../repositories/units';
import { planBasis } from './basis';
import { ownPlan } from './read-plan';
import { addMonths, assertDate, assertEditable, assertTransition, readiness } from './rules';

export interface EditContext {
  database: Database;
  staff: StaffPrincipal;
  today: string;
}

async function contentOf(context: EditContext, plan: PlanRow): Promise<PlanContent> {
  return (await loadContents(context.database.kysely, [plan.id])).get(plan.id)!;
}

const touch = (context: EditContext, plan: PlanRow, changes: Parameters<typeof updatePlan>[2] = {}) =>
  updatePlan(context.database.kysely, plan.id, { ...changes, updated_on: context.today });

function assertNotAfterToday(context: EditContext, date: string, what: string): void {
  assertDate(date, what);
  if (date > context.today) throw new ApiError('INVALID_DATE', `${what} is after today`);
}

// ---- Settings, consultation, transitions -------------------------------------------------------

export async function updateSettings(context: EditContext, planId: string, request: UpdatePlanRequest) {
  const plan = await ownPlan(context.database.kysely, context.staff, planId);
  assertEditable(plan.status, 'settings');
  if (request.nextReviewOn) assertDate(request.nextReviewOn, 'nextReviewOn');
  await touch(context, plan, {
    review_interval_months: request.reviewIntervalMonths,
    next_review_on: request.nextReviewOn,
  });
}

const partyColumns = (party: ConsultationParty) =>
  party === 'safetyRep'
    ? ({ consulted: 'safety_consulted_on', by: 'safety_seen_by', on: 'safety_seen_on' } as const)
    : ({ consulted: 'union_consulted_on', by: 'union_seen_by', on: 'union_seen_on' } as const);

export async function recordConsultation(
  context: EditContext,
  planId: string,
  party: ConsultationParty,
  consultedOn: string | null,
) {
  const plan = await ownPlan(context.database.kysely, context.staff, planId);
  assertEditable(plan.status, 'consultation');
  if (consultedOn !== null) assertNotAfterToday(context, consultedOn, 'consultedOn');
  await touch(context, plan, { [partyColumns(party).consulted]: consultedOn });
}

/** The rep of the party marks the plan seen; an empty consultation date becomes today. */
export async function markSeen(context: EditContext, planId: string, party: ConsultationParty) {
  const db = context.database.kysely;
  const plan = await ownPlan(db, context.staff, planId);
  if (!(await isUnitInScope(db, context.staff, plan.unit_id, [PARTY_ROLE[party]]))) {
    throw new ApiError('FORBIDDEN_ROLE', `Only the unit's ${PARTY_ROLE[party]} marks this consultation`);
  }
  assertEditable(plan.status, 'consultation');
  const columns = partyColumns(party);
  await touch(context, plan, {
    [columns.by]: context.staff.userId,
    [columns.on]: context.today,
    [columns.consulted]: plan[columns.consulted] ?? context.today,
  });
}

export async function transition(context: EditContext, planId: string, to: PlanStatus) {
  const db = context.database.kysely;
  const plan = await ownPlan(db, context.staff, planId);
  const content = await contentOf(context, plan);
  assertTransition(plan.status, to, content.reviews.length);
  if (to === 'agreed') {
    const missing = readiness(plan, content, await focusFactorCount(db, plan.municipality_id));
    if (missing.length > 0)
      throw new ApiError('PLAN_NOT_READY', `Missing before agreeing: ${missing.join(', ')}`);
    await touch(context, plan, {
      status: to,
      agreed_on: context.today,
      agreed_by: context.staff.userId,
      next_review_on: plan.next_review_on ?? addMonths(context.today, plan.review_interval_months),
    });
    return;
  }
  if (to === 'draft') {
    await touch(context, plan, { status: to, agreed_on: null, agreed_by: null });
    return;
  }
  await touch(context, plan, { status: to });
}

// ---- Focus factors and goals ---------------------------------------------------------------------

export async function addFocusFactor(context: EditContext, planId: string, request: AddFocusFactorRequest) {
  const { database } = context;
  const plan = await ownPlan(database.kysely, context.staff, planId);
  assertEditable(plan.status, 'focus');
  const content = await contentOf(context, plan);
  if (content.focus.some((f) => f.factor_id === request.factorId)) throw new ApiError('FOCUS_FACTOR_TAKEN');
  if (content.focus.length >= (await focusFactorCount(database.kysely, plan.municipality_id))) {
    throw new ApiError('TOO_MANY_FOCUS_FACTORS');
  }
  const round = (await findRounds(database.kysely, [plan.round_id])).get(plan.round_id)!;
  const basis = await planBasis(database, round, plan.unit_id);
  const inserted = await insertFocus(database.kysely, {
    id: randomUUID(),
    plan_id: plan.id,
    factor_id: request.factorId,
    kind: request.kind,
    why: request.why,
    figure: basis?.figures[request.factorId] ?? null,
    carried_from_id: null,
    carried_choice: null,
    position: await nextPosition(database.kysely, 'plan_focus_factors', plan.id),
  });
  if (!inserted) throw new ApiError('FOCUS_FACTOR_TAKEN');
  await touch(context, plan);
}

/** The plan, its content and the focus factor of it named by the path; 404 when not the plan's. */
async function focusOf(context: EditContext, planId: string, focusId: string) {
  const plan = await ownPlan(context.database.kysely, context.staff, planId);
  const content = await contentOf(context, plan);
  const focus = content.focus.find((f) => f.id === focusId);
  if (!focus) throw notFound('No such focus factor in this plan');
  return { plan, content, focus };
}

export async function editFocusFactor(
  context: EditContext,
  planId: string,
  focusId: string,
  request: UpdateFocusFactorRequest,
) {
  const { plan } = await focusOf(context, planId, focusId);
  assertEditable(plan.status, 'focus');
  await updateFocus(context.database.kysely, focusId, { kind: request.kind, why: request.why });
  await touch(context, plan);
}

export async function removeFocusFactor(context: EditContext, planId: string, focusId: string) {
  const { plan } = await focusOf(context, planId, focusId);
  assertEditable(plan.status, 'focus');
  await deleteFocus(context.database.kysely, focusId);
  await touch(context, plan);
}

export async function addGoal(context: EditContext, planId: string, focusId: string, request: GoalRequest) {
  const { plan, content } = await focusOf(context, planId, focusId);
  assertEditable(plan.status, 'focus');
  if (content.goals.filter((g) => g.focus_factor_id === focusId).length >= MAX_GOALS_PER_FOCUS) {
    throw new ApiError('VALUE_OUT_OF_RANGE', `At most ${MAX_GOALS_PER_FOCUS} goals per focus factor`);
  }
  const db = context.database.kysely;
  await insertGoal(db, {
    id: randomUUID(),
    plan_id: plan.id,
    focus_factor_id: focusId,
    text: request.text,
    how_we_know: request.howWeKnow,
    position: await nextPosition(db, 'plan_goals', plan.id),
  });
  await touch(context, plan);
}

async function goalOf(context: EditContext, planId: string, goalId: string) {
  const plan = await ownPlan(context.database.kysely, context.staff, planId);
  const content = await contentOf(context, plan);
  if (!content.goals.some((g) => g.id === goalId)) throw notFound('No such goal in this plan');
  assertEditable(plan.status, 'focus');
  return plan;
}

export async function editGoal(
  context: EditContext,
  planId: string,
  goalId: string,
  request: UpdateGoalRequest,
) {
  const plan = await goalOf(context, planId, goalId);
  await updateGoal(context.database.kysely, goalId, { text: request.text, how_we_know: request.howWeKnow });
  await touch(context, plan);
}

export async function removeGoal(context: EditContext, planId: string, goalId: string) {
  const plan = await goalOf(context, planId, goalId);
  await deleteGoal(context.database.kysely, goalId);
  await touch(context, plan);
}

// ---- Measures --------------------------------------------------------------------------------

/** The columns of a responsible person; an account must hold a role on the unit or above it. */
async function responsibleColumns(context: EditContext, plan: PlanRow, responsible: ResponsibleRequest) {
  if ('role' in responsible) return { responsible_account_id: null, responsible_role: responsible.role };
  const db = context.database.kysely;
  const candidates = await accountsWithRolesOn(
    db,
    plan.municipality_id,
    await unitAndAncestorIds(db, plan.unit_id),
  );
  if (!candidates.some((c) => c.id === responsible.accountId)) {
    throw new ApiError('INVALID_REFERENCE', 'The responsible account holds no role on this unit');
  }
  return { responsible_account_id: responsible.accountId, responsible_role: null };
}

export async function addMeasure(
  context: EditContext,
  planId: string,
  focusId: string,
  request: MeasureRequest,
) {
  const { plan, content } = await focusOf(context, planId, focusId);
  assertEditable(plan.status, 'measures');
  assertDate(request.deadline, 'deadline');
  if (content.measures.filter((m) => m.focus_factor_id === focusId).length >= MAX_MEASURES_PER_FOCUS) {
    throw new ApiError('VALUE_OUT_OF_RANGE', `At most ${MAX_MEASURES_PER_FOCUS} measures per focus factor`);
  }
  const db = context.database.kysely;
  await insertMeasure(db, {
    id: randomUUID(),
    plan_id: plan.id,
    focus_factor_id: focusId,
    text: request.text,
    ...(await responsibleColumns(context, plan, request.responsible)),
    deadline: request.deadline,
    status: request.status ?? 'not_started',
    notes: request.notes ?? '',
    position: await nextPosition(db, 'plan_measures', plan.id),
  });
  await touch(context, plan);
}

async function measureOf(context: EditContext, planId: string, measureId: string) {
  const plan = await ownPlan(context.database.kysely, context.staff, planId);
  const content = await contentOf(context, plan);
  if (!content.measures.some((m) => m.id === measureId)) throw notFound('No such measure in this plan');
  return plan;
}

export async function editMeasure(
  context: EditContext,
  planId: string,
  measureId: string,
  request: UpdateMeasureRequest,
) {
  const plan = await measureOf(context, planId, measureId);
  assertEditable(plan.status, 'measures');
  if (request.deadline !== undefined) assertDate(request.deadline, 'deadline');
  await updateMeasure(context.database.kysely, measureId, {
    text: request.text,
    ...(request.responsible ? await responsibleColumns(context, plan, request.responsible) : {}),
    deadline: request.deadline,
    status: request.status,
    notes: request.notes,
  });
  await touch(context, plan);
}

export async function removeMeasure(context: EditContext, planId: string, measureId: string) {
  const plan = await measureOf(context, planId, measureId);
  assertEditable(plan.status, 'deleteMeasure');
  await deleteMeasure(context.database.kysely, measureId);
  await touch(context, plan);
}
