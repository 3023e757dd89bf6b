// The follow-up overview for the municipality (the round's own unit) or a sector: which units count
// (every unit of the chosen subtree without units below it, and every unit in it with a plan),
// how many have an agreed plan, plans and measures by status, overdue measures and reviews, and
// which factors were chosen to keep and to improve. Counts of units and plans only: nothing here
// comes from answers.
import {
  AGREED_STATUSES,
  MEASURE_STATUSES,
  PLAN_STATUSES,
  type OverviewResponse,
} from '../../shared/api/plans';
import { FACTOR_IDS } from '../../shared/factors';
import { sortParentsFirst } from '../../shared/unit-tree';
import { notFound } from '../api-error';
import type { StaffPrincipal, StaffRole } from '../auth/policy';
import type { Database } from '../db/database';
import { listPlans, loadContents } from '../repositories/plans';
import { subtreeIds } from '../reports/report-shapes';
import { roundAnalysis } from './basis';
import { publishedRound } from './create-plan';
import { isOverdue } from './view';

const zeroes = <T extends readonly string[]>(keys: T) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<T[number], number>;

/** Who reads the plan overview: admin, and a leader on the unit or above it. */
export const OVERVIEW_ROLES = ['admin', 'leader'] as const satisfies readonly StaffRole[];

export async function overviewFor(
  database: Database,
  staff: StaffPrincipal,
  query: { roundId: string; unitId?: string },
  today: string,
): Promise<OverviewResponse> {
  const db = database.kysely;
  const round = await publishedRound(database, staff, query.roundId);
  const analysis = await roundAnalysis(database, round, 'totals');
  const unitId = query.unitId ?? round.unitId;
  const top = analysis.data.units.find((u) => u.id === unitId);
  if (!top) throw notFound('The unit is not part of this round');
  const inTree = new Set(subtreeIds(analysis, unitId));
  const plans = (await listPlans(db, staff.municipalityId, [round.id])).filter((p) => inTree.has(p.unit_id));
  const planOf = new Map(plans.map((p) => [p.unit_id, p]));
  const contents = await loadContents(
    db,
    plans.map((p) => p.id),
  );
  const counted = sortParentsFirst(
    analysis.data.units.filter(
      (u) => inTree.has(u.id) && ((analysis.children.get(u.id) ?? []).length === 0 || planOf.has(u.id)),
    ),
  );

  const plansByStatus = zeroes(PLAN_STATUSES);
  const measuresByStatus = zeroes(MEASURE_STATUSES);
  const factors = new Map(FACTOR_IDS.map((id) => [id as string, { factorId: id, keep: 0, improve: 0 }]));
  let overdueMeasures = 0;
  let overdueReviews = 0;
  const rows = counted.map((unit) => {
    const plan = planOf.get(unit.id);
    const measures = plan ? contents.get(plan.id)!.measures : [];
    const overdue = measures.filter((m) => isOverdue(m, today)).length;
    const reviewOverdue =
      plan !== undefined && plan.status !== 'draft' && plan.status !== 'closed' && plan.status !== 'evaluated'
        ? plan.next_review_on !== null && plan.next_review_on < today
        : false;
    if (plan) {
      plansByStatus[plan.status] += 1;
      for (const m of measures) measuresByStatus[m.status] += 1;
      for (const f of contents.get(plan.id)!.focus) factors.get(f.factor_id)![f.kind] += 1;
    }
    overdueMeasures += overdue;
    if (reviewOverdue) overdueReviews += 1;
    return {
      unitId: unit.id,
      name: unit.name,
      parentId: unit.parentId,
      planId: plan?.id ?? null,
      status: plan?.status ?? null,
      measures: measures.length,
      measuresDone: measures.filter((m) => m.status === 'done').length,
      overdueMeasures: overdue,
      nextReviewOn: plan?.next_review_on ?? null,
      reviewOverdue,
    };
  });
  const agreed = rows.filter((r) => r.status !== null && AGREED_STATUSES.includes(r.status)).length;
  return {
    round: { id: round.id, name: round.name },
    unit: { id: top.id, name: top.name },
    units: rows.length,
    unitsWithAgreedPlan: agreed,
    agreedShare: rows.length === 0 ? null : Math.round((agreed / rows.length) * 10_000) / 10_000,
    plansByStatus,
    measuresByStatus,
    overdueMeasures,
    overdueReviews,
    factors: [...factors.values()],
    rows,
  };
}
