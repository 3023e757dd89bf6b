// Owns the reads and writes of units and unit types. Queries name the municipality wherever a caller
// has one: one server may host many, and a unit id is only meaningful inside its own. The rules
// (no cycles, what blocks a delete and how that reads) are in ../organisation/unit-rules.ts.
import type { Kysely, Selectable } from 'kysely';
import type { Unit, UnitType } from '../../shared/api/organisation';
import { sortParentsFirst } from '../../shared/unit-tree';
import type { DB } from '../db/schema';
import type { UnitsTable } from '../db/tables/units';
import { fromFlag, toFlag } from './columns';

export function toUnit(row: Selectable<UnitsTable>): Unit {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    unitType: row.unit_type,
    employeeCount: row.employee_count === null ? null : Number(row.employee_count),
    openKiosk: fromFlag(row.open_kiosk),
  };
}

export async function listUnitTypes(db: Kysely<DB>): Promise<UnitType[]> {
  const rows = await db.selectFrom('unit_types').selectAll().orderBy('label_nb').execute();
  return rows.map((r) => ({ code: r.code, label: { nb: r.label_nb, nn: r.label_nn, en: r.label_en } }));
}

export async function listUnits(db: Kysely<DB>, municipalityId: string): Promise<Unit[]> {
  const rows = await db
    .selectFrom('units')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .execute();
  return sortParentsFirst(rows.map(toUnit));
}

export async function findUnit(
  db: Kysely<DB>,
  municipalityId: string,
  id: string,
): Promise<Selectable<UnitsTable> | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The municipality the unit belongs to, in whichever municipality; undefined when there is no such unit. */
export async function unitMunicipalityId(db: Kysely<DB>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('units').select('municipality_id').where('id', '=', id).executeTakeFirst();
  return row?.municipality_id;
}

export async function unitExistsAnywhere(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await unitMunicipalityId(db, id)) !== undefined;
}

export async function unitTypeExists(db: Kysely<DB>, code: string): Promise<boolean> {
  return (
    (await db.selectFrom('unit_types').select('code').where('code', '=', code).executeTakeFirst()) !==
    undefined
  );
}

/** The units with these ids (the caller has already limited them to a round or a scope). */
export async function findUnitsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Unit[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('units')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map(toUnit);
}

