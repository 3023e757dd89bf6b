import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/server/api-error';
import {
  assertCloseNotPast,
  assertDates,
  assertEditable,
  lockedFields,
  openAnswerThresholdChange,
  toChanges,
} from '../../../src/server/rounds/edit-rules';

const ALL = [
  'name',
  'unitId',
  'opensOn',
  'closesOn',
  'threshold',
  'openQuestionEnabled',
  'backgroundEnabled',
  'openAnswerThreshold',
  'graceDays',
  'defaultLanguage',
  'questionnaireVersion',
];

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
}

describe('round edit rules', () => {
  it('lets a draft change anything', () => {
    expect(lockedFields('draft', ALL)).toEqual([]);
  });

  // Issue 11: what a report may show (threshold, open-answer threshold, open question,
  // background) is frozen when the round opens; it used to be that the threshold stayed editable.
  it('lets an open round change only its name, last day and grace days', () => {
    expect(ALL.filter((f) => !lockedFields('open', ALL).includes(f))).toEqual([
      'name',
      'closesOn',
      'graceDays',
    ]);
  });

  it('lets a closed or published round change only its name and grace days', () => {
    for (const status of ['closed', 'published'] as const) {
      expect(ALL.filter((f) => !lockedFields(status, ALL).includes(f))).toEqual(['name', 'graceDays']);
    }
  });

  it('keeps the open-answer threshold at or above the threshold', () => {
    const round = { threshold: 5, openAnswerThreshold: 10 };
    expect(openAnswerThresholdChange(round, { threshold: 12 })).toBe(12);
    expect(openAnswerThresholdChange(round, { threshold: 8 })).toBeUndefined();
    expect(openAnswerThresholdChange(round, { openAnswerThreshold: 6 })).toBe(6);
    expect(codeOf(() => openAnswerThresholdChange(round, { openAnswerThreshold: 4 }))).toBe(
      'OPEN_ANSWER_THRESHOLD_TOO_LOW',
    );
    expect(codeOf(() => openAnswerThresholdChange(round, { threshold: 9, openAnswerThreshold: 8 }))).toBe(
      'OPEN_ANSWER_THRESHOLD_TOO_LOW',
    );
  });

  it('refuses a locked field with ROUND_LOCKED naming every locked field', () => {
    expect(() => assertEditable('open', { name: 'x', unitId: 'u', opensOn: '2026-03-01' })).toThrow(
      'unitId, opensOn cannot change once the round is open',
    );
    expect(codeOf(() => assertEditable('closed', { closesOn: '2026-03-30' }))).toBe('ROUND_LOCKED');
    expect(codeOf(() => assertEditable('published', { threshold: 7 }))).toBe('ROUND_LOCKED');
    expect(codeOf(() => assertEditable('open', { openAnswerThreshold: 12 }))).toBe('ROUND_LOCKED');
    expect(codeOf(() => assertEditable('published', { graceDays: 3 }))).toBeUndefined();
  });

  it('trims the name of an edit and passes the other fields as they are', () => {
    expect(toChanges({ name: '  Vår 2026 ', graceDays: 3 })).toEqual({ name: 'Vår 2026', graceDays: 3 });
    expect(toChanges({ threshold: 4 })).toEqual({ threshold: 4 });
  });

  it('wants real dates and a last day on or after the first', () => {
    expect(codeOf(() => assertDates({ opensOn: '2026-03-10', closesOn: '2026-03-10' }))).toBeUndefined();
    expect(codeOf(() => assertDates({ opensOn: '2026-03-10', closesOn: '2026-03-09' }))).toBe('INVALID_DATE');
    expect(codeOf(() => assertDates({ opensOn: '2026-02-30', closesOn: '2026-03-09' }))).toBe('INVALID_DATE');
  });

  it('does not let an open round be shortened to a last day already past', () => {
    expect(codeOf(() => assertCloseNotPast('open', { closesOn: '2026-03-09' }, '2026-03-10'))).toBe(
      'INVALID_DATE',
    );
    expect(
      codeOf(() => assertCloseNotPast('open', { closesOn: '2026-03-10' }, '2026-03-10')),
    ).toBeUndefined();
    // A draft has not started: its dates are checked against each other only.
    expect(
      codeOf(() => assertCloseNotPast('draft', { closesOn: '2026-03-01' }, '2026-03-10')),
    ).toBeUndefined();
  });
});
