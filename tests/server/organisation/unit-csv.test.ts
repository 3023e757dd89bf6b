import { describe, expect, it } from 'vitest';
import { parseUnitCsv, type CsvContext } from '../../../src/server/organisation/unit-csv';

const HEADER = 'id;parent_id;name;unit_type;employee_count';
const ctx = (existing: [string, string | null][] = []): CsvContext => ({
  existing: new Map(existing),
  takenElsewhere: new Set(),
  unitTypes: new Map(),
});

describe('unit CSV check', () => {
  it('returns the rows parents first, whatever order the file has', () => {
    const parsed = parseUnitCsv([HEADER, 'leaf;mid;Leaf;;', 'mid;top;Mid;;', 'top;;Top;;'].join('\n'), ctx());
    expect(parsed.ok && parsed.rows.map((r) => r.id)).toEqual(['top', 'mid', 'leaf']);
  });

  it('marks every line whose unit ends up in a cycle with the stored tree, and only those', () => {
    const stored = ctx([
      ['a', null],
      ['b', 'a'],
    ]);
    const parsed = parseUnitCsv([HEADER, 'a;b;A;;', 'c;b;C;;'].join('\n'), stored);
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { line: 2, problem: 'CYCLE', values: {}, message: 'parent_id makes a cycle in the unit tree' },
      ],
    });
  });
});
