// What a set of newly stored responses adds to the pre-aggregated counts. Pure, so the ingest
// transaction can apply it with one upsert per key.
//
// Background groups are counted for the whole round only (no unit). A response that answered the
// background part (a non-empty background object) counts once in every background question of its
// questionnaire version: in the option it chose, or as "declined" where it left the question out,
// so each question's groups add up to the same number of responses. A response with no background
// answers at all is not counted in any group.
import { DECLINED } from '../../shared/questionnaire/types';
import type {
  AggregateDeltas,
  BackgroundCountDelta,
  BackgroundTotalDelta,
  CountDelta,
  NewResponse,
  TotalDelta,
} from './types';

/** Questionnaire version → its background question ids. */
export type BackgroundQuestionIds = ReadonlyMap<string, readonly string[]>;

const SEP = '\u0000';

/** The delta under `key`, made by `create` the first time. */
function entry<T>(map: Map<string, T>, key: string, create: () => T): T {
  let delta = map.get(key);
  if (delta === undefined) {
    delta = create();
    map.set(key, delta);
  }
  return delta;
}

/**
 * `backgroundQuestions` names the background questions of each version; a question a response
 * answered is counted even when the map leaves it out.
 */
export function aggregateDeltas(
  responses: readonly NewResponse[],
  backgroundQuestions: BackgroundQuestionIds = new Map(),
): AggregateDeltas {
  const counts = new Map<string, CountDelta>();
  const totals = new Map<string, TotalDelta>();
  const backgroundCounts = new Map<string, BackgroundCountDelta>();
  const backgroundTotals = new Map<string, BackgroundTotalDelta>();
  for (const r of responses) {
    const { roundId, unitId } = r;
    entry(totals, [roundId, unitId].join(SEP), () => ({ roundId, unitId, responses: 0 })).responses += 1;
    // answers holds every statement of the version (null when unanswered), so each response
    // adds exactly one count per statement and the counts of a statement sum to the total.
    const answers = Object.entries(r.answers).map(
      ([statementId, answer]) => [statementId, answer ?? 0] as const,
    );
    for (const [statementId, value] of answers) {
      const key = [roundId, unitId, statementId, value].join(SEP);
      entry(counts, key, () => ({ roundId, unitId, statementId, value, count: 0 })).count += 1;
    }
    if (Object.keys(r.background).length === 0) continue;
    const questionIds = new Set([
      ...(backgroundQuestions.get(r.questionnaireVersion) ?? []),
      ...Object.keys(r.background),
    ]);
    for (const questionId of questionIds) {
      const optionValue = r.background[questionId] ?? DECLINED;
      const group = [roundId, questionId, optionValue].join(SEP);
      entry(backgroundTotals, group, () => ({ roundId, questionId, optionValue, responses: 0 })).responses +=
        1;
      for (const [statementId, value] of answers) {
        const key = [group, statementId, value].join(SEP);
        const create = () => ({ roundId, questionId, optionValue, statementId, value, count: 0 });
        entry(backgroundCounts, key, create).count += 1;
      }
    }
  }
  // A fixed order of keys means concurrent transactions lock the same rows in the same order and
  // cannot deadlock each other on PostgreSQL.
  return {
    counts: sortedValues(counts),
    totals: sortedValues(totals),
    backgroundCounts: sortedValues(backgroundCounts),
    backgroundTotals: sortedValues(backgroundTotals),
  };
}

function sortedValues<T>(map: Map<string, T>): T[] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
}
