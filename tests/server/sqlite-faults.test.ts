// SQLite faults on a real SQLite file are answered honestly: a full disk is 503 DATABASE_FULL
// with SQLite's own error in the log (not Kysely's "cannot rollback - no transaction is active",
// which replaced it while SQLite had already rolled the transaction back), a write lock held past
// busy_timeout is 503 DATABASE_BUSY (never 500), nothing of the refused request is stored, and
// the same server takes the same request once there is room or the lock is gone.
//
// The disk is made full for real with PRAGMA max_page_count on the app's own connection (the
// pragma is per connection): SQLite then fails every write that needs another page with
// SQLITE_FULL, exactly as on a full disk. The lock is a second connection's BEGIN IMMEDIATE.
import { Writable } from 'node:stream';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseFault } from '../../src/server/db/database-faults';
import { ERROR_SPECS } from '../../src/shared/api/errors';
import type { IngestResponse, SubmittedResponse } from '../../src/shared/api/respondent';
import { recomputed, snapshot } from './support/counts';
import { dumpTables, type TableDump } from './support/dump';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { batch, ROUNDS, validResponse } from './support/fixtures';
import { signedIn, withStaff, type StaffClient } from './support/staff';

const FULL = { error: { code: 'DATABASE_FULL', message: ERROR_SPECS.DATABASE_FULL.message } };
const BUSY = { error: { code: 'DATABASE_BUSY', message: ERROR_SPECS.DATABASE_BUSY.message } };

const responses = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    validResponse({ answers: { s1: (i % 5) + 1, s2: null, s3: 5 }, openText: `Svar nummer ${i}` }),
  );

/**
 * Everything stored but the guess counter of the code limit (codes/code-attempts.ts), which counts
 * a batch's code guesses in a transaction of its own before the batch is stored, full disk or not.
 */
const stored = async (env: TestEnvironment) => {
  const dump: Partial<TableDump> = await dumpTables(env.database.kysely);
  delete dump.code_guesses;
  return dump;
};

const accepted = (items: SubmittedResponse[]): IngestResponse => ({
  results: items.map((r) => ({ id: r.id, status: 'accepted' })),
});

