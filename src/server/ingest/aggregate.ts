// What a set of newly stored responses adds to the pre-aggregated counts. Pure, so the ingest
// transaction can apply it with one upsert per key.
//
// Background groups are counted for the whole round only (no unit). A response that answered the
// background part (a non-empty background object) counts once in every background question of its
// questionnaire version: in the option it chose, or as "declined" where it left the question out,
// so each question's groups add up to the same number of responses. A response with no background
// answers at all is not counted in any group.
//
// Besides, per unit: how many of its own responses gave each background profile (the option or
// "declined" of every such question, canonical JSON with sorted keys; migration 010). The report
// rule crosses units and groups with these (reports/cross-suppression.ts).
import { DECLINED } from '../../shared/questionnaire/types';
import type {
  AggregateDeltas,
  BackgroundCountDelta,
  BackgroundProfileDelta,
  BackgroundTotalDelta,
  CountDelta,
  NewResponse,
  TotalDelta,
} from './types';

/** Questionnaire version → its background question ids. */
export type BackgroundQuestionIds = ReadonlyMap<string, readonly string[]>;

const SEP = '\u0000';

/** The canonical profile: every question id sorted, its option or DECLINED (as migration 010 writes). */
export function backgroundProfile(questionIds: Iterable<string>, background: Record<string, string>): string {
  const ids = [...new Set(questionIds)].sort();
  return JSON.stringify(Object.fromEntries(ids.map((id) => [id, background[id] ?? DECLINED])));
}

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
  const backgroundProfiles = new Map<string, BackgroundProfileDelta>();
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
    const profile = backgroundProfile(questionIds, r.background);
    const create = () => ({ roundId, unitId, profile, responses: 0 });
    entry(backgroundProfiles, [roundId, unitId, profile].join(SEP), create).responses += 1;
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
    backgroundProfiles: sortedValues(backgroundProfiles),
  };
}

function sortedValues<T>(map: Map<string, T>): T[] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
}