/** The unit's id and name, in whichever municipality (the caller already holds a checked id). */
export async function findUnitName(db: Kysely<DB>, id: string): Promise<{ id: string; name: string }> {
  return db.selectFrom('units').select(['id', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** Every unit of the municipality: id → parent id, for walks in memory (../../shared/unit-tree.ts). */
export async function parentMap(db: Kysely<DB>, municipalityId: string): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'parent_id'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

/**
 * The unit and its ancestors up to the top of its tree, with the municipality each belongs to, in
 * one recursive query (a scope check needs both). UNION also ends a cycle. Empty: no such unit.
 */
export async function unitChain(
  db: Kysely<DB>,
  unitId: string,
): Promise<{ id: string; municipalityId: string }[]> {
  const rows = await db
    .withRecursive('chain(id, parent_id, municipality_id)', (qb) =>
      qb
        .selectFrom('units')
        .select(['units.id', 'units.parent_id', 'units.municipality_id'])
        .where('units.id', '=', unitId)
        .union((up) =>
          up
            .selectFrom('units')
            .innerJoin('chain', 'chain.parent_id', 'units.id')
            .select(['units.id', 'units.parent_id', 'units.municipality_id']),
        ),
    )
    .selectFrom('chain')
    .select(['chain.id', 'chain.municipality_id'])
    .execute();
  return rows.map((r) => ({ id: r.id, municipalityId: r.municipality_id }));
}

/** The unit and its ancestors up to the top of its tree (see unitChain). */
export async function unitAndAncestorIds(db: Kysely<DB>, unitId: string): Promise<string[]> {
  return (await unitChain(db, unitId)).map((u) => u.id);
}

/** Which of these ids are units of the municipality; every unit of it when `ids` is left out. */
export async function unitIdsInMunicipality(
  db: Kysely<DB>,
  municipalityId: string,
  ids?: readonly string[],
): Promise<Set<string>> {
  if (ids?.length === 0) return new Set();
  let query = db.selectFrom('units').select('id').where('municipality_id', '=', municipalityId);
  if (ids !== undefined) query = query.where('id', 'in', [...ids]);
  return new Set((await query.execute()).map((r) => r.id));
}

/** What may refer to a unit, each a table (or the units below it). */
export const UNIT_REFERENCES = [
  'children',
  'rounds',
  /** The unit is in a round's frozen frame (issue 11): its reports show it, so its id stays its own. */
  'frames',
  'answers',
  'codes',
  'kiosks',
  'kioskEnrolments',
  'refusedAnswers',
] as const;
export type UnitReference = (typeof UNIT_REFERENCES)[number];

/** Which kinds of row still refer to the unit, in the order of UNIT_REFERENCES. */
export async function unitReferences(db: Kysely<DB>, id: string): Promise<UnitReference[]> {
  const queries: Record<UnitReference, { executeTakeFirst(): Promise<unknown> }> = {
    children: db.selectFrom('units').select('id').where('parent_id', '=', id).limit(1),
    rounds: db.selectFrom('rounds').select('id').where('unit_id', '=', id).limit(1),
    frames: db.selectFrom('round_frame_units').select('unit_id').where('unit_id', '=', id).limit(1),
    answers: db.selectFrom('aggregate_totals').select('unit_id').where('unit_id', '=', id).limit(1),
    codes: db.selectFrom('one_time_codes').select('unit_id').where('unit_id', '=', id).limit(1),
    kiosks: db.selectFrom('kiosks').select('id').where('unit_id', '=', id).limit(1),
    kioskEnrolments: db.selectFrom('kiosk_enrolments').select('unit_id').where('unit_id', '=', id).limit(1),
    refusedAnswers: db.selectFrom('refused_counts').select('unit_id').where('unit_id', '=', id).limit(1),
  };
  // Answers still sealed until their round's release count as answers too.
  const sealed = db.selectFrom('sealed_inbox').select('unit_id').where('unit_id', '=', id).limit(1);
  const answers = queries.answers;
  queries.answers = {
    executeTakeFirst: async () => (await answers.executeTakeFirst()) ?? (await sealed.executeTakeFirst()),
  };
  const out: UnitReference[] = [];
  for (const kind of UNIT_REFERENCES)
    if ((await queries[kind].executeTakeFirst()) !== undefined) out.push(kind);
  return out;
}

export interface UnitWrite {
  parentId: string | null;
  name: string;
  unitType: string | null;
  employeeCount: number | null;
  openKiosk: boolean;
}

export async function insertUnit(
  db: Kysely<DB>,
  municipalityId: string,
  id: string,
  unit: UnitWrite,
): Promise<void> {
  await db
    .insertInto('units')
    .values({
      id,
      municipality_id: municipalityId,
      parent_id: unit.parentId,
      name: unit.name,
      unit_type: unit.unitType,
      employee_count: unit.employeeCount,
      open_kiosk: toFlag(unit.openKiosk),
    })
    .execute();
}

export async function updateUnit(
  db: Kysely<DB>,
  municipalityId: string,
  id: string,
  changes: Partial<UnitWrite>,
): Promise<void> {
  const columns = {
    parent_id: changes.parentId,
    name: changes.name,
    unit_type: changes.unitType,
    employee_count: changes.employeeCount,
    open_kiosk: toFlag(changes.openKiosk),
  };
  const set = Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length === 0) return;
  await db
    .updateTable('units')
    .set(set)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

export async function deleteUnit(db: Kysely<DB>, municipalityId: string, id: string): Promise<void> {
  await db.deleteFrom('units').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** What the CSV check needs from the database. */
export async function csvContext(db: Kysely<DB>, municipalityId: string, ids: readonly string[]) {
  const existing = await parentMap(db, municipalityId);
  const takenElsewhere = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '<>', municipalityId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    rows.forEach((r) => takenElsewhere.add(r.id));
  }
  const unitTypes = new Map<string, string>();
  for (const t of await db.selectFrom('unit_types').selectAll().execute()) {
    for (const key of [t.code, t.label_nb, t.label_nn, t.label_en]) unitTypes.set(key.toLowerCase(), t.code);
  }
  return { existing, takenElsewhere, unitTypes };
}

/** Writes checked CSV rows (parents first) in one transaction: new ids are created, known ones updated. */
export async function importUnits(
  db: Kysely<DB>,
  municipalityId: string,
  rows: readonly {
    id: string;
    parentId: string | null;
    name: string;
    unitType: string | null;
    employeeCount: number | null;
  }[],
): Promise<{ created: number; updated: number }> {
  return db.transaction().execute(async (trx) => {
    const existing = new Set(
      (
        await trx.selectFrom('units').select('id').where('municipality_id', '=', municipalityId).execute()
      ).map((u) => u.id),
    );
    let created = 0;
    let updated = 0;
    for (const row of rows) {
      const fields = {
        parentId: row.parentId,
        name: row.name,
        unitType: row.unitType,
        employeeCount: row.employeeCount,
      };
      if (existing.has(row.id)) {
        await updateUnit(trx, municipalityId, row.id, fields);
        updated++;
      } else {
        await insertUnit(trx, municipalityId, row.id, { ...fields, openKiosk: false });
        created++;
      }
    }
    return { created, updated };
  });
}
