// Owns every read and write of the follow-up plan tables (012-follow-up-plans) and the
// municipality's focus-factor setting. No rule lives here: what may change in which state, who may
// do it and where a figure comes from are ../plans/. Lists come back in their stored order
// (position), so a plan reads the same on both databases.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../db/schema';
import type {
  PlanFocusFactorsTable,
  PlanGoalsTable,
  PlanMeasuresTable,
  PlanReviewsTable,
  PlansTable,
} from '../db/tables/plans';
import { DEFAULT_FOCUS_FACTORS, type ReviewDecision } from '../../shared/api/plans';

export type PlanRow = Selectable<PlansTable>;
export type FocusRow = Selectable<PlanFocusFactorsTable>;
export type GoalRow = Selectable<PlanGoalsTable>;
export type MeasureRow = Selectable<PlanMeasuresTable>;
export type ReviewRow = Selectable<PlanReviewsTable>;

/** Everything a plan holds below its own row. */
export interface PlanContent {
  focus: FocusRow[];
  goals: GoalRow[];
  measures: MeasureRow[];
  reviews: ReviewRow[];
  reviewItems: { review_id: string; measure_id: string; decision: ReviewDecision }[];
  link: { created_on: string } | undefined;
}

const num = (row: PlanRow): PlanRow => ({
  ...row,
  review_interval_months: Number(row.review_interval_months),
});
const numFocus = (row: FocusRow): FocusRow => ({
  ...row,
  figure: row.figure === null ? null : Number(row.figure),
  position: Number(row.position),
});

// ---- The municipality's setting ------------------------------------------------------------------

export async function focusFactorCount(db: Kysely<DB>, municipalityId: string): Promise<number> {
  const row = await db
    .selectFrom('municipalities')
    .select('plan_focus_factors')
    .where('id', '=', municipalityId)
    .executeTakeFirst();
  return row ? Number(row.plan_focus_factors) : DEFAULT_FOCUS_FACTORS;
}

export async function setFocusFactorCount(
  db: Kysely<DB>,
  municipalityId: string,
  count: number,
): Promise<void> {
  await db
    .updateTable('municipalities')
    .set({ plan_focus_factors: count })
    .where('id', '=', municipalityId)
    .execute();
}

// ---- Plans ---------------------------------------------------------------------------------------

