// Rounds as the admin runs them: create, edit, the lifecycle draft → open → closed → published, and
// the live response rate per unit. Reads only counts (aggregate totals, codes, refusals), never an
// answer.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { AdminRound, RoundStatus, UnitProgress } from '../../shared/api/organisation';
import type { DB } from '../db/schema';
import type { RoundsTable } from '../db/tables/rounds';
import { codeCountsByUnit } from './codes';
import { unitIdsUnder } from './organisation';
import { sortParentsFirst } from '../../shared/unit-tree';
import { toUnit } from './units';

export function toAdminRound(row: Selectable<RoundsTable>): AdminRound {
  return {
    id: row.id,
    name: row.name,
    unitId: row.unit_id,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    status: row.status,
    defaultLanguage: row.default_language,
    threshold: Number(row.threshold),
    openQuestionEnabled: Number(row.open_question_enabled) === 1,
    backgroundEnabled: Number(row.background_enabled) === 1,
    graceDays: Number(row.grace_days),
    questionnaireVersion: row.questionnaire_version,
    createdOn: row.created_on,
  };
}

export async function findAdminRound(
  db: Kysely<DB>,
  municipalityId: string,
  id: string,
): Promise<AdminRound | undefined> {
  const row = await db
    .selectFrom('rounds')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toAdminRound(row);
}

/** Newest first. */
export async function listAdminRounds(db: Kysely<DB>, municipalityId: string): Promise<AdminRound[]> {
  const rows = await db
    .selectFrom('rounds')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('opens_on', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toAdminRound);
}

export interface NewAdminRound extends Omit<AdminRound, 'id' | 'status'> {
  municipalityId: string;
}

export async function createAdminRound(db: Kysely<DB>, round: NewAdminRound): Promise<AdminRound> {
  const id = randomUUID();
  await db
    .insertInto('rounds')
    .values({
      id,
      municipality_id: round.municipalityId,
      unit_id: round.unitId,
      name: round.name,
      opens_on: round.opensOn,
      closes_on: round.closesOn,
      status: 'draft',
      default_language: round.defaultLanguage,
      threshold: round.threshold,
      open_question_enabled: round.openQuestionEnabled ? 1 : 0,
      background_enabled: round.backgroundEnabled ? 1 : 0,
      grace_days: round.graceDays,
      questionnaire_version: round.questionnaireVersion,
      created_on: round.createdOn,
    })
    .execute();
  return (await findAdminRound(db, round.municipalityId, id))!;
}

export type RoundChanges = Partial<Omit<AdminRound, 'id' | 'status' | 'createdOn'>>;

function toColumns(changes: RoundChanges): Updateable<RoundsTable> {
  const bool = (b: boolean | undefined) => (b === undefined ? undefined : b ? 1 : 0);
  const columns: Updateable<RoundsTable> = {
    name: changes.name,
    unit_id: changes.unitId,
    opens_on: changes.opensOn,
    closes_on: changes.closesOn,
    default_language: changes.defaultLanguage,
    threshold: changes.threshold,
    open_question_enabled: bool(changes.openQuestionEnabled),
    background_enabled: bool(changes.backgroundEnabled),
    grace_days: changes.graceDays,
    questionnaire_version: changes.questionnaireVersion,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

/** Applies the changes only while the round is still in `expectedStatus` (a lost race changes nothing). */
export async function updateAdminRound(
  db: Kysely<DB>,
  id: string,
  expectedStatus: RoundStatus,
  changes: RoundChanges,
  nextStatus?: RoundStatus,
): Promise<boolean> {
  const result = await db
    .updateTable('rounds')
    .set({ ...toColumns(changes), ...(nextStatus && { status: nextStatus }) })
    .where('id', '=', id)
    .where('status', '=', expectedStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The rate as a number 0..1 with four decimals; null when nobody is invited. */
export function responseRate(answered: number, invited: number | null): number | null {
  return invited === null || invited === 0 ? null : Math.round((answered / invited) * 10_000) / 10_000;
}

/**
 * Who is invited in a unit itself: an open-kiosk unit takes answers without codes, so its
 * employees are (null when their number is unknown); any other unit, the codes issued for it.
 */
export function invitedIn(unit: { openKiosk: boolean; employeeCount: number | null }, codesIssued: number) {
  return unit.openKiosk ? unit.employeeCount : codesIssued;
}

/** Per unit of the round (only `scope` when given): invited, answered, rate, codes and refusals. */
export async function roundProgress(
  db: Kysely<DB>,
  round: AdminRound,
  scope?: ReadonlySet<string>,
): Promise<{ units: UnitProgress[]; total: { invited: number; answered: number; rate: number | null } }> {
  const inRound = await unitIdsUnder(db, round.unitId);
  const ids = [...inRound].filter((id) => scope === undefined || scope.has(id));
  if (ids.length === 0) return { units: [], total: { invited: 0, answered: 0, rate: null } };
  const unitRows = await db.selectFrom('units').selectAll().where('id', 'in', ids).execute();
  const totals = await db
    .selectFrom('aggregate_totals')
    .select(['unit_id', 'responses'])
    .where('round_id', '=', round.id)
    .execute();
  const answeredBy = new Map(totals.map((t) => [t.unit_id, Number(t.responses)]));
  const codes = await codeCountsByUnit(db, round.id);

  const units = sortParentsFirst(unitRows.map(toUnit)).map((unit): UnitProgress => {
    const c = codes.get(unit.id) ?? { issued: 0, used: 0, unknownCode: 0, usedCode: 0 };
    const answered = answeredBy.get(unit.id) ?? 0;
    const invited = invitedIn(unit, c.issued);
    return {
      unitId: unit.id,
      parentId: unit.parentId,
      name: unit.name,
      openKiosk: unit.openKiosk,
      invited,
      answered,
      rate: responseRate(answered, invited),
      codesIssued: c.issued,
      codesUsed: c.used,
      refused: { unknownCode: c.unknownCode, usedCode: c.usedCode },
    };
  });
  const invited = units.reduce((s, u) => s + (u.invited ?? 0), 0);
  const answered = units.reduce((s, u) => s + u.answered, 0);
  return { units, total: { invited, answered, rate: responseRate(answered, invited) } };
}
