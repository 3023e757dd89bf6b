// One plan as a staff member reads it: the plan must be of their municipality (another's is as
// unknown as a missing one); the route's access policy has already checked the unit scope. Also
// what the caller may do with it (edit as a leader, mark a consultation seen as that rep).
import type { Kysely } from 'kysely';
import { CONSULTATION_PARTIES, PARTY_ROLE, type Plan } from '../../shared/api/plans';
import { notFound } from '../api-error';
import type { StaffPrincipal } from '../auth/policy';
import { isUnitInScope } from '../auth/scope';
import type { DB } from '../db/schema';
import { findPlan, focusFactorCount, loadContents, type PlanRow } from '../repositories/plans';
import { namesFor, toPlan } from './view';

/** The plan's unit, for the access policy's unit scope; undefined (404) for no such plan. */
export async function planUnitId(db: Kysely<DB>, planId: string | undefined): Promise<string | undefined> {
  if (planId === undefined) return undefined;
  return (await findPlan(db, planId))?.unit_id;
}

export async function ownPlan(db: Kysely<DB>, staff: StaffPrincipal, planId: string): Promise<PlanRow> {
  const plan = await findPlan(db, planId);
  if (!plan || plan.municipality_id !== staff.municipalityId) throw notFound('No such plan');
  return plan;
}

export async function capabilities(
  db: Kysely<DB>,
  staff: StaffPrincipal,
  unitId: string,
): Promise<Plan['can']> {
  const edit = await isUnitInScope(db, staff, unitId, ['leader']);
  const markSeen: Plan['can']['markSeen'] = [];
  for (const party of CONSULTATION_PARTIES) {
    if (await isUnitInScope(db, staff, unitId, [PARTY_ROLE[party]])) markSeen.push(party);
  }
  return { edit, markSeen };
}

export async function readPlan(
  db: Kysely<DB>,
  staff: StaffPrincipal,
  planId: string,
  today: string,
): Promise<Plan> {
  const plan = await ownPlan(db, staff, planId);
  const content = (await loadContents(db, [plan.id])).get(plan.id)!;
  return toPlan(plan, content, {
    names: await namesFor(db, plan.municipality_id, [plan], [content]),
    focusFactorCount: await focusFactorCount(db, plan.municipality_id),
    today,
    can: await capabilities(db, staff, plan.unit_id),
  });
}
