import { describe, expect, it } from 'vitest';
import { FACTOR_IDS } from '../../../src/shared/factors';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default-v1';
import type { Questionnaire } from '../../../src/shared/questionnaire/types';
import {
  addCounts,
  answeredCount,
  emptyCounts,
  factorFigure,
  factorStatements,
  roundTo,
} from '../../../src/server/reports/figures';
import type { GroupCounts } from '../../../src/server/reports/model';

// Value counts are [unanswered, 1, 2, 3, 4, 5].
const group: GroupCounts = {
  responses: 6,
  statements: {
    // 5 answered (one left it): sum 2 + 3 + 2·4 + 5 = 18, mean 3.6; shares of 1..5: 0, .2, .2, .4, .2
    a1: [1, 0, 1, 1, 2, 1],
    // 4 answered (two left it): sum 1 + 3·5 = 16, mean 4.0; shares 0.25, 0, 0, 0, 0.75
    a2: [2, 1, 0, 0, 0, 3],
    // nobody answered: left out of the average and the distribution
    a3: [6, 0, 0, 0, 0, 0],
    // 3 answered: 3 + 4 + 5 = 12, mean 4; shares 0, 0, 1/3, 1/3, 1/3
    b1: [3, 0, 0, 1, 1, 1],
    // 3 answered: 2 + 2·4 = 10, mean 10/3 = 3.333…; shares 0, 1/3, 0, 2/3, 0
    b2: [3, 0, 1, 0, 2, 0],
  },
};

describe('factorFigure', () => {
  it('averages the statement means, leaving out unanswered answers and unanswered statements', () => {
    // average (3.6 + 4.0) / 2 = 3.8; answers 5 + 4 = 9;
    // distribution ((0 + .25) / 2, (.2 + 0) / 2, (.2 + 0) / 2, (.4 + 0) / 2, (.2 + .75) / 2)
    expect(factorFigure(group, ['a1', 'a2', 'a3'])).toEqual({
      average: 3.8,
      answers: 9,
      distribution: [0.125, 0.1, 0.1, 0.2, 0.475],
    });
  });

  it('weighs each statement the same and rounds to the precision shown: one decimal, shares to 0.1 %', () => {
    // average (4 + 3.333…) / 2 = 3.6666… → 3.7; answers 6;
    // distribution (0, 1/6, 1/6, 1/2, 1/6) → 0, 0.167, 0.167, 0.5, 0.167
    expect(factorFigure(group, ['b1', 'b2'])).toEqual({
      average: 3.7,
      answers: 6,
      distribution: [0, 0.167, 0.167, 0.5, 0.167],
    });
  });

  it('is null when nobody answered any of the statements, or the factor has none', () => {
    expect(factorFigure(group, ['a3'])).toBeNull();
    expect(factorFigure(group, ['not-in-the-counts'])).toBeNull();
    expect(factorFigure(group, [])).toBeNull();
  });

  it('treats a statement missing from the counts as unanswered', () => {
    expect(factorFigure(group, ['a1', 'missing'])).toEqual(factorFigure(group, ['a1']));
    expect(factorFigure(group, ['a1'])?.average).toBe(3.6);
  });
});

describe('roundTo', () => {
  it('rounds true halves up even where floating point stores them just below', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(0.16665, 4)).toBe(0.1667);
    expect(roundTo(3.8049, 2)).toBe(3.8);
  });
});

describe('counts', () => {
  it('adds statement by statement, with a statement missing on one side counted as zeros', () => {
    const other: GroupCounts = {
      responses: 2,
      statements: { a1: [0, 1, 0, 0, 0, 1], c1: [0, 0, 2, 0, 0, 0] },
    };
    const sum = addCounts(group, other);
    expect(sum.responses).toBe(8);
    expect(sum.statements.a1).toEqual([1, 1, 1, 1, 2, 2]);
    expect(sum.statements.a2).toEqual([2, 1, 0, 0, 0, 3]);
    expect(sum.statements.c1).toEqual([0, 0, 2, 0, 0, 0]);
    // Neither input is changed.
    expect(group.statements.a1).toEqual([1, 0, 1, 1, 2, 1]);
    expect(group.statements.c1).toBeUndefined();
  });

  it('starts from zeros for every statement asked for', () => {
    const empty = emptyCounts(['a1', 'a2']);
    expect(empty).toEqual({ responses: 0, statements: { a1: [0, 0, 0, 0, 0, 0], a2: [0, 0, 0, 0, 0, 0] } });
    expect(addCounts(empty, group)).toEqual(addCounts(group, emptyCounts([])));
    expect(addCounts(empty, group).statements.a1).toEqual(group.statements.a1);
  });

  it('counts answers 1..5 only', () => {
    expect(answeredCount(group, 'a1')).toBe(5);
    expect(answeredCount(group, 'a3')).toBe(0);
    expect(answeredCount(group, 'missing')).toBe(0);
  });
});

describe('factorStatements', () => {
  it('lists every statement of the default questionnaire under its factor, in questionnaire order', () => {
    const byFactor = factorStatements(DEFAULT_QUESTIONNAIRE);
    expect(Object.keys(byFactor).sort()).toEqual([...FACTOR_IDS].sort());
    expect(Object.values(byFactor).flat()).toHaveLength(36);
    expect(byFactor['mestringsorientert-ledelse']).toHaveLength(5);
    for (const ids of Object.values(byFactor)) {
      const orders = ids.map((id) => DEFAULT_QUESTIONNAIRE.statements.find((s) => s.id === id)?.order ?? 0);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    }
  });

  it('orders by the order field, not the array, and gives a factor without statements none', () => {
    const text = { nb: '', nn: '', en: '' };
    const questionnaire: Questionnaire = {
      ...DEFAULT_QUESTIONNAIRE,
      statements: [
        { id: 'late', factor: 'autonomi', order: 2, text },
        { id: 'early', factor: 'autonomi', order: 1, text },
      ],
    };
    const byFactor = factorStatements(questionnaire);
    expect(byFactor.autonomi).toEqual(['early', 'late']);
    expect(byFactor.mestringsklima).toEqual([]);
  });
});
