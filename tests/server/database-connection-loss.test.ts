// A PostgreSQL restart, failover or pg_terminate_backend must not end the process: a request on
// the lost connection is answered 503 DATABASE_UNAVAILABLE (or, on a fresh connection, as usual),
// and the server goes on by itself once the database is back. The backends are terminated from a
// connection of the test's own, found by the application_name the test's pools give theirs.
// Without the pool's and the clients' error listeners (src/server/db/database.ts) pg throws an
// unhandled 'error' event here and Vitest reports it as an error of the run.
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/server/app';
import { openPostgres } from '../../src/server/db/database';
import { createLocalMeetingBus } from '../../src/server/meetings/live/bus';
import { ERROR_SPECS } from '../../src/shared/api/errors';
import type { IngestResponse, SubmittedResponse } from '../../src/shared/api/respondent';
import { recomputed, snapshot } from './support/counts';
import { TEST_DATABASE_URL } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { batch, validResponse } from './support/fixtures';

const UNAVAILABLE = {
  error: { code: 'DATABASE_UNAVAILABLE', message: ERROR_SPECS.DATABASE_UNAVAILABLE.message },
};

const send = async (app: FastifyInstance, responses: SubmittedResponse[]) => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/responses', payload: batch(responses) });
  return { status: res.statusCode, body: res.json<unknown>() };
};

// Readiness: the liveness route /health touches no database.
const health = async (app: FastifyInstance) => {
  const res = await app.inject({ method: 'GET', url: '/api/v1/health/ready' });
  return { status: res.statusCode, body: res.json<unknown>() };
};

const responses = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    validResponse({ unitId: i % 2 ? 'unit' : 'dept', answers: { s1: (i % 5) + 1 } }),
  );

const allAccepted = (items: SubmittedResponse[]) => ({
  status: 200,
  body: { results: items.map((r) => ({ id: r.id, status: 'accepted' })) } satisfies IngestResponse,
});

