// Municipalities and whole unit trees: the bulk writes the demo seed and tests use, and the walk
// down a tree in SQL (a recursive CTE) that rounds, scope and ingest ask for. Single units as the
// admin edits them are ./units.ts.
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { MunicipalitiesTable } from '../db/tables/municipalities';
import type { UnitsTable } from '../db/tables/units';
import { slugifyName } from '../../shared/entry-slug';

export async function hasAnyMunicipality(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('municipalities').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The municipality whose respondents' entry address is /k/<slug> (../../shared/entry-slug.ts). */
export async function findMunicipalityByEntrySlug(
  db: Kysely<DB>,
  slug: string,
): Promise<{ id: string; name: string; entrySlug: string } | undefined> {
  const row = await db
    .selectFrom('municipalities')
    .select(['id', 'name', 'entry_slug'])
    .where('entry_slug', '=', slug)
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, entrySlug: row.entry_slug ?? slug };
}

/** The id of the one municipality on the instance; undefined when there are none or several. */
export async function soleMunicipalityId(db: Kysely<DB>): Promise<string | undefined> {
  const rows = await db.selectFrom('municipalities').select('id').limit(2).execute();
  return rows.length === 1 ? rows[0]!.id : undefined;
}

/** The name's slug, or the first of slug-2, slug-3 … no other municipality has. */
export async function freeEntrySlug(db: Kysely<DB>, name: string): Promise<string> {
  const base = slugifyName(name);
  const rows = await db
    .selectFrom('municipalities')
    .select('entry_slug')
    .where((eb) => eb.or([eb('entry_slug', '=', base), eb('entry_slug', 'like', `${base}-%`)]))
    .execute();
  const taken = new Set(rows.map((r) => r.entry_slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  return slug;
}

/** A row without an entry_slug gets one made from its name (the demo seed and tests rely on this). */
export async function insertMunicipality(
  db: Kysely<DB>,
  row: Insertable<MunicipalitiesTable>,
): Promise<void> {
  const entrySlug = row.entry_slug ?? (await freeEntrySlug(db, row.name));
  await db
    .insertInto('municipalities')
    .values({ ...row, entry_slug: entrySlug })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Parents must come before their children (foreign key). */
export async function insertUnits(db: Kysely<DB>, rows: readonly Insertable<UnitsTable>[]): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('units')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

/** The unit and every unit below it. UNION (not UNION ALL) also ends the walk if the tree ever has a cycle. */
export async function unitIdsUnder(db: Kysely<DB>, rootUnitId: string): Promise<Set<string>> {
  const rows = await db
    .withRecursive('subtree(id)', (qb) =>
      qb
        .selectFrom('units')
        .select('units.id')
        .where('units.id', '=', rootUnitId)
        .union((qb2) =>
          qb2.selectFrom('units').innerJoin('subtree', 'subtree.id', 'units.parent_id').select('units.id'),
        ),
    )
    .selectFrom('subtree')
    .select('subtree.id')
    .execute();
  return new Set(rows.map((row) => row.id));
}
