// Reading back what the database holds, written independently of the server's own aggregation so
// the tests can check the pre-aggregated counts against a recomputation from the stored rows.
// Both release every sealed inbox first (./release.ts): the ingest only seals, and responses and
// counts are written by the release, so what was stored is read after it.
import type { Database } from '../../../src/server/db/database';
import { releaseAll } from './release';

export interface Snapshot {
  responses: number;
  counts: string[];
  totals: string[];
}

export async function snapshot(database: Database): Promise<Snapshot> {
  await releaseAll(database);
  const db = database.kysely;
  const responses = await db.selectFrom('responses').select('id').execute();
  const counts = await db.selectFrom('aggregate_counts').selectAll().execute();
  const totals = await db.selectFrom('aggregate_totals').selectAll().execute();
  return {
    responses: responses.length,
    counts: counts
      .map((c) => `${c.round_id}/${c.unit_id}/${c.statement_id}/${c.value}=${Number(c.count)}`)
      .sort(),
    totals: totals.map((t) => `${t.round_id}/${t.unit_id}=${Number(t.responses)}`).sort(),
  };
}

/** The aggregates as they should be, computed from the response rows alone. */
export async function recomputed(database: Database): Promise<Pick<Snapshot, 'counts' | 'totals'>> {
  await releaseAll(database);
  const rows = await database.kysely.selectFrom('responses').selectAll().execute();
  const counts = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const row of rows) {
    const unit = `${row.round_id}/${row.unit_id}`;
    totals.set(unit, (totals.get(unit) ?? 0) + 1);
    const answers = JSON.parse(row.answers) as Record<string, number | null>;
    for (const [statement, value] of Object.entries(answers)) {
      const key = `${unit}/${statement}/${value ?? 0}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return {
    counts: [...counts].map(([k, n]) => `${k}=${n}`).sort(),
    totals: [...totals].map(([k, n]) => `${k}=${n}`).sort(),
  };
}
