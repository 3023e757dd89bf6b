import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../../src/server/rounds/defaults';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default-v1';
import {
  defaultClosesOn,
  DEFAULT_GRACE_DAYS,
  DEFAULT_OPEN_ANSWER_THRESHOLD,
  DEFAULT_THRESHOLD,
} from '../../../src/shared/rounds';

const context = { municipalityId: 'm1', language: 'nn' as const, today: '2026-03-10' };

describe('round defaults', () => {
  it('runs two weeks counting both the first and the last day', () => {
    expect(defaultClosesOn('2026-03-10')).toBe('2026-03-23');
    expect(defaultClosesOn('2026-12-25')).toBe('2027-01-07');
  });

  it('fills every missing field: today, two weeks, the shared threshold and grace days, background on', () => {
    expect(withDefaults({ name: ' Høst ', unitId: 'u' }, context)).toEqual({
      municipalityId: 'm1',
      name: 'Høst',
      names: {},
      unitId: 'u',
      opensOn: '2026-03-10',
      closesOn: '2026-03-23',
      defaultLanguage: 'nn',
      threshold: DEFAULT_THRESHOLD,
      openQuestionEnabled: false,
      backgroundEnabled: true,
      openAnswerThreshold: DEFAULT_OPEN_ANSWER_THRESHOLD,
      graceDays: DEFAULT_GRACE_DAYS,
      questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
      createdOn: '2026-03-10',
    });
    expect(DEFAULT_THRESHOLD).toBe(5);
    expect(DEFAULT_GRACE_DAYS).toBe(7);
    expect(DEFAULT_OPEN_ANSWER_THRESHOLD).toBe(10);
  });

  it('keeps open answers at the threshold when a round asks for one above the default', () => {
    expect(withDefaults({ name: 'R', unitId: 'u', threshold: 12 }, context).openAnswerThreshold).toBe(12);
    expect(withDefaults({ name: 'R', unitId: 'u', threshold: 3 }, context).openAnswerThreshold).toBe(10);
    expect(
      withDefaults({ name: 'R', unitId: 'u', threshold: 3, openAnswerThreshold: 4 }, context)
        .openAnswerThreshold,
    ).toBe(4);
  });

  it('counts the default length from a given first day and keeps what the admin chose', () => {
    const chosen = {
      opensOn: '2026-04-01',
      threshold: 3,
      openQuestionEnabled: true,
      backgroundEnabled: false,
      graceDays: 0,
      defaultLanguage: 'en',
      questionnaireVersion: 'v9',
    } as const;
    expect(withDefaults({ name: 'R', unitId: 'u', ...chosen }, context)).toEqual({
      ...chosen,
      openAnswerThreshold: DEFAULT_OPEN_ANSWER_THRESHOLD,
      municipalityId: 'm1',
      name: 'R',
      names: {},
      unitId: 'u',
      closesOn: '2026-04-14',
      createdOn: '2026-03-10',
    });
    expect(withDefaults({ name: 'R', unitId: 'u', closesOn: '2026-03-12' }, context).closesOn).toBe(
      '2026-03-12',
    );
  });
});
