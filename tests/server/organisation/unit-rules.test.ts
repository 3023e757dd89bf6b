import { describe, expect, it } from 'vitest';
import { inUseMessage, wouldMakeCycle } from '../../../src/server/organisation/unit-rules';

// top → mid → leaf, and a separate root.
const parents = new Map<string, string | null>([
  ['top', null],
  ['mid', 'top'],
  ['leaf', 'mid'],
  ['other', null],
]);

describe('unit tree rules', () => {
  it('refuses a move below the unit itself or below anything under it', () => {
    expect(wouldMakeCycle(parents, 'mid', 'mid')).toBe(true);
    expect(wouldMakeCycle(parents, 'top', 'leaf')).toBe(true);
    expect(wouldMakeCycle(parents, 'mid', 'leaf')).toBe(true);
  });

  it('allows a move anywhere else, also when stored data already has a cycle elsewhere', () => {
    expect(wouldMakeCycle(parents, 'leaf', 'other')).toBe(false);
    expect(wouldMakeCycle(parents, 'other', 'leaf')).toBe(false);
    const broken = new Map([...parents, ['x', 'y'], ['y', 'x']]);
    expect(wouldMakeCycle(broken, 'leaf', 'x')).toBe(false);
  });

  it('says what still refers to a unit, and nothing when it may be deleted', () => {
    expect(inUseMessage([])).toBeUndefined();
    expect(inUseMessage(['children', 'kioskEnrolments', 'refusedAnswers'])).toBe(
      'The unit still has units below it, kiosk enrolments, refused answers',
    );
  });
});