describe.skipIf(!TEST_DATABASE_URL)('a lost PostgreSQL connection', () => {
  let env: TestEnvironment;
  let admin: pg.Client;
  let applicationName: string;
  let schema: string;
  const lost: Error[] = [];

  beforeAll(async () => {
    // The pool's connections only: the meeting bus's own (a LISTEN outside the pool, with the same
    // application_name) connects again by itself, tested in meetings-bus.test.ts.
    env = await createEnvironment('postgres', { app: { meetingBus: createLocalMeetingBus() } });
    ({ applicationName, schema } = env.testDb.postgres!);
    env.database.onConnectionError((error) => lost.push(error));
    admin = new pg.Client({
      connectionString: TEST_DATABASE_URL,
      application_name: `${applicationName}-admin`,
    });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await env.dispose();
  });

  /** Terminates every backend of the app's pools; their pids. */
  const terminateAppBackends = async (): Promise<number[]> => {
    // In the select list, not the WHERE clause: there the planner may call it before the filter.
    const { rows } = await admin.query<{ pid: number; terminated: boolean }>(
      'select pid, pg_terminate_backend(pid) as terminated from pg_stat_activity where application_name = $1',
      [applicationName],
    );
    return rows.filter((r) => r.terminated).map((r) => r.pid);
  };

  /**
   * Waits until the terminated backends are gone. Each sends its FATAL message before it leaves
   * pg_stat_activity, so once a later round trip of the admin connection is back, the pool has
   * read it and let the idle clients go: the test's own next query does not land on a dead one.
   */
  const settle = async (pids: number[]): Promise<void> => {
    await vi.waitFor(
      async () => {
        const { rows } = await admin.query('select 1 from pg_stat_activity where pid = any($1)', [pids]);
        expect(rows).toHaveLength(0);
      },
      { timeout: 10_000, interval: 20 },
    );
    await admin.query('select 1');
  };

  /**
   * Sends as the outbox does after an outage: again while the answer is 503 (a killed idle client
   * the pool has not let go yet), at most 10 times. Every 503 must be the stable one, never a 500.
   */
  const sendUntilAnswered = async (items: SubmittedResponse[]) => {
    let answer = await send(env.app, items);
    for (let tries = 1; answer.status === 503 && tries < 10; tries++) {
      expect(answer.body).toEqual(UNAVAILABLE);
      answer = await send(env.app, items);
    }
    return answer;
  };

  it('answers 503 for a request whose connection is terminated mid-transaction, and stores the batch once when it is sent again', async () => {
    const first = responses(10);
    expect(await send(env.app, first)).toEqual(allAccepted(first));

    // Hold the ingest transaction on a lock, so the termination lands while it holds its client.
    await admin.query('begin');
    await admin.query(`lock table ${schema}.sealed_inbox in access exclusive mode`);
    const second = responses(6);
    const inFlight = send(env.app, second);
    await vi.waitFor(
      async () => {
        const { rows } = await admin.query(
          `select 1 from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'`,
          [applicationName],
        );
        expect(rows).toHaveLength(1);
      },
      { timeout: 10_000, interval: 20 },
    );
    const terminated = await terminateAppBackends();
    expect(terminated.length).toBeGreaterThanOrEqual(1);
    const answer = await inFlight;
    await admin.query('rollback');
    await settle(terminated);

    expect(answer).toEqual({ status: 503, body: UNAVAILABLE });
    // Recovered without a restart: a fresh connection, the batch sent again is stored, once. The
    // pool learns of each killed idle client when its socket closes, so a readiness check in that
    // moment may still meet one (and answer 503, as it should); within moments it is ready again.
    await vi.waitFor(
      async () =>
        expect(await health(env.app)).toEqual({ status: 200, body: { status: 'ok', database: 'postgres' } }),
      { timeout: 5_000, interval: 50 },
    );
    expect(await sendUntilAnswered(second)).toEqual(allAccepted(second));
    const third = responses(4);
    expect(await sendUntilAnswered(third)).toEqual(allAccepted(third));

    const now = await snapshot(env.database);
    expect(now.responses).toBe(20);
    expect(now.totals).toEqual(['round-open/dept=10', 'round-open/unit=10']);
    expect({ counts: now.counts, totals: now.totals }).toEqual(await recomputed(env.database));
  });

  it('lets idle connections go when they are terminated between requests, and serves the next on fresh ones', async () => {
    const before = await snapshot(env.database);
    // Several requests at once, so the pool holds more than one idle client.
    const batches = [responses(5), responses(5), responses(5)];
    const sent = await Promise.all(batches.map((b) => send(env.app, b)));
    expect(sent).toEqual(batches.map(allAccepted));

    lost.length = 0;
    const terminated = await terminateAppBackends();
    expect(terminated.length).toBeGreaterThanOrEqual(1);
    // The pool hears of each as an 'error' event of an idle client (unheard, it would end the process).
    await vi.waitFor(() => expect(lost).toHaveLength(terminated.length), { timeout: 10_000, interval: 20 });
    expect(lost.every((e) => /terminat/i.test(e.message))).toBe(true);

    const after = responses(8);
    expect(await send(env.app, after)).toEqual(allAccepted(after));
    // A resend of what was stored before the termination is a duplicate, not a second count.
    const again = await send(env.app, batches[0]!);
    expect(again).toEqual({
      status: 200,
      body: { results: batches[0]!.map((r) => ({ id: r.id, status: 'duplicate' })) },
    });
    const now = await snapshot(env.database);
    expect(now.responses).toBe(before.responses + 15 + 8);
    expect({ counts: now.counts, totals: now.totals }).toEqual(await recomputed(env.database));
  });

  it('never answers 500 when the termination races the requests, and counts every stored answer once', async () => {
    const before = await snapshot(env.database);
    const rounds = Array.from({ length: 6 }, () => [responses(5), responses(5)]);
    const answered: { items: SubmittedResponse[]; status: number; body: unknown }[] = [];
    const terminated: number[] = [];
    for (const pair of rounds) {
      const pending = pair.map(async (items) => ({ items, ...(await send(env.app, items)) }));
      terminated.push(...(await terminateAppBackends()));
      answered.push(...(await Promise.all(pending)));
    }
    await settle(terminated);
    for (const { status, body } of answered) {
      expect([200, 503]).toContain(status);
      if (status === 503) expect(body).toEqual(UNAVAILABLE);
    }
    // What got a 503 is sent again, as the outbox would: it may have been stored (the commit went
    // through, the answer did not), so it comes back accepted or duplicate, never counted twice.
    const refused = answered.filter((a) => a.status === 503).flatMap((a) => a.items);
    if (refused.length > 0) {
      // The outbox keeps sending until the server answers; a send that meets a killed idle client
      // the pool has not let go yet is one more 503, never a 500, and the next one gets through.
      const resent = await sendUntilAnswered(refused);
      expect(resent.status).toBe(200);
      const results = (resent.body as IngestResponse).results;
      expect(results.every((r) => r.status === 'accepted' || r.status === 'duplicate')).toBe(true);
    }
    const now = await snapshot(env.database);
    expect(now.responses).toBe(before.responses + 60);
    expect({ counts: now.counts, totals: now.totals }).toEqual(await recomputed(env.database));
    await vi.waitFor(
      async () =>
        expect(await health(env.app)).toEqual({ status: 200, body: { status: 'ok', database: 'postgres' } }),
      { timeout: 5_000, interval: 50 },
    );
  });
});

describe.skipIf(!TEST_DATABASE_URL)('a PostgreSQL that cannot be reached', () => {
  it('answers health and ingest with 503 DATABASE_UNAVAILABLE, not 500', async () => {
    // Port 1 on the loopback: nothing listens, so every connection attempt is refused at once.
    const app = buildApp({ db: openPostgres('postgres://postgres@127.0.0.1:1/none') });
    try {
      expect(await health(app)).toEqual({ status: 503, body: UNAVAILABLE });
      expect(await send(app, responses(2))).toEqual({ status: 503, body: UNAVAILABLE });
    } finally {
      await app.close();
    }
  });
});
