// Reads the unit CSV an admin uploads (id;parent_id;name;unit_type;employee_count) and checks every
// line against the file itself and the units already stored, so the import can be all or nothing:
// either every line is good and the result says what to write, or every bad line is listed.
// Pure: what it needs from the database is passed in.
import { isInCycle, sortParentsFirst } from '../../shared/unit-tree';
import { readCsv } from '../csv/records';

export interface CsvUnitRow {
  line: number;
  id: string;
  parentId: string | null;
  name: string;
  unitType: string | null;
  employeeCount: number | null;
}

export interface CsvLineError {
  line: number;
  message: string;
}

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

function parseCount(raw: string): number | null | Error {
  const text = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return null;
  if (!/^\d+$/.test(text)) return new Error(`employee_count must be a whole number, not "${raw.trim()}"`);
  const n = Number(text);
  return n > MAX_EMPLOYEES ? new Error(`employee_count ${n} is too large`) : n;
}

function parseRow(
  line: number,
  cells: Record<(typeof CSV_COLUMNS)[number], string>,
  ctx: CsvContext,
): CsvUnitRow | string {
  const id = cells.id.trim();
  if (id === '') return 'id is empty';
  if (!ID_PATTERN.test(id))
    return `id "${id.slice(0, 40)}" may only have letters a-z, digits and . _ : - (at most 100)`;
  const name = cells.name.trim();
  if (name === '') return 'name is empty';
  if (name.length > 200) return 'name is longer than 200 characters';
  const parentId = cells.parent_id.trim() || null;
  if (parentId === id) return 'a unit cannot be its own parent';
  const typeText = cells.unit_type.trim();
  const unitType = typeText === '' ? null : ctx.unitTypes.get(typeText.toLowerCase());
  if (unitType === undefined) return `unknown unit_type "${typeText.slice(0, 60)}"`;
  const employeeCount = parseCount(cells.employee_count);
  if (employeeCount instanceof Error) return employeeCount.message;
  if (ctx.takenElsewhere.has(id)) return `id "${id}" is used by another municipality`;
  return { line, id, parentId, name, unitType, employeeCount };
}

/** Lines whose unit would end up in a parent cycle, once the file is applied to the stored tree. */
function cycleLines(rows: CsvUnitRow[], ctx: CsvContext): CsvLineError[] {
  const parent = new Map(ctx.existing);
  for (const r of rows) parent.set(r.id, r.parentId);
  return rows
    .filter((r) => isInCycle(parent, r.id))
    .map((r) => ({ line: r.line, message: 'parent_id makes a cycle in the unit tree' }));
}

export function parseUnitCsv(input: string, ctx: CsvContext): CsvResult {
  const records = readCsv(input);
  const header = records[0];
  if (!header) return { ok: false, errors: [{ line: 1, message: 'The file is empty' }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0 || names.length !== CSV_COLUMNS.length) {
    const message = `The first line must name the columns ${CSV_COLUMNS.join(';')}${missing.length ? ` (missing ${missing.join(', ')})` : ''}`;
    return { ok: false, errors: [{ line: header.line, message }] };
  }
  if (records.length === 1) return { ok: false, errors: [{ line: 2, message: 'The file has no units' }] };

  const errors: CsvLineError[] = [];
  const rows: CsvUnitRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of records.slice(1)) {
    if (record.fields.length !== names.length) {
      errors.push({
        line: record.line,
        message: `Expected ${names.length} fields, found ${record.fields.length}`,
      });
      continue;
    }
    const cells = Object.fromEntries(names.map((n, i) => [n, record.fields[i] ?? ''])) as Record<
      (typeof CSV_COLUMNS)[number],
      string
    >;
    const row = parseRow(record.line, cells, ctx);
    if (typeof row === 'string') {
      errors.push({ line: record.line, message: row });
      continue;
    }
    const earlier = firstLineOf.get(row.id);
    if (earlier !== undefined) {
      errors.push({ line: record.line, message: `id "${row.id}" is already on line ${earlier}` });
      continue;
    }
    firstLineOf.set(row.id, row.line);
    rows.push(row);
  }
  for (const r of rows) {
    if (r.parentId !== null && !firstLineOf.has(r.parentId) && !ctx.existing.has(r.parentId)) {
      errors.push({
        line: r.line,
        message: `parent_id "${r.parentId.slice(0, 40)}" is neither in the file nor an existing unit`,
      });
    }
  }
  if (errors.length === 0) errors.push(...cycleLines(rows, ctx));
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  // Parents first, so every insert finds its parent already there (no cycles are left by now).
  return { ok: true, rows: sortParentsFirst(rows) };
}
