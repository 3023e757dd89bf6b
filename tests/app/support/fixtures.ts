// A round as the server serves it, with the product's real questionnaire.
import type { CurrentRoundResponse } from '../../../src/shared/api/respondent';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default-v1';

export function roundFixture(overrides: Partial<CurrentRoundResponse['round']> = {}): CurrentRoundResponse {
  return {
    round: {
      id: 'round-1',
      name: 'Medarbeiderundersøkelsen 2026',
      opensOn: '2026-11-20',
      closesOn: '2026-12-04',
      status: 'open',
      defaultLanguage: 'nb',
      threshold: 5,
      openQuestionEnabled: true,
      backgroundEnabled: true,
      questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
      unit: { id: 'unit-avd-2', name: 'Avdeling 2' },
      ...overrides,
    },
    questionnaire: DEFAULT_QUESTIONNAIRE,
  };
}
