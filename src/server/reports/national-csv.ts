// Reads the national figures CSV an admin uploads (year;unit_type;factor;average;source, see
// POST /national-figures/import in shared/api/reports.ts) and checks every line, so the import
// can be all or nothing: either every line is good, or every bad line is listed. Pure: the unit
// types are passed in.
import { ALL_UNIT_TYPES, type NationalFigure } from '../../shared/api/reports';
import { FACTOR_IDS, isFactorId, type FactorId } from '../../shared/factors';
import type { CsvLineError } from '../../shared/api/csv-problems';
import { csvLineError, problem, short, type LineProblem } from '../csv/problems';
import { readCsv } from '../csv/records';

export const NATIONAL_CSV_COLUMNS = ['year', 'unit_type', 'factor', 'average', 'source'] as const;
type Column = (typeof NATIONAL_CSV_COLUMNS)[number];

export type NationalCsvResult =
  { ok: true; figures: NationalFigure[] } | { ok: false; errors: CsvLineError[] };

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MAX_SOURCE_LENGTH = 200;

function parseFactor(raw: string): FactorId | undefined {
  const text = raw.trim().toLowerCase();
  if (/^\d{1,2}$/.test(text)) return FACTOR_IDS[Number(text) - 1];
  return isFactorId(text) ? text : undefined;
}

/** 1..5 with a decimal comma or point. */
function parseAverage(raw: string): number | undefined {
  const text = raw.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 5 ? n : undefined;
}

function parseRow(
  cells: Record<Column, string>,
  unitTypes: ReadonlyMap<string, string>,
): NationalFigure | LineProblem {
  const yearText = cells.year.trim();
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < MIN_YEAR || year > MAX_YEAR) {
    return problem('YEAR_RANGE', { value: short(yearText), min: MIN_YEAR, max: MAX_YEAR });
  }
  const typeText = cells.unit_type.trim();
  const unitType =
    typeText === '' || typeText === ALL_UNIT_TYPES ? ALL_UNIT_TYPES : unitTypes.get(typeText.toLowerCase());
  if (unitType === undefined) return problem('UNKNOWN_UNIT_TYPE', { value: short(typeText) });
  const factorId = parseFactor(cells.factor);
  if (factorId === undefined) return problem('FACTOR_UNKNOWN', { value: short(cells.factor.trim()) });
  const average = parseAverage(cells.average);
  if (average === undefined) return problem('AVERAGE_RANGE', { value: short(cells.average.trim()) });
  const source = cells.source.trim();
  if (source === '') return problem('SOURCE_EMPTY', {});
  if (source.length > MAX_SOURCE_LENGTH) return problem('SOURCE_TOO_LONG', { max: MAX_SOURCE_LENGTH });
  return { year, unitType, factorId, average, source };
}

/** `unitTypes`: every code and label (lower case) → code. */
export function parseNationalCsv(input: string, unitTypes: ReadonlyMap<string, string>): NationalCsvResult {
  const records = readCsv(input);
  const header = records[0];
  if (!header) return { ok: false, errors: [csvLineError(1, problem('EMPTY_FILE', {}))] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = NATIONAL_CSV_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0 || names.length !== NATIONAL_CSV_COLUMNS.length) {
    const values = { columns: NATIONAL_CSV_COLUMNS.join(';'), missing: missing.join(', ') };
    return { ok: false, errors: [csvLineError(header.line, problem('HEADER', values))] };
  }
  if (records.length === 1) return { ok: false, errors: [csvLineError(2, problem('NO_ROWS', {}))] };

  const errors: CsvLineError[] = [];
  const figures: NationalFigure[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of records.slice(1)) {
    if (record.fields.length !== names.length) {
      const values = { expected: names.length, found: record.fields.length };
      errors.push(csvLineError(record.line, problem('FIELD_COUNT', values)));
      continue;
    }
    const cells = Object.fromEntries(names.map((n, i) => [n, record.fields[i] ?? ''])) as Record<
      Column,
      string
    >;
    const figure = parseRow(cells, unitTypes);
    if ('problem' in figure) {
      errors.push(csvLineError(record.line, figure));
      continue;
    }
    const key = `${figure.year}/${figure.unitType}/${figure.factorId}`;
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) {
      errors.push(csvLineError(record.line, problem('FIGURE_REPEATED', { earlier })));
      continue;
    }
    firstLineOf.set(key, record.line);
    figures.push(figure);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, figures };
}
