// The analysis and follow-up meetings run with IGP(I) (issue 13; ../shared/docs/domain.md,
// "IGP(I)" and "After the report"): the templates and their steps, the phases with the method's
// default minutes, the random rules that hand out the group roles, and the limits every phone
// lives under. Pure data: the server (src/server/meetings/) enforces it, the client shows it.
import type { FactorId } from './factors';

export const MEETING_TEMPLATES = ['analysis', 'measures', 'review'] as const;
export type MeetingTemplate = (typeof MEETING_TEMPLATES)[number];

/**
 * The kinds of step a meeting goes through. intro: the ten factors; results: the unit's figures
 * (the report's, with its suppression), one factor at a time on the screen; igp: an IGP(I) round
 * with phases (strengths, a candidate factor, or measures for a chosen factor); vote: dots on
 * options; choose: the focus factors (keep one, improve one) written into the draft plan;
 * measures: the chosen measures with owner and deadline written into the plan; reviewItem: one
 * measure of the plan (keep, adjust, drop), written as a review; summary: the leader approves it,
 * then the contributions are deleted.
 */
export const MEETING_STEP_KINDS = [
  'intro',
  'results',
  'igp',
  'vote',
  'choose',
  'measures',
  'reviewItem',
  'summary',
] as const;
export type MeetingStepKind = (typeof MEETING_STEP_KINDS)[number];

/** What an IGP round asks: the strengths ("Hva er styrkene våre?"), a factor, or measures for a factor. */
export const IGP_PROMPTS = ['strengths', 'factor', 'measures'] as const;
export type IgpPrompt = (typeof IGP_PROMPTS)[number];

/** The steps of each template, before the server fills in factors and measures. */
export const TEMPLATE_OUTLINE: Readonly<Record<MeetingTemplate, readonly string[]>> = {
  analysis: ['intro', 'results', 'igp:strengths', 'igp:factor (per candidate)', 'vote', 'choose', 'summary'],
  measures: ['igp:measures (per focus factor)', 'vote (per focus factor)', 'measures', 'summary'],
  review: ['reviewItem (per open measure)', 'summary'],
};

export const IGP_PHASES = ['individual', 'group', 'plenum', 'individualAfter'] as const;
export type IgpPhase = (typeof IGP_PHASES)[number];

/** The method's default minutes per phase; the leader pauses and extends. */
export const IGP_DEFAULT_MINUTES: Readonly<Record<IgpPhase, number>> = {
  individual: 5,
  group: 35,
  plenum: 5,
  individualAfter: 5,
};
/** Phones write contributions in these phases only (the group device also in `group`). */
export const WRITING_PHASES: readonly IgpPhase[] = ['individual', 'individualAfter'];
/** One extension adds at most this much; a phase never lasts longer than MAX_PHASE_MINUTES. */
export const MAX_EXTEND_MINUTES = 15;
export const MAX_PHASE_MINUTES = 90;

/** The group roles (plenumsleder is the leader's own, not drawn). */
export const GROUP_ROLES = ['chairTimekeeper', 'peakWatcher', 'secretary'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export const LEADER_ROLE = 'plenumLeader' as const;

/** The random rules that say who in a group takes a role; the server draws them with crypto. */
export const ROLE_RULES = [
  'longestServing',
  'shortestServing',
  'shortestFirstName',
  'longestFirstName',
  'nextBirthday',
  'closestToDoor',
  'warmestHands',
] as const;
export type RoleRule = (typeof ROLE_RULES)[number];

export const MIN_GROUPS = 1;
export const MAX_GROUPS = 12;

/** Limits per phone (participant) and per meeting. */
export const MEETING_LIMITS = {
  /** Contributions one phone may send in one phase of one step. */
  contributionsPerPhonePerPhase: 8,
  /** The shared tablet of a group in one-device mode writes for the whole group. */
  contributionsPerGroupDevicePerPhase: 60,
  /** Characters in one contribution. */
  contributionLength: 280,
  /** Contributions one phone may send in a minute (any phase). */
  contributionsPerMinute: 12,
  /** Dots each phone places in one vote; placed dots are final, like on paper. */
  dotsPerPhone: 3,
  /** A meeting and its code expire this long after it was created, or when it is closed. */
  meetingHours: 12,
  /** Failed code guesses per client address and hour, then 429 RATE_LIMITED. */
  codeGuessesPerHour: 20,
  /** Unapproved meetings' contributions are deleted this many days after the meeting expired. */
  retentionDays: 14,
  /** Meeting code: characters, from CODE_ALPHABET (no 0/O, 1/I/L). 31^8 ≈ 8.5e11. */
  codeLength: 8,
  candidateFactorsMax: 10,
  summaryLength: 4000,
} as const;
export const MEETING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** KS's default outcome of meeting 1: one factor to keep up, one to improve. */
export interface FocusChoice {
  keep: FactorId;
  improve: FactorId;
}

export const MEETING_STATES = ['open', 'closed'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
