// Owns the imported national figures: each municipality keeps its own, so one municipality's
// import never changes another's comparisons. An import replaces, per (year, unit type) in the
// file, what was there before, in one transaction.
import type { Kysely } from 'kysely';
import type { NationalFigure } from '../../shared/api/reports';
import { FACTOR_IDS, isFactorId, type FactorId } from '../../shared/factors';
import type { DB } from '../db/schema';

const ROWS_PER_STATEMENT = 500;

const factorRank = (id: string) => (FACTOR_IDS as readonly string[]).indexOf(id);

/** Sorted by year, unit type, then factor in the questionnaire's order. */
export async function listNationalFigures(db: Kysely<DB>, municipalityId: string): Promise<NationalFigure[]> {
  const rows = await db
    .selectFrom('national_figures')
    .select(['year', 'unit_type', 'factor_id', 'average', 'source'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  return rows
    .flatMap((r) =>
      isFactorId(r.factor_id)
        ? [
            {
              year: Number(r.year),
              unitType: r.unit_type,
              factorId: r.factor_id,
              average: Number(r.average),
              source: r.source,
            },
          ]
        : [],
    )
    .sort(
      (a, b) =>
        a.year - b.year ||
        (a.unitType < b.unitType ? -1 : a.unitType > b.unitType ? 1 : 0) ||
        factorRank(a.factorId) - factorRank(b.factorId),
    );
}

/** The imported figures of one year and unit type ('*': all types), per factor. */
export async function findNationalFigures(
  db: Kysely<DB>,
  municipalityId: string,
  year: number,
  unitType: string,
): Promise<Map<FactorId, { average: number; source: string }>> {
  const rows = await db
    .selectFrom('national_figures')
    .select(['factor_id', 'average', 'source'])
    .where('municipality_id', '=', municipalityId)
    .where('year', '=', year)
    .where('unit_type', '=', unitType)
    .execute();
  const out = new Map<FactorId, { average: number; source: string }>();
  for (const r of rows)
    if (isFactorId(r.factor_id)) out.set(r.factor_id, { average: Number(r.average), source: r.source });
  return out;
}

/** Replaces the figures of every (year, unit type) the import names; all or nothing. */
export async function replaceNationalFigures(
  db: Kysely<DB>,
  municipalityId: string,
  figures: readonly NationalFigure[],
): Promise<void> {
  const pairs = new Map(figures.map((f) => [`${f.year}\u0000${f.unitType}`, f]));
  await db.transaction().execute(async (trx) => {
    for (const { year, unitType } of pairs.values()) {
      await trx
        .deleteFrom('national_figures')
        .where('municipality_id', '=', municipalityId)
        .where('year', '=', year)
        .where('unit_type', '=', unitType)
        .execute();
    }
    for (let i = 0; i < figures.length; i += ROWS_PER_STATEMENT) {
      await trx
        .insertInto('national_figures')
        .values(
          figures.slice(i, i + ROWS_PER_STATEMENT).map((f) => ({
            municipality_id: municipalityId,
            year: f.year,
            unit_type: f.unitType,
            factor_id: f.factorId,
            average: f.average,
            source: f.source,
          })),
        )
        .execute();
    }
  });
}
