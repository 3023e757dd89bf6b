// Reads the unit CSV an admin uploads (id;parent_id;name;unit_type;employee_count) and checks every
// line against the file itself and the units already stored, so the import can be all or nothing:
// either every line is good and the result says what to write, or every bad line is listed.
// Pure: what it needs from the database is passed in.
import type { CsvLineError } from '../../shared/api/csv-problems';
import { isInCycle, sortParentsFirst } from '../../shared/unit-tree';
import { csvLineError, problem, short, type LineProblem } from '../csv/problems';
import { readCsv } from '../csv/records';

export interface CsvUnitRow {
  line: number;
  id: string;
  parentId: string | null;
  name: string;
  unitType: string | null;
  employeeCount: number | null;
}

export type { CsvLineError };

export interface CsvContext {
  /** Existing units of this municipality: id → parent id. */
  existing: ReadonlyMap<string, string | null>;
  /** Ids taken by units of other municipalities. */
  takenElsewhere: ReadonlySet<string>;
  /** Unit types: code and every label (lower case) → code. */
  unitTypes: ReadonlyMap<string, string>;
}

export type CsvResult = { ok: true; rows: CsvUnitRow[] } | { ok: false; errors: CsvLineError[] };

export const CSV_COLUMNS = ['id', 'parent_id', 'name', 'unit_type', 'employee_count'] as const;
const ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;
const MAX_EMPLOYEES = 1_000_000;
const MAX_NAME = 200;

function parseCount(raw: string): number | null | LineProblem {
  const text = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return null;
  if (!/^\d+$/.test(text)) return problem('EMPLOYEES_NOT_WHOLE', { value: short(raw.trim()) });
  const n = Number(text);
  return n > MAX_EMPLOYEES ? problem('EMPLOYEES_TOO_LARGE', { value: n, max: MAX_EMPLOYEES }) : n;
}

function parseRow(
  line: number,
  cells: Record<(typeof CSV_COLUMNS)[number], string>,
  ctx: CsvContext,
): CsvUnitRow | LineProblem {
  const id = cells.id.trim();
  if (id === '') return problem('ID_EMPTY', {});
  if (!ID_PATTERN.test(id)) return problem('ID_FORMAT', { id: short(id) });
  const name = cells.name.trim();
  if (name === '') return problem('NAME_EMPTY', {});
  if (name.length > MAX_NAME) return problem('NAME_TOO_LONG', { max: MAX_NAME });
  const parentId = cells.parent_id.trim() || null;
  if (parentId === id) return problem('OWN_PARENT', {});
  const typeText = cells.unit_type.trim();
  const unitType = typeText === '' ? null : ctx.unitTypes.get(typeText.toLowerCase());
  if (unitType === undefined) return problem('UNKNOWN_UNIT_TYPE', { value: short(typeText) });
  const employeeCount = parseCount(cells.employee_count);
  if (employeeCount !== null && typeof employeeCount === 'object') return employeeCount;
  if (ctx.takenElsewhere.has(id)) return problem('ID_TAKEN_ELSEWHERE', { id });
  return { line, id, parentId, name, unitType, employeeCount };
}

/** Lines whose unit would end up in a parent cycle, once the file is applied to the stored tree. */
function cycleLines(rows: CsvUnitRow[], ctx: CsvContext): CsvLineError[] {
  const parent = new Map(ctx.existing);
  for (const r of rows) parent.set(r.id, r.parentId);
  return rows.filter((r) => isInCycle(parent, r.id)).map((r) => csvLineError(r.line, problem('CYCLE', {})));
}

export function parseUnitCsv(input: string, ctx: CsvContext): CsvResult {
  const records = readCsv(input);
  const header = records[0];
  if (!header) return { ok: false, errors: [csvLineError(1, problem('EMPTY_FILE', {}))] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0 || names.length !== CSV_COLUMNS.length) {
    const values = { columns: CSV_COLUMNS.join(';'), missing: missing.join(', ') };
    return { ok: false, errors: [csvLineError(header.line, problem('HEADER', values))] };
  }
  if (records.length === 1) return { ok: false, errors: [csvLineError(2, problem('NO_ROWS', {}))] };

  const errors: CsvLineError[] = [];
  const rows: CsvUnitRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of records.slice(1)) {
    if (record.fields.length !== names.length) {
      const values = { expected: names.length, found: record.fields.length };
      errors.push(csvLineError(record.line, problem('FIELD_COUNT', values)));
      continue;
    }
    const cells = Object.fromEntries(names.map((n, i) => [n, record.fields[i] ?? ''])) as Record<
      (typeof CSV_COLUMNS)[number],
      string
    >;
    const row = parseRow(record.line, cells, ctx);
    if ('problem' in row) {
      errors.push(csvLineError(record.line, row));
      continue;
    }
    const earlier = firstLineOf.get(row.id);
    if (earlier !== undefined) {
      errors.push(csvLineError(record.line, problem('ID_REPEATED', { id: row.id, earlier })));
      continue;
    }
    firstLineOf.set(row.id, row.line);
    rows.push(row);
  }
  for (const r of rows) {
    if (r.parentId !== null && !firstLineOf.has(r.parentId) && !ctx.existing.has(r.parentId)) {
      errors.push(csvLineError(r.line, problem('PARENT_UNKNOWN', { parentId: short(r.parentId) })));
    }
  }
  if (errors.length === 0) errors.push(...cycleLines(rows, ctx));
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  // Parents first, so every insert finds its parent already there (no cycles are left by now).
  return { ok: true, rows: sortParentsFirst(rows) };
}
