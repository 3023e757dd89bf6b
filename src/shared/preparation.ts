// Owns the round's progress plan (progresjonsplan) as pure rules both sides use: the phases in
// their order, the dates each starts from when nobody has set them (drawn from the round's
// window, after the pattern of a municipality's real plan: training about three and a half weeks
// before the opening, three weeks of anchoring, the analysis meeting four days after the close,
// results the day after, six weeks for the two meetings with the employees, the first review a
// quarter later), and where a phase stands on a given day. The participation goal of the
// leader's nudge lives here too.
import { addDays } from './dates';

export const PREPARATION_PHASES = [
  'leaderTraining',
  'anchoring',
  'survey',
  'analysisMeeting',
  'results',
  'plansAgreed',
  'firstReview',
] as const;
export type PreparationPhase = (typeof PREPARATION_PHASES)[number];

/** Every phase but the survey itself, whose dates are the round's window and change with it. */
export const EDITABLE_PHASES = [
  'leaderTraining',
  'anchoring',
  'analysisMeeting',
  'results',
  'plansAgreed',
  'firstReview',
] as const satisfies readonly Exclude<PreparationPhase, 'survey'>[];
export type EditablePhase = (typeof EDITABLE_PHASES)[number];

export const MAX_PHASE_NOTE_LENGTH = 300;

export interface PhaseDates {
  phase: PreparationPhase;
  startsOn: string;
  endsOn: string;
}

/** The plan a round starts from: every phase dated from the window alone. */
export function defaultPhases(opensOn: string, closesOn: string): PhaseDates[] {
  const day = (phase: PreparationPhase, date: string): PhaseDates => ({
    phase,
    startsOn: date,
    endsOn: date,
  });
  const results = addDays(closesOn, 5);
  const plansDue = addDays(results, 42);
  return [
    day('leaderTraining', addDays(opensOn, -24)),
    { phase: 'anchoring', startsOn: addDays(opensOn, -23), endsOn: addDays(opensOn, -1) },
    { phase: 'survey', startsOn: opensOn, endsOn: closesOn },
    day('analysisMeeting', addDays(closesOn, 4)),
    day('results', results),
    { phase: 'plansAgreed', startsOn: addDays(results, 1), endsOn: plansDue },
    day('firstReview', addDays(plansDue, 91)),
  ];
}

export type PhaseState = 'done' | 'now' | 'later';

export function phaseState(phase: { startsOn: string; endsOn: string }, today: string): PhaseState {
  if (phase.endsOn < today) return 'done';
  return phase.startsOn <= today ? 'now' : 'later';
}

/** The phases going on today, else the next one to start; none once every phase has ended. */
export function currentOrNext<T extends { startsOn: string; endsOn: string }>(
  phases: readonly T[],
  today: string,
): { now: T[]; next: T | undefined } {
  const now = phases.filter((p) => phaseState(p, today) === 'now');
  const later = phases.filter((p) => phaseState(p, today) === 'later');
  const next = [...later].sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  return { now, next };
}

/** The response rate a unit aims for during the window; the nudge names units well below it. */
export const PARTICIPATION_GOAL = 0.7;
/** "Far from the goal": under half of it. */
export const FAR_FROM_GOAL = PARTICIPATION_GOAL / 2;
