import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../src/shared/api/organisation';
import { invitedIn, progressTable, responseRate } from '../../../src/server/rounds/progress';

const unit = (id: string, parentId: string | null, fields: Partial<Unit> = {}): Unit => ({
  id,
  parentId,
  name: id,
  unitType: null,
  employeeCount: null,
  openKiosk: false,
  ...fields,
});

describe('round progress', () => {
  it('rounds the response rate to four decimals and has none when nobody is invited', () => {
    expect(responseRate(1, 3)).toBe(0.3333);
    expect(responseRate(2, 3)).toBe(0.6667);
    expect(responseRate(0, 0)).toBeNull();
    expect(responseRate(3, null)).toBeNull();
  });

  it('counts an open-kiosk unit by its employees and any other unit by the codes issued', () => {
    expect(invitedIn({ openKiosk: true, employeeCount: 12 }, 4)).toBe(12);
    expect(invitedIn({ openKiosk: true, employeeCount: null }, 4)).toBeNull();
    expect(invitedIn({ openKiosk: false, employeeCount: 12 }, 4)).toBe(4);
  });

  it('lists units parents first with their counts, and totals only what is known', () => {
    const table = progressTable(
      [unit('b', 'a'), unit('a', null, { openKiosk: true, employeeCount: 8 }), unit('c', 'a')],
      new Map([
        ['a', 2],
        ['b', 3],
      ]),
      new Map([['b', { issued: 4, used: 3, unknownCode: 1, usedCode: 2 }]]),
    );
    expect(table.units.map((u) => [u.unitId, u.invited, u.answered, u.rate])).toEqual([
      ['a', 8, 2, 0.25],
      ['b', 4, 3, 0.75],
      ['c', 0, 0, null],
    ]);
    expect(table.units[1]).toMatchObject({
      codesIssued: 4,
      codesUsed: 3,
      refused: { unknownCode: 1, usedCode: 2 },
    });
    expect(table.total).toEqual({ invited: 12, answered: 5, rate: 0.4167 });
  });
});
