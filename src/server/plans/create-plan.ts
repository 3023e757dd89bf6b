// A new draft plan for a unit in a published round: the basis (the unit's own report, or the
// nearest ancestor's when the unit's is hidden) is fixed here, and the previous round's focus
// factors the leader carries over are copied: "continue" takes the factor, its kind, why, goals and
// the measures not yet finished; "change" takes the factor and its kind only. A new factor is
// chosen afterwards. Figures are always the new round's, from its report.
import { randomUUID } from 'node:crypto';
import type { CreatePlanRequest } from '../../shared/api/plans';
import type { FactorId } from '../../shared/factors';
import { ApiError, notFound } from '../api-error';
import type { StaffPrincipal } from '../auth/policy';
import type { Database } from '../db/database';
import {
  findPlan,
  focusFactorCount,
  insertFocus,
  insertGoal,
  insertMeasure,
  insertPlan,
  loadContents,
  type PlanRow,
} from '../repositories/plans';
import { findRound, type StoredRound } from '../repositories/rounds';
import { planBasis } from './basis';
import { previousPlanOf } from './previous-plan';
import { isFinished } from './rules';

/** A round of the caller's municipality with a published report: the only rounds plans are made for. */
export async function publishedRound(
  database: Database,
  staff: StaffPrincipal,
  roundId: string,
): Promise<StoredRound> {
  const round = await findRound(database.kysely, staff.municipalityId, roundId);
  if (!round) throw notFound('No such round');
  if (round.status !== 'published')
    throw new ApiError('REPORT_NOT_AVAILABLE', 'Plans are made once the report is published');
  return round;
}

async function carryOver(
  database: Database,
  plan: PlanRow,
  previous: PlanRow,
  request: NonNullable<CreatePlanRequest['carryOver']>,
  figures: Partial<Record<FactorId, number | null>>,
): Promise<void> {
  const db = database.kysely;
  const content = (await loadContents(db, [previous.id])).get(previous.id)!;
  let position = 0;
  for (const item of request) {
    const focus = content.focus.find((f) => f.id === item.focusFactorId)!;
    const id = randomUUID();
    const keepAll = item.choice === 'continue';
    await insertFocus(db, {
      id,
      plan_id: plan.id,
      factor_id: focus.factor_id,
      kind: focus.kind,
      why: keepAll ? focus.why : '',
      figure: figures[focus.factor_id as FactorId] ?? null,
      carried_from_id: focus.id,
      carried_choice: item.choice,
      position: position++,
    });
    if (!keepAll) continue;
    for (const [i, goal] of content.goals.filter((g) => g.focus_factor_id === focus.id).entries()) {
      await insertGoal(db, { ...goal, id: randomUUID(), plan_id: plan.id, focus_factor_id: id, position: i });
    }
    const open = content.measures.filter((m) => m.focus_factor_id === focus.id && !isFinished(m.status));
    for (const [i, measure] of open.entries()) {
      await insertMeasure(db, {
        ...measure,
        id: randomUUID(),
        plan_id: plan.id,
        focus_factor_id: id,
        position: i,
      });
    }
  }
}

export async function createPlan(
  database: Database,
  staff: StaffPrincipal,
  request: CreatePlanRequest,
  today: string,
): Promise<string> {
  const db = database.kysely;
  const round = await publishedRound(database, staff, request.roundId);
  const carry = request.carryOver ?? [];
  const previous = carry.length > 0 ? await previousPlanOf(db, round, request.unitId) : undefined;
  if (carry.length > 0) {
    const ids = new Set(carry.map((c) => c.focusFactorId));
    const known = previous
      ? (await loadContents(db, [previous.id])).get(previous.id)!.focus.map((f) => f.id)
      : [];
    if (!previous || ids.size !== carry.length || [...ids].some((id) => !known.includes(id))) {
      throw new ApiError(
        'INVALID_REFERENCE',
        "A carried focus factor is not one of the previous round's plan",
      );
    }
    if (carry.length > (await focusFactorCount(db, staff.municipalityId)))
      throw new ApiError('TOO_MANY_FOCUS_FACTORS');
  }
  const basis = await planBasis(database, round, request.unitId);
  if (!basis) throw notFound('The unit is not part of this round');
  const id = randomUUID();
  const inserted = await insertPlan(db, {
    id,
    municipality_id: staff.municipalityId,
    round_id: round.id,
    unit_id: request.unitId,
    based_on_unit_id: basis.basedOnUnitId,
    status: 'draft',
    created_on: today,
    updated_on: today,
  });
  if (!inserted) throw new ApiError('PLAN_EXISTS');
  const plan = (await findPlan(db, id))!;
  if (previous) await carryOver(database, plan, previous, carry, basis.figures);
  return id;
}
