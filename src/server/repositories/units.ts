// Units and unit types as the admin edits them. Every query names the municipality: one server may
// later host many, and a unit id is only meaningful inside its own.
import type { Kysely, Selectable } from 'kysely';
import type { Unit, UnitType } from '../../shared/api/organisation';
import type { DB } from '../db/schema';
import type { UnitsTable } from '../db/tables/units';

export function toUnit(row: Selectable<UnitsTable>): Unit {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    unitType: row.unit_type,
    employeeCount: row.employee_count === null ? null : Number(row.employee_count),
    openKiosk: Number(row.open_kiosk) === 1,
  };
}

export async function listUnitTypes(db: Kysely<DB>): Promise<UnitType[]> {
  const rows = await db.selectFrom('unit_types').selectAll().orderBy('label_nb').execute();
  return rows.map((r) => ({ code: r.code, label: { nb: r.label_nb, nn: r.label_nn, en: r.label_en } }));
}

/** Parents before children, then by name: the order a tree view wants. */
export function sortParentsFirst<T extends { id: string; parentId: string | null; name: string }>(
  units: T[],
): T[] {
  const byParent = new Map<string | null, T[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    // A unit whose parent is not in the list (out of scope) is a root of what the caller sees.
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), u]);
  }
  const out: T[] = [];
  const visit = (parent: string | null) => {
    for (const u of (byParent.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'nb'))) {
      out.push(u);
      visit(u.id);
    }
  };
  visit(null);
  return out;
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

export async function unitExistsAnywhere(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function unitTypeExists(db: Kysely<DB>, code: string): Promise<boolean> {
  return (
    (await db.selectFrom('unit_types').select('code').where('code', '=', code).executeTakeFirst()) !==
    undefined
  );
}

/** The parent chain from `id` up to the root (excluding `id`), to refuse a move that makes a cycle. */
export async function ancestorIds(db: Kysely<DB>, municipalityId: string, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'parent_id'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
  const chain: string[] = [];
  for (let at = parent.get(id) ?? null; at !== null && !chain.includes(at); at = parent.get(at) ?? null)
    chain.push(at);
  return chain;
}

/** What still refers to the unit; a unit can be deleted only when this is empty. */
export async function unitDependents(db: Kysely<DB>, id: string): Promise<string[]> {
  const found = async (query: { executeTakeFirst(): Promise<unknown> }) =>
    (await query.executeTakeFirst()) !== undefined;
  const checks: [string, () => Promise<boolean>][] = [
    ['units below it', () => found(db.selectFrom('units').select('id').where('parent_id', '=', id).limit(1))],
    ['rounds', () => found(db.selectFrom('rounds').select('id').where('unit_id', '=', id).limit(1))],
    [
      'answers',
      () => found(db.selectFrom('aggregate_totals').select('unit_id').where('unit_id', '=', id).limit(1)),
    ],
    [
      'codes',
      () => found(db.selectFrom('one_time_codes').select('unit_id').where('unit_id', '=', id).limit(1)),
    ],
    ['kiosks', () => found(db.selectFrom('kiosks').select('id').where('unit_id', '=', id).limit(1))],
    [
      'kiosk enrolments',
      () => found(db.selectFrom('kiosk_enrolments').select('unit_id').where('unit_id', '=', id).limit(1)),
    ],
    [
      'refused answers',
      () => found(db.selectFrom('refused_counts').select('unit_id').where('unit_id', '=', id).limit(1)),
    ],
  ];
  const out: string[] = [];
  for (const [what, check] of checks) if (await check()) out.push(what);
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
      open_kiosk: unit.openKiosk ? 1 : 0,
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
    open_kiosk: changes.openKiosk === undefined ? undefined : changes.openKiosk ? 1 : 0,
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
  const own = await db
    .selectFrom('units')
    .select(['id', 'parent_id'])
    .where('municipality_id', '=', municipalityId)
    .execute();
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
  return { existing: new Map(own.map((u) => [u.id, u.parent_id])), takenElsewhere, unitTypes };
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
