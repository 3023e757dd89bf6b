import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { IngestResponse, SubmittedResponse } from '../../src/shared/api/respondent';
import { insertRound } from '../../src/server/repositories/rounds';
import { recomputed, snapshot } from './support/counts';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { batch, ROUNDS, seedFixtureCodes, validResponse } from './support/fixtures';

const send = async (app: FastifyInstance, responses: SubmittedResponse[]) => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/responses', payload: batch(responses) });
  return { status: res.statusCode, body: res.json<IngestResponse>() };
};

/** Varied answers, so the counts have something to get wrong. */
const responses = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    validResponse({ unitId: i % 2 ? 'unit' : 'dept', answers: { s1: (i % 5) + 1, s2: i % 3 ? 2 : null } }),
  );

describeEachDatabase('ingest exactly once', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
  });
  afterAll(() => env.dispose());
  beforeEach(async () => {
    // Each test starts from an empty response table and inbox; the world of rounds stays.
    for (const table of ['sealed_inbox', 'round_seal_keys', 'ingest_receipts'] as const)
      await env.database.kysely.deleteFrom(table).execute();
    await env.database.kysely.deleteFrom('aggregate_counts').execute();
    await env.database.kysely.deleteFrom('aggregate_totals').execute();
    await env.database.kysely.deleteFrom('responses').execute();
  });

  it('answers a resent batch with duplicate for every item and leaves the aggregates unchanged', async () => {
    const items = responses(10);
    const first = await send(env.app, items);
    expect(first.status).toBe(200);
    expect(first.body.results.every((r) => r.status === 'accepted')).toBe(true);
    const after = await snapshot(env.database);
    expect(after.responses).toBe(10);
    expect(after.totals).toEqual(['round-open/dept=5', 'round-open/unit=5']);

    const second = await send(env.app, items);
    expect(second.status).toBe(200);
    expect(second.body.results).toEqual(items.map((r) => ({ id: r.id, status: 'duplicate' })));
    expect(await snapshot(env.database)).toEqual(after);
  });

  it('keeps the aggregates equal to a recomputation from the stored rows', async () => {
    await send(env.app, responses(17));
    const now = await snapshot(env.database);
    expect({ counts: now.counts, totals: now.totals }).toEqual(await recomputed(env.database));
    // Every response adds one count per statement, unanswered ones as value 0.
    expect(now.counts).toContain('round-open/dept/s2/0=3');
  });

  it('stores one row per UUID when concurrent batches overlap', async () => {
    const pool = responses(30);
    const batches = [pool.slice(0, 20), pool.slice(10, 30), pool.slice(5, 25), [...pool].reverse()];
    const results = await Promise.all(batches.map((b) => send(env.app, b)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const accepted = results.flatMap((r) =>
      r.body.results.filter((x) => x.status === 'accepted').map((x) => x.id),
    );
    expect(accepted.sort()).toEqual(pool.map((r) => r.id).sort());
    const now = await snapshot(env.database);
    expect(now.responses).toBe(30);
    expect({ counts: now.counts, totals: now.totals }).toEqual(await recomputed(env.database));
  });

  it('reports a stored response as duplicate even after its round has closed', async () => {
    await insertRound(env.database.kysely, { ...ROUNDS.open, id: 'round-closing' });
    await seedFixtureCodes(env.database.kysely, 'round-closing', ['dept']);
    const item = validResponse({ roundId: 'round-closing' });
    expect((await send(env.app, [item])).status).toBe(200);
    // Closed on its first day, so today is past its grace days too.
    await env.database.kysely
      .updateTable('rounds')
      .set({ status: 'closed', closes_on: ROUNDS.open.opensOn })
      .where('id', '=', 'round-closing')
      .execute();
    const again = await send(env.app, [item]);
    expect(again).toEqual({ status: 200, body: { results: [{ id: item.id, status: 'duplicate' }] } });
    const fresh = await send(env.app, [validResponse({ roundId: 'round-closing' })]);
    expect(fresh.body.results[0]).toMatchObject({ status: 'rejected', code: 'ROUND_CLOSED' });
  });

  // Several server processes share one PostgreSQL; SQLite serves one process (a second in-process
  // connection would block the event loop while it waits for the write lock).
  if (dialect !== 'postgres') return;
  it('stores one row per UUID when separate app instances race', async () => {
    const apps = [env.app, env.secondApp(), env.secondApp(), env.secondApp()];
    const pool = responses(60);
    const results = await Promise.all(
      apps.flatMap((app, i) => [
        send(app, pool.slice(i * 10, i * 10 + 40)),
        send(app, [...pool].reverse().slice(i * 5, i * 5 + 50)),
      ]),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const accepted = results.flatMap((r) =>
      r.body.results.filter((x) => x.status === 'accepted').map((x) => x.id),
    );
    expect(accepted.sort()).toEqual(pool.map((r) => r.id).sort());
    const now = await snapshot(env.database);
    expect(now.responses).toBe(60);
    expect({ counts: now.counts, totals: now.totals }).toEqual(await recomputed(env.database));
  });
});
