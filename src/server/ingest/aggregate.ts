// What a set of newly stored responses adds to the pre-aggregated counts. Pure, so the ingest
// transaction can apply it with one upsert per key.
import type { NewResponse } from '../repositories/responses';

export interface CountDelta {
  roundId: string;
  unitId: string;
  statementId: string;
  /** 1..5, or 0 for "left unanswered". */
  value: number;
  count: number;
}

export interface TotalDelta {
  roundId: string;
  unitId: string;
  responses: number;
}

const SEP = '\u0000';

export function aggregateDeltas(responses: readonly NewResponse[]): {
  counts: CountDelta[];
  totals: TotalDelta[];
} {
  const counts = new Map<string, CountDelta>();
  const totals = new Map<string, TotalDelta>();
  for (const r of responses) {
    const totalKey = [r.roundId, r.unitId].join(SEP);
    const total = totals.get(totalKey) ?? { roundId: r.roundId, unitId: r.unitId, responses: 0 };
    total.responses += 1;
    totals.set(totalKey, total);
    // answers holds every statement of the version (null when unanswered), so each response
    // adds exactly one count per statement and the counts of a statement sum to the total.
    for (const [statementId, answer] of Object.entries(r.answers)) {
      const value = answer ?? 0;
      const key = [r.roundId, r.unitId, statementId, value].join(SEP);
      const delta = counts.get(key) ?? { roundId: r.roundId, unitId: r.unitId, statementId, value, count: 0 };
      delta.count += 1;
      counts.set(key, delta);
    }
  }
  // A fixed order of keys means concurrent transactions lock the same rows in the same order and
  // cannot deadlock each other on PostgreSQL.
  return { counts: sortedValues(counts), totals: sortedValues(totals) };
}

function sortedValues<T>(map: Map<string, T>): T[] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
}
