// Owns a round's life: draft → open → closed → published, nothing else, and what each state allows.
// Pure: the caller loads the round and writes the result (guarded by the state it read, so a lost
// race changes nothing).
import { ROUND_TRANSITIONS, type RoundTransition } from '../../shared/api/organisation';
import { ApiError } from '../api-error';
import type { RoundStatus } from '../db/tables/rounds';
import type { RoundChanges, RoundRecord } from '../repositories/rounds';

/** The state each transition leads to (the state it starts from is ROUND_TRANSITIONS). */
export const TRANSITION_TARGET = {
  open: 'open',
  close: 'closed',
  publish: 'published',
} as const satisfies Record<RoundTransition, RoundStatus>;

export const TRANSITIONS = Object.keys(ROUND_TRANSITIONS) as RoundTransition[];

export interface TransitionPlan {
  from: RoundStatus;
  to: RoundStatus;
  changes: RoundChanges;
}

/** What the transition writes, or 409 INVALID_TRANSITION when the round cannot take it today. */
export function planTransition(
  round: Pick<RoundRecord, 'status' | 'opensOn' | 'closesOn'>,
  transition: RoundTransition,
  today: string,
): TransitionPlan {
  const from = ROUND_TRANSITIONS[transition];
  const to = TRANSITION_TARGET[transition];
  if (round.status !== from) {
    throw new ApiError(
      'INVALID_TRANSITION',
      `Only a ${from} round can be ${to}; this one is ${round.status}`,
    );
  }
  // Opening a round whose last day has passed would open it for nobody: every answer is too late.
  if (transition === 'open' && round.closesOn < today) {
    throw new ApiError(
      'INVALID_TRANSITION',
      `The round's period ended on ${round.closesOn}; change closesOn first`,
    );
  }
  const changes: RoundChanges = {};
  // Closing early makes today the last day: answers made up to today (on a kiosk offline, say)
  // still sync within the grace days; later ones are refused.
  if (transition === 'close' && round.opensOn <= today && today < round.closesOn) changes.closesOn = today;
  // The answer rows are kept answerRetentionMonths from this day (../retention/).
  if (transition === 'publish') changes.publishedOn = today;
  return { from, to, changes };
}

/** Codes and kiosk enrolments can still be made for a round that has not ended. */
export function takesNewCodesAndKiosks(status: RoundStatus): boolean {
  return status === 'draft' || status === 'open';
}

/** A device may start answering today: the round is open and today is one of its days. */
export function isAnsweringDay(round: Pick<RoundRecord, 'status' | 'opensOn' | 'closesOn'>, today: string) {
  return round.status === 'open' && round.opensOn <= today && today <= round.closesOn;
}

/** The device contract knows no 'published': for a kiosk it means the same as closed. */
export function deviceStatus(status: RoundStatus): Exclude<RoundStatus, 'published'> {
  return status === 'published' ? 'closed' : status;
}
