// Owns what an admin may change in a round in each state, and the date rules every edit and new
// round must keep. Pure: references (unit, questionnaire) are checked by the caller against the
// database, between the lock check and the date checks, so the first problem found is reported.
import type { UpdateRoundRequest } from '../../shared/api/organisation';
import { isIsoDate } from '../../shared/dates';
import { cleanRoundNames } from '../../shared/rounds';
import { ApiError } from '../api-error';
import type { RoundStatus } from '../db/tables/rounds';
import type { RoundChanges, RoundRecord } from '../repositories/rounds';

export type RoundField = keyof UpdateRoundRequest;

/**
 * What may still change in each state (see UpdateRoundRequestSchema). Once open, the questions,
 * the units and the first day are what respondents have already seen, and what a report may show
 * is frozen with the round's frame (threshold, open-answer threshold, open question, background):
 * reading a report at two thresholds, or before and after such a change, would let the difference
 * give a hidden group away (issue 11). Only the name and the grace days stay editable, and the last
 * day while open.
 */
export const EDITABLE: Record<RoundStatus, readonly RoundField[] | 'all'> = {
  draft: 'all',
  open: ['name', 'names', 'closesOn', 'graceDays'],
  closed: ['name', 'names', 'graceDays'],
  published: ['name', 'names', 'graceDays'],
};

/** The fields of the request that the round's state no longer lets change. */
export function lockedFields(status: RoundStatus, fields: readonly string[]): string[] {
  const editable = EDITABLE[status];
  return editable === 'all' ? [] : fields.filter((f) => !editable.includes(f as RoundField));
}

/** 409 ROUND_LOCKED naming the fields, when any is locked. */
export function assertEditable(status: RoundStatus, request: UpdateRoundRequest): void {
  const locked = lockedFields(status, Object.keys(request));
  if (locked.length > 0) {
    throw new ApiError('ROUND_LOCKED', `${locked.join(', ')} cannot change once the round is ${status}`);
  }
}

/** The request as the changes to write: the name without surrounding spaces. */
export function toChanges(request: UpdateRoundRequest): RoundChanges {
  return {
    ...request,
    ...(request.name && { name: request.name.trim() }),
    ...(request.names && { names: cleanRoundNames(request.names) }),
  };
}

/**
 * The open-answer threshold the round will have: as asked, or left out following a threshold that
 * rises above it. 400 OPEN_ANSWER_THRESHOLD_TOO_LOW when asked for below the round's threshold.
 */
export function openAnswerThresholdChange(
  round: Pick<RoundRecord, 'threshold'> & { openAnswerThreshold: number },
  changes: Pick<RoundChanges, 'threshold' | 'openAnswerThreshold'>,
): number | undefined {
  const threshold = changes.threshold ?? round.threshold;
  if (changes.openAnswerThreshold !== undefined) {
    assertOpenAnswerThreshold({ threshold, openAnswerThreshold: changes.openAnswerThreshold });
    return changes.openAnswerThreshold;
  }
  return threshold > round.openAnswerThreshold ? threshold : undefined;
}

/** 400 OPEN_ANSWER_THRESHOLD_TOO_LOW when open answers would be shown for a smaller group than figures. */
export function assertOpenAnswerThreshold(round: { threshold: number; openAnswerThreshold: number }): void {
  if (round.openAnswerThreshold < round.threshold) {
    throw new ApiError(
      'OPEN_ANSWER_THRESHOLD_TOO_LOW',
      `The threshold for open answers (${round.openAnswerThreshold}) cannot be below the threshold (${round.threshold})`,
    );
  }
}

const invalidDate = (message: string) => new ApiError('INVALID_DATE', message);

/** 400 INVALID_DATE unless both days are dates and the round closes on or after it opens. */
export function assertDates(round: Pick<RoundRecord, 'opensOn' | 'closesOn'>): void {
  for (const date of [round.opensOn, round.closesOn])
    if (!isIsoDate(date)) throw invalidDate(`${date} is not a date`);
  if (round.closesOn < round.opensOn) throw invalidDate('The round must close on or after the day it opens');
}

/** An open round may be extended or shortened, but not to a last day that has already passed. */
export function assertCloseNotPast(status: RoundStatus, changes: RoundChanges, today: string): void {
  if (status === 'open' && changes.closesOn !== undefined && changes.closesOn < today) {
    throw invalidDate('An open round cannot be made to close before today');
  }
}
