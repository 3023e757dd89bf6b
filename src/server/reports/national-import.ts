// An admin's import of published national figures (CSV): a unit type may be named by its code or
// by any of its labels, in any case; the import is all or nothing and replaces the municipality's
// figures for each year and unit type it names (national-csv.ts checks the lines).
import type { Kysely } from 'kysely';
import type { UnitType } from '../../shared/api/organisation';
import type { DB } from '../db/schema';
import type { CsvLineError } from '../organisation/unit-csv';
import { replaceNationalFigures } from '../repositories/national-figures';
import { listUnitTypes } from '../repositories/units';
import { parseNationalCsv } from './national-csv';

/** Every name a unit type goes by in the CSV (code, nb, nn and en label), lower-cased, to its code. */
export function unitTypeNames(types: readonly UnitType[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const t of types) {
    for (const key of [t.code, t.label.nb, t.label.nn, t.label.en]) names.set(key.toLowerCase(), t.code);
  }
  return names;
}

export type NationalImportResult = { ok: true; imported: number } | { ok: false; errors: CsvLineError[] };

export async function importNationalFigures(
  db: Kysely<DB>,
  municipalityId: string,
  csv: string,
): Promise<NationalImportResult> {
  const parsed = parseNationalCsv(csv, unitTypeNames(await listUnitTypes(db)));
  if (!parsed.ok) return parsed;
  await replaceNationalFigures(db, municipalityId, parsed.figures);
  return { ok: true, imported: parsed.figures.length };
}
