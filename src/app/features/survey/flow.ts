// Where each step of the flow leads, from what the round asks for. Pure: tested on its own.
import type { CurrentRoundResponse } from '../../../shared/api/respondent';
import { PATHS } from './paths';

export function sortedStatements(data: CurrentRoundResponse) {
  return [...data.questionnaire.statements].sort((a, b) => a.order - b.order);
}

/** The screen after the last statement. */
export function afterStatements(data: CurrentRoundResponse): string {
  if (data.round.backgroundEnabled) return PATHS.background;
  return afterBackground(data);
}

export function afterBackground(data: CurrentRoundResponse): string {
  return data.round.openQuestionEnabled ? PATHS.open : PATHS.review;
}

/** The screen before the review. */
export function beforeReview(data: CurrentRoundResponse): string {
  if (data.round.openQuestionEnabled) return PATHS.open;
  if (data.round.backgroundEnabled) return PATHS.background;
  return PATHS.statement(data.questionnaire.statements.length);
}

export function beforeOpen(data: CurrentRoundResponse): string {
  return data.round.backgroundEnabled
    ? PATHS.background
    : PATHS.statement(data.questionnaire.statements.length);
}

/** The first statement without an answer (1-based), or undefined when all are answered. */
export function firstUnanswered(
  data: CurrentRoundResponse,
  answers: Record<string, number | null>,
): number | undefined {
  const index = sortedStatements(data).findIndex((s) => answers[s.id] == null);
  return index === -1 ? undefined : index + 1;
}
