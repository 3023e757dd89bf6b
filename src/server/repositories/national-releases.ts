// Owns national_releases and national_release_figures: a release is written once, in one
// transaction, as the next version of its (year, unit type); reports read the latest version.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isFactorId, type FactorId } from '../../shared/factors';
import type { DB } from '../db/schema';

export interface StoredRelease {
  id: string;
  year: number;
  unitType: string;
  version: number;
  releasedAt: string;
  municipalities: number;
  averages: Map<FactorId, number>;
}

/** The latest release of the year and unit type, if any. */
export async function latestRelease(
  db: Kysely<DB>,
  year: number,
  unitType: string,
): Promise<StoredRelease | undefined> {
  const head = await db
    .selectFrom('national_releases')
    .selectAll()
    .where('year', '=', year)
    .where('unit_type', '=', unitType)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!head) return undefined;
  const rows = await db
    .selectFrom('national_release_figures')
    .select(['factor_id', 'average'])
    .where('release_id', '=', head.id)
    .execute();
  const averages = new Map<FactorId, number>();
  for (const r of rows) if (isFactorId(r.factor_id)) averages.set(r.factor_id, Number(r.average));
  return {
    id: head.id,
    year: Number(head.year),
    unitType: head.unit_type,
    version: Number(head.version),
    releasedAt: head.released_at,
    municipalities: Number(head.municipalities),
    averages,
  };
}

/** Writes the next version; a concurrent writer of the same version loses on the unique key. */
export async function insertRelease(
  db: Kysely<DB>,
  release: Omit<StoredRelease, 'id' | 'version'> & { minMunicipalities: number },
): Promise<StoredRelease> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('national_releases')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('year', '=', release.year)
      .where('unit_type', '=', release.unitType)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const id = randomUUID();
    await trx
      .insertInto('national_releases')
      .values({
        id,
        year: release.year,
        unit_type: release.unitType,
        version,
        released_at: release.releasedAt,
        municipalities: release.municipalities,
        min_municipalities: release.minMunicipalities,
      })
      .execute();
    await trx
      .insertInto('national_release_figures')
      .values([...release.averages].map(([factor_id, average]) => ({ release_id: id, factor_id, average })))
      .execute();
    return { ...release, id, version };
  });
}