export async function insertPlan(db: Kysely<DB>, row: Insertable<PlansTable>): Promise<boolean> {
  const result = await db
    .insertInto('plans')
    .values(row)
    .onConflict((oc) => oc.columns(['round_id', 'unit_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findPlan(db: Kysely<DB>, id: string): Promise<PlanRow | undefined> {
  const row = await db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  return row && num(row);
}

export async function findPlanOf(
  db: Kysely<DB>,
  roundId: string,
  unitId: string,
): Promise<PlanRow | undefined> {
  const row = await db
    .selectFrom('plans')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row && num(row);
}

/** The plans of some rounds (all of the municipality's when `roundIds` is left out). */
export async function listPlans(
  db: Kysely<DB>,
  municipalityId: string,
  roundIds?: readonly string[],
): Promise<PlanRow[]> {
  if (roundIds?.length === 0) return [];
  let query = db.selectFrom('plans').selectAll().where('municipality_id', '=', municipalityId);
  if (roundIds !== undefined) query = query.where('round_id', 'in', [...roundIds]);
  return (await query.orderBy('id').execute()).map(num);
}

/** The unit's plans of every round, for finding the previous one. */
export async function plansOfUnit(db: Kysely<DB>, unitId: string): Promise<PlanRow[]> {
  return (await db.selectFrom('plans').selectAll().where('unit_id', '=', unitId).execute()).map(num);
}

export async function updatePlan(db: Kysely<DB>, id: string, changes: Updateable<PlansTable>): Promise<void> {
  await db.updateTable('plans').set(changes).where('id', '=', id).execute();
}

// ---- What a plan holds -------------------------------------------------------------------------

export async function loadContents(
  db: Kysely<DB>,
  planIds: readonly string[],
): Promise<Map<string, PlanContent>> {
  const out = new Map<string, PlanContent>(
    planIds.map((id) => [
      id,
      { focus: [], goals: [], measures: [], reviews: [], reviewItems: [], link: undefined },
    ]),
  );
  if (planIds.length === 0) return out;
  const ids = [...new Set(planIds)];
  const [focus, goals, measures, reviews, links] = await Promise.all([
    db.selectFrom('plan_focus_factors').selectAll().where('plan_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('plan_goals').selectAll().where('plan_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('plan_measures').selectAll().where('plan_id', 'in', ids).orderBy('position').execute(),
    db
      .selectFrom('plan_reviews')
      .selectAll()
      .where('plan_id', 'in', ids)
      .orderBy('held_on', 'desc')
      .orderBy('position', 'desc')
      .execute(),
    db
      .selectFrom('plan_public_links')
      .select(['plan_id', 'created_on'])
      .where('plan_id', 'in', ids)
      .execute(),
  ]);
  const reviewIds = reviews.map((r) => r.id);
  const items =
    reviewIds.length === 0
      ? []
      : await db
          .selectFrom('plan_review_items')
          .innerJoin('plan_measures', 'plan_measures.id', 'plan_review_items.measure_id')
          .select([
            'plan_review_items.review_id',
            'plan_review_items.measure_id',
            'plan_review_items.decision',
            'plan_measures.position',
          ])
          .where('plan_review_items.review_id', 'in', reviewIds)
          .orderBy('plan_measures.position')
          .execute();
  const planOfReview = new Map(reviews.map((r) => [r.id, r.plan_id]));
  for (const row of focus) out.get(row.plan_id)!.focus.push(numFocus(row));
  for (const row of goals) out.get(row.plan_id)!.goals.push({ ...row, position: Number(row.position) });
  for (const row of measures) out.get(row.plan_id)!.measures.push({ ...row, position: Number(row.position) });
  for (const row of reviews) out.get(row.plan_id)!.reviews.push({ ...row, position: Number(row.position) });
  for (const row of items) {
    out.get(planOfReview.get(row.review_id)!)!.reviewItems.push({
      review_id: row.review_id,
      measure_id: row.measure_id,
      decision: row.decision,
    });
  }
  for (const row of links) out.get(row.plan_id)!.link = { created_on: row.created_on };
  return out;
}

type ItemTable = 'plan_focus_factors' | 'plan_goals' | 'plan_measures' | 'plan_reviews';

/** The next position in a plan's list (its length so far, or one more than the last). */
export async function nextPosition(db: Kysely<DB>, table: ItemTable, planId: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | string | null>('position').as('last'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function insertFocus(db: Kysely<DB>, row: Insertable<PlanFocusFactorsTable>): Promise<boolean> {
  const result = await db
    .insertInto('plan_focus_factors')
    .values(row)
    .onConflict((oc) => oc.columns(['plan_id', 'factor_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateFocus(
  db: Kysely<DB>,
  id: string,
  changes: Updateable<PlanFocusFactorsTable>,
): Promise<void> {
  await db.updateTable('plan_focus_factors').set(changes).where('id', '=', id).execute();
}

/** Deletes the focus factor with its goals, measures and the review decisions on them. */
export async function deleteFocus(db: Kysely<DB>, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const measures = trx.selectFrom('plan_measures').select('id').where('focus_factor_id', '=', id);
    await trx.deleteFrom('plan_review_items').where('measure_id', 'in', measures).execute();
    await trx.deleteFrom('plan_measures').where('focus_factor_id', '=', id).execute();
    await trx.deleteFrom('plan_goals').where('focus_factor_id', '=', id).execute();
    await trx.deleteFrom('plan_focus_factors').where('id', '=', id).execute();
  });
}

export async function insertGoal(db: Kysely<DB>, row: Insertable<PlanGoalsTable>): Promise<void> {
  await db.insertInto('plan_goals').values(row).execute();
}

export async function updateGoal(
  db: Kysely<DB>,
  id: string,
  changes: Updateable<PlanGoalsTable>,
): Promise<void> {
  await db.updateTable('plan_goals').set(changes).where('id', '=', id).execute();
}

export async function deleteGoal(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('plan_goals').where('id', '=', id).execute();
}

export async function insertMeasure(db: Kysely<DB>, row: Insertable<PlanMeasuresTable>): Promise<void> {
  await db.insertInto('plan_measures').values(row).execute();
}

export async function updateMeasure(
  db: Kysely<DB>,
  id: string,
  changes: Updateable<PlanMeasuresTable>,
): Promise<void> {
  await db.updateTable('plan_measures').set(changes).where('id', '=', id).execute();
}

export async function deleteMeasure(db: Kysely<DB>, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('plan_review_items').where('measure_id', '=', id).execute();
    await trx.deleteFrom('plan_measures').where('id', '=', id).execute();
  });
}

/** A review with its decisions; measures it drops get the status dropped; the plan's own changes too. */
export async function insertReview(
  db: Kysely<DB>,
  review: Insertable<PlanReviewsTable>,
  items: readonly { measureId: string; decision: ReviewDecision }[],
  planChanges: Updateable<PlansTable>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('plan_reviews').values(review).execute();
    if (items.length > 0) {
      await trx
        .insertInto('plan_review_items')
        .values(items.map((i) => ({ review_id: review.id, measure_id: i.measureId, decision: i.decision })))
        .execute();
    }
    const dropped = items.filter((i) => i.decision === 'drop').map((i) => i.measureId);
    if (dropped.length > 0) {
      await trx.updateTable('plan_measures').set({ status: 'dropped' }).where('id', 'in', dropped).execute();
    }
    await trx.updateTable('plans').set(planChanges).where('id', '=', review.plan_id).execute();
  });
}

// ---- Public link ---------------------------------------------------------------------------------

/** The plan's one link becomes this hash: the old one (if any) is gone in the same statement set. */
export async function replacePublicLink(
  db: Kysely<DB>,
  planId: string,
  tokenHash: string,
  createdOn: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('plan_public_links').where('plan_id', '=', planId).execute();
    await trx
      .insertInto('plan_public_links')
      .values({ token_hash: tokenHash, plan_id: planId, created_on: createdOn })
      .execute();
  });
}

export async function planIdOfToken(db: Kysely<DB>, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('plan_public_links')
    .select('plan_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.plan_id;
}

// ---- Accounts a plan names -----------------------------------------------------------------------

/** Display names by account id, of the municipality only (an id from elsewhere is left out). */
export async function displayNames(
  db: Kysely<DB>,
  municipalityId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Accounts of the municipality with a leader or rep role on one of these units, with those roles. */
export async function accountsWithRolesOn(
  db: Kysely<DB>,
  municipalityId: string,
  unitIds: readonly string[],
): Promise<{ id: string; displayName: string; roles: { role: string; unitId: string }[] }[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.id', 'users.display_name', 'role_assignments.role', 'role_assignments.unit_id'])
    .where('users.municipality_id', '=', municipalityId)
    .where('role_assignments.unit_id', 'in', [...unitIds])
    .where('role_assignments.role', 'in', ['leader', 'safety_rep', 'union_rep'])
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
  const byId = new Map<
    string,
    { id: string; displayName: string; roles: { role: string; unitId: string }[] }
  >();
  for (const row of rows) {
    const account = byId.get(row.id) ?? { id: row.id, displayName: row.display_name, roles: [] };
    account.roles.push({ role: row.role, unitId: row.unit_id! });
    byId.set(row.id, account);
  }
  return [...byId.values()];
}