describe('SQLite faults on a real file', () => {
  let env: TestEnvironment;
  let staff: StaffClient;
  const log: string[] = [];

  const send = async (items: SubmittedResponse[]) => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/responses', payload: batch(items) });
    return { status: res.statusCode, body: res.json<unknown>() };
  };
  const issueCodes = async (count: number) => {
    const res = await staff.post(`/rounds/${ROUNDS.open.id}/units/dept/codes`, { count });
    return { status: res.statusCode, body: res.json<unknown>() };
  };
  const ready = async () => {
    const res = await env.app.inject('/api/v1/health/ready');
    return { status: res.statusCode, body: res.json<unknown>() };
  };
  const pragma = (statement: string) => sql.raw(`pragma ${statement}`).execute(env.database.kysely);

  beforeAll(async () => {
    const stream = new Writable({
      write: (chunk: Buffer, _enc, done) => done(void log.push(chunk.toString())),
    });
    env = await createEnvironment('sqlite', { app: { logger: { level: 'error', stream } } });
    await withStaff(env);
    staff = await signedIn(env, 'admin');
  });
  afterAll(() => env.dispose());
  beforeEach(() => {
    log.length = 0;
  });

  describe('a full disk', () => {
    /** No free page left and no new one allowed: the next write that needs a page fails. */
    const fillTheDisk = async () => {
      await sql`vacuum`.execute(env.database.kysely);
      const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(env.database.kysely);
      await pragma(`max_page_count = ${rows[0]!.page_count}`);
    };
    const makeRoom = () => pragma('max_page_count = 1073741823');

    it('answers a batch of answers 503 DATABASE_FULL, stores nothing, logs SQLite’s own error, and takes the batch once there is room', async () => {
      const items = responses(100);
      const before = await stored(env);
      await fillTheDisk();
      try {
        expect(await send(items)).toEqual({ status: 503, body: FULL });
        expect(await stored(env)).toEqual(before);
        const logged = log.join('');
        expect(logged).toContain('SQLITE_FULL');
        expect(logged).toContain('database or disk is full');
        expect(logged).not.toContain('cannot rollback');
      } finally {
        await makeRoom();
      }
      expect(await send(items)).toEqual({ status: 200, body: accepted(items) });
      const now = await snapshot(env.database);
      expect({ counts: now.counts, totals: now.totals }).toEqual(await recomputed(env.database));
    });

    it('lets the caller see SQLITE_FULL when SQLite has already rolled the whole transaction back itself', async () => {
      // A one-row insert into a table without an index or foreign key runs without a statement
      // journal, so on SQLITE_FULL SQLite rolls back the whole transaction, as it does when a
      // commit on a full disk fails. Kysely's own ROLLBACK then used to fail and replace the error.
      const db = env.database.kysely;
      await sql`create table fault_scratch (x text not null)`.execute(db);
      await fillTheDisk();
      try {
        const error = await db
          .transaction()
          .execute(async (trx) => {
            for (let i = 0; i < 100; i++) {
              await sql`insert into fault_scratch (x) values (${'x'.repeat(2000)})`.execute(trx);
            }
          })
          .then(
            () => undefined,
            (e: unknown) => e as { code?: string; message?: string },
          );
        expect({ code: error?.code, message: error?.message }).toEqual({
          code: 'SQLITE_FULL',
          message: 'database or disk is full',
        });
      } finally {
        await makeRoom();
      }
      const { rows } = await sql<{ n: number }>`select count(*) as n from fault_scratch`.execute(db);
      expect(rows[0]!.n).toBe(0);
      // The one connection is usable again, inside and outside a transaction.
      await db.transaction().execute((trx) => sql`insert into fault_scratch (x) values ('y')`.execute(trx));
      await sql`drop table fault_scratch`.execute(db);
      expect(await ready()).toEqual({ status: 200, body: { status: 'ok', database: 'sqlite' } });
    });

    it('answers a staff write 503 DATABASE_FULL, changes nothing, and works again once there is room', async () => {
      const before = await stored(env);
      await fillTheDisk();
      try {
        expect(await issueCodes(1000)).toEqual({ status: 503, body: FULL });
        expect(await stored(env)).toEqual(before);
        expect(log.join('')).toContain('SQLITE_FULL');
        expect(log.join('')).not.toContain('cannot rollback');
      } finally {
        await makeRoom();
      }
      const issued = await issueCodes(1000);
      expect(issued.status).toBe(201);
    });
  });

  describe('a write lock another connection holds', () => {
    let other: SqliteDatabase.Database;
    beforeAll(async () => {
      // Wait 100 ms instead of the 5 s the server waits, so the test does not sit out the timeout.
      await pragma('busy_timeout = 100');
      const { rows } = await sql<{
        file: string;
      }>`select file from pragma_database_list where name = 'main'`.execute(env.database.kysely);
      other = new SqliteDatabase(rows[0]!.file);
    });
    afterAll(async () => {
      other.close();
      await pragma('busy_timeout = 5000');
    });

    it('answers answers, staff writes and readiness 503 DATABASE_BUSY, stores nothing, and takes them once the lock is gone', async () => {
      const items = responses(3);
      const before = await stored(env);
      other.exec('begin immediate');
      try {
        expect(await send(items)).toEqual({ status: 503, body: BUSY });
        expect(await issueCodes(2)).toEqual({ status: 503, body: BUSY });
        expect(await ready()).toEqual({ status: 503, body: BUSY });
        expect(log.join('')).toContain('SQLITE_BUSY');
      } finally {
        other.exec('rollback');
      }
      expect(await stored(env)).toEqual(before);
      expect(await send(items)).toEqual({ status: 200, body: accepted(items) });
      expect((await issueCodes(2)).status).toBe(201);
      expect(await ready()).toEqual({ status: 200, body: { status: 'ok', database: 'sqlite' } });
    });
  });
});

describe('which database errors are a 503 fault', () => {
  // Codes this file cannot make happen for real on one connection: SQLITE_LOCKED needs a shared
  // cache, the PostgreSQL ones a full disk or a lock_timeout on the server.
  it.each([
    ['SQLITE_FULL', 'DATABASE_FULL'],
    ['53100', 'DATABASE_FULL'],
    ['SQLITE_BUSY', 'DATABASE_BUSY'],
    ['SQLITE_BUSY_SNAPSHOT', 'DATABASE_BUSY'],
    ['SQLITE_LOCKED', 'DATABASE_BUSY'],
    ['SQLITE_LOCKED_SHAREDCACHE', 'DATABASE_BUSY'],
    ['55P03', 'DATABASE_BUSY'],
    ['SQLITE_READONLY', 'DATABASE_UNAVAILABLE'],
    ['SQLITE_READONLY_DIRECTORY', 'DATABASE_UNAVAILABLE'],
    ['SQLITE_IOERR_WRITE', 'DATABASE_UNAVAILABLE'],
    ['57P01', 'DATABASE_UNAVAILABLE'],
    ['SQLITE_CONSTRAINT_PRIMARYKEY', undefined],
    ['SQLITE_ERROR', undefined],
    ['SQLITE_BUSYNESS', undefined],
    ['23505', undefined],
  ])('%s is %s', (code, fault) => {
    expect(databaseFault(new SqliteDatabase.SqliteError('x', code))).toBe(fault);
  });
});
