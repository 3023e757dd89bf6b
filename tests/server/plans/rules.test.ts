// The plan's pure rules without a database: the review rhythm's month arithmetic (a month without
// the day ends on its last day), which transitions exist (agreed → draft only before a review),
// and the edit rules table.
import { describe, expect, it } from 'vitest';
import { PLAN_STATUSES } from '../../../src/shared/api/plans';
import { addMonths, assertEditable, assertTransition } from '../../../src/server/plans/rules';

describe('the follow-up plan rules', () => {
  it('adds months, ending on the last day of a shorter month', () => {
    expect(addMonths('2026-03-10', 3)).toBe('2026-06-10');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 12)).toBe('2027-12-15');
  });

  it('allows exactly the forward steps, and back to draft only before any review', () => {
    const allowed: string[] = [];
    for (const from of PLAN_STATUSES) {
      for (const to of PLAN_STATUSES) {
        try {
          assertTransition(from, to, 0);
          allowed.push(`${from}→${to}`);
        } catch {
          // refused
        }
      }
    }
    expect(allowed).toEqual([
      'draft→agreed',
      'agreed→draft',
      'agreed→in_progress',
      'in_progress→evaluated',
      'evaluated→closed',
    ]);
    expect(() => assertTransition('agreed', 'draft', 1)).toThrow(
      expect.objectContaining({ code: 'PLAN_INVALID_TRANSITION' }),
    );
  });

  it('locks focus factors once agreed and everything once evaluated', () => {
    expect(() => assertEditable('draft', 'focus')).not.toThrow();
    expect(() => assertEditable('agreed', 'focus')).toThrow(expect.objectContaining({ code: 'PLAN_LOCKED' }));
    expect(() => assertEditable('in_progress', 'measures')).not.toThrow();
    for (const part of ['measures', 'settings', 'consultation', 'review'] as const) {
      expect(() => assertEditable('evaluated', part)).toThrow(
        expect.objectContaining({ code: 'PLAN_LOCKED' }),
      );
    }
  });
});
