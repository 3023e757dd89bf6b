// Scheduled work across processes (src/server/jobs/run-once.ts): on PostgreSQL two callers at once
// (two pools, as two server processes) run the work once, a crash inside or a process that dies
// lets the claim go, and runWhenDue runs a job once per period whatever the number of callers.
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { jobLockKeys, lastRunName, runOnce, runWhenDue } from '../../src/server/jobs/run-once';
import { readServerMeta } from '../../src/server/repositories/server-meta';
import {
  createTestDatabase,
  describeEachDatabase,
  TEST_DATABASE_URL,
  type TestDatabase,
} from './support/databases';

const HOUR = 3600_000;
const AT = new Date('2026-11-02T02:00:00Z');
const later = (ms: number) => new Date(AT.getTime() + ms);

/** A promise and the function that settles it: work that runs until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe.skipIf(!TEST_DATABASE_URL)('runOnce on postgres', () => {
  let testDb: TestDatabase;
  let first: Database;
  let second: Database;
  let admin: pg.Client;

  beforeEach(async () => {
    testDb = await createTestDatabase('postgres');
    first = testDb.connect();
    second = testDb.connect();
    await migrateToLatest(first);
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
  });
  afterEach(async () => {
    await first.close();
    await second.close();
    await admin.end();
    await testDb.dispose();
  });

  /** Advisory locks held now on the job's keys, by any backend. */
  async function heldLocks(name: string): Promise<number> {
    const [k1, k2] = jobLockKeys(name);
    const { rows } = await admin.query<{ n: string }>(
      `select count(*) as n from pg_locks where locktype = 'advisory' and granted
         and classid = ($1::int)::oid and objid = ($2::int)::oid`,
      [k1, k2],
    );
    return Number(rows[0]!.n);
  }

  it('runs the work of two callers at once only once: the second skips without waiting', async () => {
    const running = gate();
    const release = gate();
    let runs = 0;
    const one = runOnce(first, 'job', async () => {
      runs += 1;
      running.open();
      await release.opened;
      return 'made';
    });
    await running.opened;
    expect(await heldLocks('job')).toBe(1);
    const started = Date.now();
    const other = await runOnce(second, 'job', () => {
      runs += 1;
      return Promise.resolve('made twice');
    });
    expect(other).toEqual({ ran: false });
    expect(Date.now() - started).toBeLessThan(2_000);
    release.open();
    expect(await one).toEqual({ ran: true, value: 'made' });
    expect(runs).toBe(1);
    expect(await heldLocks('job')).toBe(0);
    // "Once" is "never two at the same time": a later call runs again.
    expect(await runOnce(second, 'job', () => Promise.resolve('again'))).toEqual({
      ran: true,
      value: 'again',
    });
  });

  it('lets the claim go when the work throws, and a caller after it runs', async () => {
    const failing = runOnce(first, 'job', () => Promise.reject(new Error('the job broke')));
    await expect(failing).rejects.toThrow('the job broke');
    expect(await heldLocks('job')).toBe(0);
    expect(await runOnce(second, 'job', () => Promise.resolve(1))).toEqual({ ran: true, value: 1 });
  });

  it('lets the claim go when the process holding it dies', async () => {
    const running = gate();
    let backend = 0;
    const dying = runOnce(first, 'job', async (trx) => {
      backend = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid;
      running.open();
      await sql`select pg_sleep(30)`.execute(trx); // busy until the process dies
    });
    dying.catch(() => undefined);
    await running.opened;
    expect(await runOnce(second, 'job', () => Promise.resolve('blocked'))).toEqual({ ran: false });
    // The database sees the process go (its connection ends): the lock goes with it.
    await admin.query('select pg_terminate_backend($1)', [backend]);
    await expect(dying).rejects.toThrow();
    const until = Date.now() + 5_000;
    while ((await heldLocks('job')) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(await runOnce(second, 'job', () => Promise.resolve('after'))).toEqual({
      ran: true,
      value: 'after',
    });
  });

  it('runWhenDue: of two callers at once one runs; neither runs again within the period', async () => {
    const running = gate();
    const release = gate();
    let runs = 0;
    const work = async () => {
      runs += 1;
      running.open();
      await release.opened;
      return runs;
    };
    const one = runWhenDue(first, 'national', 6 * HOUR, AT, work);
    await running.opened;
    expect(await runWhenDue(second, 'national', 6 * HOUR, AT, work)).toEqual({ ran: false });
    release.open();
    expect(await one).toEqual({ ran: true, value: 1 });
    // Later, one after the other: still within the period, by the record the first one left.
    expect(await runWhenDue(second, 'national', 6 * HOUR, later(HOUR), work)).toEqual({ ran: false });
    expect(await runWhenDue(first, 'national', 6 * HOUR, later(6 * HOUR), work)).toEqual({
      ran: true,
      value: 2,
    });
    expect(runs).toBe(2);
  });
});

describeEachDatabase('runWhenDue', (dialect) => {
  let testDb: TestDatabase;
  let database: Database;
  beforeEach(async () => {
    testDb = await createTestDatabase(dialect);
    database = testDb.connect();
    await migrateToLatest(database);
  });
  afterEach(async () => {
    await database.close();
    await testDb.dispose();
  });

  it('runs when never run, then not again until the period has passed, and records the run', async () => {
    const work = () => Promise.resolve('done');
    expect(await runWhenDue(database, 'job', HOUR, AT, work)).toEqual({ ran: true, value: 'done' });
    expect(await readServerMeta(database.kysely, lastRunName('job'))).toBe(AT.toISOString());
    expect(await runWhenDue(database, 'job', HOUR, later(HOUR - 1), work)).toEqual({ ran: false });
    expect(await runWhenDue(database, 'job', HOUR, later(HOUR), work)).toEqual({ ran: true, value: 'done' });
    expect(await readServerMeta(database.kysely, lastRunName('job'))).toBe(later(HOUR).toISOString());
    // Another job has a period of its own.
    expect(await runWhenDue(database, 'other', HOUR, later(HOUR), work)).toEqual({
      ran: true,
      value: 'done',
    });
  });

  it('records nothing for a run that throws, so the next check runs it again', async () => {
    await expect(
      runWhenDue(database, 'job', HOUR, AT, () => Promise.reject(new Error('broke'))),
    ).rejects.toThrow('broke');
    expect(await readServerMeta(database.kysely, lastRunName('job'))).toBeUndefined();
    expect(await runWhenDue(database, 'job', HOUR, later(60_000), () => Promise.resolve(1))).toEqual({
      ran: true,
      value: 1,
    });
  });

  it('a clock a little behind the last run waits; one set back by more than the period runs', async () => {
    await runWhenDue(database, 'job', HOUR, AT, () => Promise.resolve(0));
    expect(await runWhenDue(database, 'job', HOUR, later(-5_000), () => Promise.resolve(1))).toEqual({
      ran: false,
    });
    expect(await runWhenDue(database, 'job', HOUR, later(-2 * HOUR), () => Promise.resolve(2))).toEqual({
      ran: true,
      value: 2,
    });
  });
});
