// What stored responses add to the background profiles (ingest/aggregate.ts, migration 010): per
// unit, one count per response that answered the background part, keyed by every question of its
// version with the option or "declined", in the same canonical form the migration backfills.
import { describe, expect, it } from 'vitest';
import { aggregateDeltas, backgroundProfile } from '../../../src/server/ingest/aggregate';
import type { NewResponse } from '../../../src/server/ingest/types';

const response = (id: string, unitId: string, background: Record<string, string>): NewResponse => ({
  id,
  roundId: 'r',
  unitId,
  questionnaireVersion: 'v',
  answeredOn: '2026-03-02',
  answers: { s1: 4 },
  background,
  openText: null,
});

describe('background profiles', () => {
  it('counts each response once under its unit, every question named, keys sorted', () => {
    const deltas = aggregateDeltas(
      [
        response('a', 'u1', { gender: 'female' }),
        response('b', 'u1', { ageGroup: 'under-30', gender: 'female' }),
        response('c', 'u1', { gender: 'female' }),
        response('d', 'u2', { gender: 'female' }),
        response('e', 'u2', {}),
      ],
      new Map([['v', ['gender', 'ageGroup']]]),
    );
    expect(deltas.backgroundProfiles).toEqual([
      { roundId: 'r', unitId: 'u1', profile: '{"ageGroup":"declined","gender":"female"}', responses: 2 },
      { roundId: 'r', unitId: 'u1', profile: '{"ageGroup":"under-30","gender":"female"}', responses: 1 },
      { roundId: 'r', unitId: 'u2', profile: '{"ageGroup":"declined","gender":"female"}', responses: 1 },
    ]);
    // The profiles add up to each question's groups.
    const female = deltas.backgroundTotals.find(
      (t) => t.questionId === 'gender' && t.optionValue === 'female',
    );
    expect(female?.responses).toBe(4);
  });

  it('is the same string whatever order the answers come in', () => {
    expect(backgroundProfile(['gender', 'ageGroup'], { gender: 'male', ageGroup: '30-plus' })).toBe(
      backgroundProfile(['ageGroup', 'gender'], { ageGroup: '30-plus', gender: 'male' }),
    );
  });
});
