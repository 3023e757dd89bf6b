// The rounds a report is about or compares with: those of a municipality that may have a report,
// the published rounds of a year on the whole server (the national average), and a unit's previous
// published round.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { RoundRecord } from './rounds';

/** Rounds of one municipality that may have a report (closed or published), newest first. */
export async function reportableRoundIds(db: Kysely<DB>, municipalityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('rounds')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('status', 'in', ['closed', 'published'])
    .orderBy('opens_on', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The published rounds of every municipality on this server that opened in `year`. */
export async function publishedRoundIdsOfYear(db: Kysely<DB>, year: number): Promise<string[]> {
  const rows = await db
    .selectFrom('rounds')
    .select('id')
    .where('status', '=', 'published')
    .where('opens_on', '>=', `${year}-01-01`)
    .where('opens_on', '<=', `${year}-12-31`)
    .execute();
  return rows.map((r) => r.id);
}

/** The unit and its ancestors up to the top of its municipality's tree. */
async function unitAndAncestorIds(db: Kysely<DB>, unitId: string): Promise<string[]> {
  const rows = await db
    .withRecursive('chain(id, parent_id)', (qb) =>
      qb
        .selectFrom('units')
        .select(['units.id', 'units.parent_id'])
        .where('units.id', '=', unitId)
        .union((up) =>
          up
            .selectFrom('units')
            .innerJoin('chain', 'chain.parent_id', 'units.id')
            .select(['units.id', 'units.parent_id']),
        ),
    )
    .selectFrom('chain')
    .select('chain.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The unit's previous published round: of the same municipality, opened before `round`, and with
 * the unit in its tree (its own unit is the unit or one above it). The latest such round.
 */
export async function previousRoundId(
  db: Kysely<DB>,
  round: RoundRecord,
  unitId: string,
): Promise<string | undefined> {
  const covering = await unitAndAncestorIds(db, unitId);
  const row = await db
    .selectFrom('rounds')
    .select('id')
    .where('municipality_id', '=', round.municipalityId)
    .where('status', '=', 'published')
    .where('opens_on', '<', round.opensOn)
    .where('unit_id', 'in', covering)
    .orderBy('opens_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}
