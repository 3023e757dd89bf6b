// The plans list (GET /plans): the published rounds of the caller's municipality and, for one of
// them, the caller's units in its tree (admin: all; the others: the units their roles reach), each
// with the basis a new plan would take and the unit's plan if it has one. Also the accounts a
// measure may name as responsible.
import type { Kysely } from 'kysely';
import type { PlanListResponse, ResponsibleCandidatesResponse } from '../../shared/api/plans';
import type { StaffRole } from '../../shared/api/staff';
import { sortParentsFirst } from '../../shared/unit-tree';
import { notFound } from '../api-error';
import { isAdmin, type StaffPrincipal } from '../auth/policy';
import { unitsInScope } from '../auth/scope';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import { accountsWithRolesOn, listPlans } from '../repositories/plans';
import { findRounds, reportableRoundIds } from '../repositories/rounds';
import { unitAndAncestorIds } from '../repositories/units';
import { basisUnitId, roundAnalysis } from './basis';
import { ownPlan } from './read-plan';
import { namesFor, toSummary } from './view';

const READ_ROLES = ['admin', 'leader', 'union_rep', 'safety_rep'] as const satisfies readonly StaffRole[];

export async function listPlansFor(
  database: Database,
  staff: StaffPrincipal,
  roundId: string | undefined,
): Promise<PlanListResponse> {
  const db = database.kysely;
  const ids = await reportableRoundIds(db, staff.municipalityId);
  const records = await findRounds(db, ids);
  const rounds = ids.map((id) => records.get(id)!).filter((r) => r.status === 'published');
  const listed = rounds.map((r) => ({ id: r.id, name: r.name, closesOn: r.closesOn }));
  const round = roundId === undefined ? rounds[0] : rounds.find((r) => r.id === roundId);
  if (roundId !== undefined && !round) throw notFound('No such round with a published report');
  if (!round) return { rounds: listed, roundId: null, units: [] };

  const analysis = await roundAnalysis(database, round, 'totals');
  const scope = isAdmin(staff) ? 'all' : await unitsInScope(db, staff, READ_ROLES);
  const units = sortParentsFirst(analysis.data.units.filter((u) => scope === 'all' || scope.has(u.id)));
  const plans = await listPlans(db, staff.municipalityId, [round.id]);
  const names = await namesFor(db, staff.municipalityId, plans);
  const planOf = new Map(plans.map((p) => [p.unit_id, p]));
  return {
    rounds: listed,
    roundId: round.id,
    units: units.map((u) => {
      const basis = basisUnitId(analysis, u.id);
      const plan = planOf.get(u.id);
      return {
        unitId: u.id,
        name: u.name,
        parentId: u.parentId,
        basedOnUnitId: basis === u.id ? null : basis,
        plan: plan ? toSummary(plan, names) : null,
      };
    }),
  };
}

export async function responsibleCandidates(
  db: Kysely<DB>,
  staff: StaffPrincipal,
  planId: string,
): Promise<ResponsibleCandidatesResponse> {
  const plan = await ownPlan(db, staff, planId);
  const accounts = await accountsWithRolesOn(
    db,
    plan.municipality_id,
    await unitAndAncestorIds(db, plan.unit_id),
  );
  return {
    accounts: accounts.map((a) => ({
      accountId: a.id,
      displayName: a.displayName,
      roles: [...new Set(a.roles.map((r) => r.role as StaffRole))],
    })),
  };
}
