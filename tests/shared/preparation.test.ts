import { describe, expect, it } from 'vitest';
import { currentOrNext, defaultPhases, phaseState, PREPARATION_PHASES } from '../../src/shared/preparation';

describe('the default progress plan', () => {
  it('dates every phase from the window, across a month and a year end', () => {
    const phases = defaultPhases('2027-01-04', '2027-01-17');
    expect(phases.map((p) => p.phase)).toEqual([...PREPARATION_PHASES]);
    expect(phases.map((p) => [p.startsOn, p.endsOn])).toEqual([
      ['2026-12-11', '2026-12-11'],
      ['2026-12-12', '2027-01-03'],
      ['2027-01-04', '2027-01-17'],
      ['2027-01-21', '2027-01-21'],
      ['2027-01-22', '2027-01-22'],
      ['2027-01-23', '2027-03-05'],
      ['2027-06-04', '2027-06-04'],
    ]);
  });

  it('says what is going on and what comes next on a given day', () => {
    const phases = defaultPhases('2026-03-02', '2026-03-15');
    expect(phaseState(phases[0]!, '2026-02-06')).toBe('now');
    expect(phaseState(phases[0]!, '2026-02-07')).toBe('done');
    expect(phaseState(phases[2]!, '2026-02-07')).toBe('later');
    const during = currentOrNext(phases, '2026-03-10');
    expect(during.now.map((p) => p.phase)).toEqual(['survey']);
    expect(during.next?.phase).toBe('analysisMeeting');
    const between = currentOrNext(phases, '2026-03-17');
    expect(between.now).toEqual([]);
    expect(between.next?.phase).toBe('analysisMeeting');
    expect(currentOrNext(phases, '2027-01-01')).toEqual({ now: [], next: undefined });
  });
});
