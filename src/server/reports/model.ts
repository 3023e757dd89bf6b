// What the report computation reads: the aggregate counts of one round, as loaded from the
// database (./round-data.ts), and nothing else — no answer rows. The pure functions in
// ./analyse.ts, ./suppression.ts and ./figures.ts turn this into figures.
import type { FactorId } from '../../shared/factors';
import type { Questionnaire } from '../../shared/questionnaire/types';
import type { FrameSettings } from '../repositories/round-frames';

/** Counts of one statement: index 0 = left unanswered, 1..5 = that answer. Always length 6. */
export type ValueCounts = readonly number[];

/** Counts of a group: how many responses, and per statement id its value counts. */
export interface GroupCounts {
  responses: number;
  statements: Readonly<Record<string, ValueCounts>>;
}

/** A unit of the round's tree with the counts of answers stored on the unit itself (not below it). */
export interface UnitNode {
  id: string;
  /** null for the round's own unit (the root), even when it has a parent outside the round. */
  parentId: string | null;
  name: string;
  unitType: string | null;
  own: GroupCounts;
}

/** The counts of one background group of the whole round (only kept for the whole round). */
export interface BackgroundGroupCounts {
  questionId: string;
  /** An option value or DECLINED. */
  value: string;
  counts: GroupCounts;
}

/** How many of a unit's own responses gave one background profile (migration 010). */
export interface BackgroundProfileCounts {
  unitId: string;
  /** Every background question of the version: its option value or DECLINED. */
  answers: Readonly<Record<string, string>>;
  responses: number;
}

export interface RoundData {
  roundId: string;
  municipalityId: string;
  rootUnitId: string;
  threshold: number;
  questionnaire: Questionnaire;
  /** Every unit of the round's tree (root included), with zero counts where nobody answered. */
  units: readonly UnitNode[];
  /** Empty when the round asked no background questions. */
  background: readonly BackgroundGroupCounts[];
  /**
   * The round is for the whole municipality (its unit has no parent): only then are background
   * figures shown, as respondents are promised.
   */
  frameIsMunicipality: boolean;
  /** Per unit of the tree, its responses by background profile: what the cross check needs. */
  backgroundProfiles: readonly BackgroundProfileCounts[];
}

/** Who counts as invited in a unit (rounds/progress.ts invitedIn), as the frame froze it. */
export interface UnitStaffing {
  employeeCount: number | null;
  openKiosk: boolean;
}

/**
 * A round as ./round-data.ts loads it: also the report settings and each unit's staffing of its
 * frame, as they were when the round opened (a draft's: as they are now).
 */
export interface LoadedRoundData extends RoundData {
  settings: FrameSettings;
  staffing: ReadonlyMap<string, UnitStaffing>;
  /** The round's totals as read (./count-cache.ts fingerprints): what cached results are keyed on. */
  countsFingerprint: string;
}

/** The statement ids of each factor in the questionnaire. */
export type FactorStatements = Readonly<Record<FactorId, readonly string[]>>;
