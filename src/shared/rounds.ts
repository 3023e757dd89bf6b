// Owns the numbers a new survey round starts from and the floor the anonymity rule never goes
// below. The server applies them, the staff form shows them, the reports enforce the floor.
import { addDays } from './dates';
import type { Language } from './languages';

/** A group with fewer answers than this shows no figures (KS's usual rule). */
export const DEFAULT_THRESHOLD = 5;
/** No round may set its threshold lower: below three, a figure is close to one person's answer. */
export const MIN_THRESHOLD = 3;
export const MAX_THRESHOLD = 1000;
/** Open answers are listed only for a group of at least this many (and never below the threshold). */
export const DEFAULT_OPEN_ANSWER_THRESHOLD = 10;
/** Extra days after the close in which answers collected offline by then still sync. */
export const DEFAULT_GRACE_DAYS = 7;
export const MAX_GRACE_DAYS = 60;
/** A round runs two weeks by default: this many days, the opening and the closing day included. */
export const DEFAULT_ROUND_LENGTH_DAYS = 14;

/** A new round's settings where the admin leaves them out: the staff form starts from these. */
export const DEFAULT_ROUND_SETTINGS = {
  threshold: DEFAULT_THRESHOLD,
  /** Off: free text invites answers that name someone. */
  openQuestionEnabled: false,
  backgroundEnabled: true,
  openAnswerThreshold: DEFAULT_OPEN_ANSWER_THRESHOLD,
  graceDays: DEFAULT_GRACE_DAYS,
} as const;

/** The open-answer threshold of a round that did not choose one: the default, or its threshold if higher. */
export function openAnswerThresholdFor(threshold: number): number {
  return Math.max(DEFAULT_OPEN_ANSWER_THRESHOLD, threshold);
}

/**
 * The last day of a round of the default length. Both ends are answering days, so a two-week round
 * that opens on a Tuesday closes on the Monday thirteen days later.
 */
export function defaultClosesOn(opensOn: string): string {
  return addDays(opensOn, DEFAULT_ROUND_LENGTH_DAYS - 1);
}

/** A round's name in other languages than its default one: a key per language, each optional. */
export type RoundNames = Partial<Record<Language, string>>;

/** The round's name for a reader of `language`: its own name in that language, else the default name. */
export function roundName(
  round: { name: string; names?: RoundNames | undefined },
  language: Language,
): string {
  return round.names?.[language] ?? round.name;
}

/** The names as they are kept: trimmed, and a blank one left out (it means "use the round's name"). */
export function cleanRoundNames(
  names: Partial<Record<Language, string | undefined>> | undefined,
): RoundNames {
  const out: RoundNames = {};
  for (const [language, name] of Object.entries(names ?? {}) as [Language, string | undefined][]) {
    const trimmed = name?.trim();
    if (trimmed) out[language] = trimmed;
  }
  return out;
}
