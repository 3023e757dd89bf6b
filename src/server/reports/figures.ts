// Owns the arithmetic of one group's figures: summing aggregate counts and turning them into a
// factor's average, answer count and answer distribution. Pure, and blind to anonymity: whether a
// figure may be shown is decided in ./suppression.ts and ./analyse.ts, never here.
import { FACTOR_IDS, type FactorId } from '../../shared/factors';
import type { FactorFigure } from '../../shared/api/reports';
import type { Questionnaire } from '../../shared/questionnaire/types';
import type { FactorStatements, GroupCounts, ValueCounts } from './model';

/** Index 0 counts "left unanswered"; 1..5 the Likert answers. */
const VALUE_SLOTS = 6;
const ZERO_VALUES: ValueCounts = Object.freeze(new Array<number>(VALUE_SLOTS).fill(0));

export function emptyCounts(statementIds: readonly string[]): GroupCounts {
  const statements: Record<string, ValueCounts> = {};
  for (const id of statementIds) statements[id] = ZERO_VALUES;
  return { responses: 0, statements };
}

/** a + b, statement by statement; a statement missing on one side counts as all zeros. */
export function addCounts(a: GroupCounts, b: GroupCounts): GroupCounts {
  return sumCounts([a, b]);
}

/**
 * The sum of many groups, made in one go (subtree totals add up every unit of a round): plain
 * loops and one new array per statement, whatever the number of groups.
 */
export function sumCounts(groups: readonly GroupCounts[]): GroupCounts {
  const statements: Record<string, number[]> = {};
  let responses = 0;
  for (const group of groups) {
    responses += group.responses;
    for (const id in group.statements) {
      const values = group.statements[id] ?? ZERO_VALUES;
      let sum = statements[id];
      if (!sum) statements[id] = sum = [0, 0, 0, 0, 0, 0];
      for (let i = 0; i < VALUE_SLOTS; i++) sum[i] = (sum[i] ?? 0) + (values[i] ?? 0);
    }
  }
  return { responses, statements };
}

/** How many gave an answer 1..5 to the statement (unanswered left out). */
export function answeredCount(counts: GroupCounts, statementId: string): number {
  const values = counts.statements[statementId];
  return values ? answered(values) : 0;
}

function answered(values: ValueCounts): number {
  let n = 0;
  for (let v = 1; v < VALUE_SLOTS; v++) n += values[v] ?? 0;
  return n;
}

/**
 * The figure of one factor for one group, or null when nobody answered any of its statements.
 * Each answered statement weighs the same, however many answered it (the published method): the
 * average is the mean of the statements' means, the distribution the mean of their shares.
 */
export function factorFigure(counts: GroupCounts, statementIds: readonly string[]): FactorFigure | null {
  let answers = 0;
  let meanSum = 0;
  const shareSums = [0, 0, 0, 0, 0];
  let answeredStatements = 0;
  for (const id of statementIds) {
    const values = counts.statements[id];
    const n = values ? answered(values) : 0;
    if (!values || n === 0) continue;
    answeredStatements += 1;
    answers += n;
    let sum = 0;
    for (let v = 1; v < VALUE_SLOTS; v++) {
      const count = values[v] ?? 0;
      sum += v * count;
      shareSums[v - 1] = (shareSums[v - 1] ?? 0) + count / n;
    }
    meanSum += sum / n;
  }
  if (answeredStatements === 0) return null;
  return {
    average: shownAverage(meanSum / answeredStatements),
    answers,
    distribution: shareSums.map((share) => shownShare(share / answeredStatements)),
  };
}

/**
 * Half-up rounding of a non-negative figure. The nudge of one part in 2^52 keeps a true half that
 * floating point stores a hair below it (1.005 * 100 = 100.49999999999999) rounding up.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor * (1 + Number.EPSILON)) / factor;
}

/**
 * THE precision every report API returns (issue 11: no more than the screen shows): an average to
 * one decimal ("3,8"), a share 0..1 to one decimal of a percent (0.651 = "65,1 %"). A figure
 * leaves the server only through these, so a second decimal never narrows down a small group.
 */
export function shownAverage(value: number): number {
  return roundTo(value, 1);
}

export function shownShare(value: number): number {
  return roundTo(value, 3);
}

/** The statement ids of each factor, in questionnaire order; a factor without statements gets []. */
export function factorStatements(questionnaire: Questionnaire): FactorStatements {
  const byFactor = Object.fromEntries(FACTOR_IDS.map((f) => [f, [] as string[]])) as Record<
    FactorId,
    string[]
  >;
  const ordered = [...questionnaire.statements].sort((a, b) => a.order - b.order);
  for (const statement of ordered) byFactor[statement.factor].push(statement.id);
  return byFactor;
}
