// What the report computation reads: the aggregate counts of one round, as loaded from the
// database (./round-data.ts), and nothing else — no answer rows. The pure functions in
// ./analyse.ts, ./suppression.ts and ./figures.ts turn this into figures.
import type { FactorId } from '../../shared/factors';
import type { Questionnaire } from '../../shared/questionnaire/types';

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
}

/** The statement ids of each factor in the questionnaire. */
export type FactorStatements = Readonly<Record<FactorId, readonly string[]>>;
