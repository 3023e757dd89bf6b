// The background counts of the whole round are kept like the unit counts: exactly once per stored
// response, however often or however concurrently a batch is sent. They are written when the
// round's sealed answers are released (src/server/release/), so the snapshot releases first.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { IngestResponse, SubmittedResponse } from '../../src/shared/api/respondent';
import { DECLINED } from '../../src/shared/questionnaire/types';
import type { Database } from '../../src/server/db/database';
import type { DB } from '../../src/server/db/schema';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { batch, QUESTIONNAIRE, validResponse } from './support/fixtures';
import { releaseAll } from './support/release';

const send = async (app: FastifyInstance, responses: SubmittedResponse[]) => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/responses', payload: batch(responses) });
  return res.json<IngestResponse>();
};

const BACKGROUNDS: Record<string, string>[] = [
  { gender: 'female' },
  { gender: 'male', ageGroup: 'under-30' },
  { ageGroup: '30-plus' },
  { gender: DECLINED },
  {},
];

/** Varied answers and background answers, some with none at all. */
const responses = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    validResponse({
      unitId: i % 2 ? 'unit' : 'dept',
      answers: { s1: (i % 5) + 1, s2: i % 3 ? 2 : null, s3: 4 },
      background: BACKGROUNDS[i % BACKGROUNDS.length]!,
    }),
  );

async function backgroundSnapshot(database: Database) {
  await releaseAll(database);
  const db = database.kysely;
  const counts = await db.selectFrom('background_counts').selectAll().execute();
  const totals = await db.selectFrom('background_totals').selectAll().execute();
  return {
    counts: counts
      .map(
        (c) =>
          `${c.round_id}/${c.question_id}/${c.option_value}/${c.statement_id}/${c.value}=${Number(c.count)}`,
      )
      .sort(),
    totals: totals
      .map((t) => `${t.round_id}/${t.question_id}/${t.option_value}=${Number(t.responses)}`)
      .sort(),
  };
}

/**
 * The background counts as they should be, from the stored rows alone: a response with background
 * answers counts once in each question of the questionnaire, a question it left out as declined.
 */
async function recomputed(db: Kysely<DB>) {
  const rows = await db.selectFrom('responses').selectAll().execute();
  const counts = new Map<string, number>();
  const totals = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const row of rows) {
    const background = JSON.parse(row.background) as Record<string, string>;
    if (Object.keys(background).length === 0) continue;
    const answers = JSON.parse(row.answers) as Record<string, number | null>;
    for (const question of QUESTIONNAIRE.background) {
      const group = `${row.round_id}/${question.id}/${background[question.id] ?? DECLINED}`;
      add(totals, group);
      for (const [statement, value] of Object.entries(answers))
        add(counts, `${group}/${statement}/${value ?? 0}`);
    }
  }
  return {
    counts: [...counts].map(([k, n]) => `${k}=${n}`).sort(),
    totals: [...totals].map(([k, n]) => `${k}=${n}`).sort(),
  };
}

describeEachDatabase('background counts at ingest', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
  });
  afterAll(() => env.dispose());
  beforeEach(async () => {
    const db = env.database.kysely;
    for (const table of [
      'background_counts',
      'background_totals',
      'aggregate_counts',
      'aggregate_totals',
    ] as const) {
      await db.deleteFrom(table).execute();
    }
    await db.deleteFrom('responses').execute();
    await db.deleteFrom('ingest_receipts').execute();
  });

  it('counts each response once per background question, a question left out as declined', async () => {
    const items = responses(10);
    expect((await send(env.app, items)).results.every((r) => r.status === 'accepted')).toBe(true);
    const after = await backgroundSnapshot(env.database);
    // 8 of the 10 answered the background part (every fifth left it out).
    expect(after.totals).toEqual([
      'round-open/ageGroup/30-plus=2',
      'round-open/ageGroup/declined=4',
      'round-open/ageGroup/under-30=2',
      'round-open/gender/declined=4',
      'round-open/gender/female=2',
      'round-open/gender/male=2',
    ]);
    expect(after).toEqual(await recomputed(env.database.kysely));
  });

  it('leaves the background counts unchanged when a batch is sent again', async () => {
    const items = responses(10);
    await send(env.app, items);
    const after = await backgroundSnapshot(env.database);
    const again = await send(env.app, items);
    expect(again.results.every((r) => r.status === 'duplicate')).toBe(true);
    expect(await backgroundSnapshot(env.database)).toEqual(after);
  });

  it('counts each response once when concurrent batches overlap', async () => {
    const pool = responses(30);
    const batches = [pool.slice(0, 20), pool.slice(10, 30), pool.slice(5, 25), [...pool].reverse()];
    await Promise.all(batches.map((b) => send(env.app, b)));
    const now = await backgroundSnapshot(env.database);
    expect(now).toEqual(await recomputed(env.database.kysely));
    expect(now.totals).toContain('round-open/gender/female=6');
  });
});
