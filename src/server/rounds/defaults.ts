// Owns what a new round starts from when the admin leaves a field out. The numbers themselves are in
// src/shared/rounds.ts, so the staff form shows the same ones the server applies.
import type { CreateRoundRequest } from '../../shared/api/organisation';
import type { Language } from '../../shared/languages';
import { DEFAULT_QUESTIONNAIRE } from '../../shared/questionnaire/default-v1';
import {
  cleanRoundNames,
  defaultClosesOn,
  DEFAULT_ROUND_SETTINGS,
  openAnswerThresholdFor,
} from '../../shared/rounds';
import type { RoundRecord, StoredRound } from '../repositories/rounds';

/**
 * What a round has where nobody said otherwise: what the server fills in for the admin, and what the
 * demo seeds, the test fixtures and the benchmark start from (they spread it and override the rest).
 */
export const ROUND_DEFAULTS = {
  ...DEFAULT_ROUND_SETTINGS,
  questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
} satisfies Partial<RoundRecord>;

export type NewRound = Omit<StoredRound, 'id' | 'status' | 'publishedOn' | 'answersDeletedOn'>;

/** The open-answer threshold of a new round: as asked, else the default or the threshold if higher. */
function openAnswerThresholdOf(request: CreateRoundRequest, threshold: number): number {
  return request.openAnswerThreshold ?? openAnswerThresholdFor(threshold);
}

/** The round as it will be written: the request with every missing field filled in. */
export function withDefaults(
  request: CreateRoundRequest,
  context: { municipalityId: string; language: Language; today: string },
): NewRound {
  const opensOn = request.opensOn ?? context.today;
  const threshold = request.threshold ?? ROUND_DEFAULTS.threshold;
  return {
    municipalityId: context.municipalityId,
    name: request.name.trim(),
    names: cleanRoundNames(request.names),
    unitId: request.unitId,
    opensOn,
    closesOn: request.closesOn ?? defaultClosesOn(opensOn),
    defaultLanguage: request.defaultLanguage ?? context.language,
    threshold,
    openAnswerThreshold: openAnswerThresholdOf(request, threshold),
    openQuestionEnabled: request.openQuestionEnabled ?? ROUND_DEFAULTS.openQuestionEnabled,
    backgroundEnabled: request.backgroundEnabled ?? ROUND_DEFAULTS.backgroundEnabled,
    graceDays: request.graceDays ?? ROUND_DEFAULTS.graceDays,
    questionnaireVersion: request.questionnaireVersion ?? ROUND_DEFAULTS.questionnaireVersion,
    createdOn: context.today,
  };
}
