// The follow-up plans of the authorisation matrix (table-plans.ts), written straight through the
// plans repository into the published report round over the sector: plan A for unit A (a draft
// with a focus factor, goal and measure, and one of each that a DELETE row removes) and plan B for
// unit B with a public link whose token is known here.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/server/db/schema';
import {
  insertFocus,
  insertGoal,
  insertMeasure,
  insertPlan,
  replacePublicLink,
} from '../../../src/server/repositories/plans';

export const PLAN_FIXTURES = {
  planA: 'authz-plan-a',
  focusA: 'authz-focus-a',
  focusDoomed: 'authz-focus-doomed',
  goalA: 'authz-goal-a',
  goalDoomed: 'authz-goal-doomed',
  measureA: 'authz-measure-a',
  measureDoomed: 'authz-measure-doomed',
  planB: 'authz-plan-b',
  /** The public token of plan B (43 base64url characters, as the server makes them). */
  tokenB: 'AuthzPublicTokenOfPlanB-0123456789abcdefghi',
} as const;

export async function seedPlanFixtures(db: Kysely<DB>, roundId: string, units: { a: string; b: string }) {
  const F = PLAN_FIXTURES;
  const plan = (id: string, unitId: string) => ({
    id,
    municipality_id: 'm1',
    round_id: roundId,
    unit_id: unitId,
    based_on_unit_id: null,
    status: 'draft' as const,
    created_on: '2026-03-01',
    updated_on: '2026-03-01',
  });
  if (!(await insertPlan(db, plan(F.planA, units.a)))) return;
  await insertPlan(db, plan(F.planB, units.b));
  const focus = (id: string, factor_id: string, position: number) => ({
    id,
    plan_id: F.planA,
    factor_id,
    kind: 'keep' as const,
    why: '',
    figure: null,
    carried_from_id: null,
    carried_choice: null,
    position,
  });
  await insertFocus(db, focus(F.focusA, 'autonomi', 0));
  await insertFocus(db, focus(F.focusDoomed, 'rolleklarhet', 1));
  for (const [i, id] of [F.goalA, F.goalDoomed].entries()) {
    await insertGoal(db, {
      id,
      plan_id: F.planA,
      focus_factor_id: F.focusA,
      text: 'Mål',
      how_we_know: '',
      position: i,
    });
  }
  for (const [i, id] of [F.measureA, F.measureDoomed].entries()) {
    await insertMeasure(db, {
      id,
      plan_id: F.planA,
      focus_factor_id: F.focusA,
      text: 'Tiltak',
      responsible_account_id: null,
      responsible_role: 'Leder',
      deadline: '2026-06-01',
      status: 'not_started',
      notes: '',
      position: i,
    });
  }
  const hash = createHash('sha256').update(F.tokenB, 'utf8').digest('hex');
  await replacePublicLink(db, F.planB, hash, '2026-03-01');
}
