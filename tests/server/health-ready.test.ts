// GET /api/v1/health/ready is what a load balancer asks: 200 while this process's database takes
// a write, 503 with a stable code while it does not, never cached, and the process outlives the
// database and is ready again by itself once it is back. PostgreSQL is reached through a TCP
// relay of the test's own, so the database can go away (the relay refuses connections and cuts
// the open ones), hang (the relay takes connections and never answers) and come back on the same
// address. SQLite goes away as a lock another connection holds past busy_timeout.
import Sqlite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { openPostgres, openSqlite } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { READY_TIMEOUT_MS } from '../../src/server/routes/health';
import { ERROR_SPECS, type ErrorCode } from '../../src/shared/api/errors';
import { apiPath, RESPONDENT_PATHS } from '../../src/shared/api/paths';
import {
  createTestDatabase,
  describeEachDatabase,
  TEST_DATABASE_URL,
  type TestDatabase,
} from './support/databases';

const READY = apiPath(RESPONDENT_PATHS.ready);
const LIVE = apiPath(RESPONDENT_PATHS.health);
const notReady = (code: ErrorCode) => ({
  status: 503,
  body: { error: { code, message: ERROR_SPECS[code].message } },
});

async function check(app: FastifyInstance, url = READY) {
  const res = await app.inject(url);
  expect(res.headers['cache-control'], url).toBe('no-store');
  return { status: res.statusCode, body: res.json<unknown>() };
}

describeEachDatabase('readiness for a load balancer', (dialect) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    const database = testDb.connect();
    await migrateToLatest(database);
    app = buildApp({ db: database });
  });
  afterAll(async () => {
    await app.close();
    await testDb.dispose();
  });

  it('is public and never cached, ready or live', async () => {
    const ok = { status: 200, body: { status: 'ok', database: dialect } };
    expect(await check(app)).toEqual(ok);
    expect(await check(app, LIVE)).toEqual(ok);
    const res = await app.inject({ url: READY, headers: { cookie: 'tifaktor_session=nonsense' } });
    expect(res.statusCode).toBe(200);
  });

  it('answers checks that arrive together with one write, all ready', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => check(app)));
    expect(results.every((r) => r.status === 200)).toBe(true);
  });
});

describe('readiness on SQLite when another process holds the database', () => {
  it('is 503 DATABASE_BUSY while the lock is held, live all along, and ready once it is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifaktor-ready-'));
    const file = join(dir, 'tifaktor.sqlite');
    const database = openSqlite(file);
    await migrateToLatest(database);
    const app = buildApp({ db: database });
    const other = new Sqlite(file);
    try {
      other.exec('BEGIN EXCLUSIVE');
      // Blocks for SQLite's busy_timeout (5 s), then gives up: SQLITE_BUSY.
      expect(await check(app)).toEqual(notReady('DATABASE_BUSY'));
      expect((await check(app, LIVE)).status).toBe(200);
      other.exec('COMMIT');
      expect((await check(app)).status).toBe(200);
    } finally {
      other.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

/** A TCP relay to PostgreSQL that can refuse, hang or pass, on one port throughout. */
class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  mode: 'pass' | 'hang' = 'pass';
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => undefined);
      if (this.mode === 'hang') return;
      const upstream = connect(this.target.port, this.target.host);
      this.sockets.add(upstream);
      upstream.on('close', () => (this.sockets.delete(upstream), client.destroy()));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (typeof address === 'object' && address) this.port = address.port;
    this.server = server;
  }

  /** The database goes away: open connections are cut and new ones refused. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

describe.skipIf(!TEST_DATABASE_URL)('readiness on PostgreSQL that goes away and comes back', () => {
  let testDb: TestDatabase;
  let relay: Relay;
  let app: FastifyInstance;
  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    const database = testDb.connect();
    await migrateToLatest(database);
    await database.close();
    const { url, schema, applicationName } = testDb.postgres!;
    const target = new URL(url);
    relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
    await relay.open();
    const viaRelay = new URL(url);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    app = buildApp({
      db: openPostgres({
        connectionString: viaRelay.toString(),
        options: `-c search_path=${schema}`,
        application_name: applicationName,
      }),
    });
  });
  afterAll(async () => {
    await app.close();
    await relay.close();
    await testDb.dispose();
  });

  it('is ready, then 503 while the database is gone, live all along, and ready again once it is back', async () => {
    const ok = { status: 200, body: { status: 'ok', database: 'postgres' } };
    expect(await check(app)).toEqual(ok);

    await relay.close();
    for (let i = 0; i < 3; i++) {
      expect(await check(app)).toEqual(notReady('DATABASE_UNAVAILABLE'));
      expect(await check(app, LIVE)).toEqual(ok);
    }

    await relay.open();
    expect(await check(app)).toEqual(ok);
    expect(await check(app)).toEqual(ok);
  });

  it('is 503 within the timeout when the database takes the connection and never answers', async () => {
    await relay.close();
    relay.mode = 'hang';
    await relay.open();
    try {
      // A connection the pool held when the relay went is dead at once: 503 without waiting.
      expect(await check(app)).toEqual(notReady('DATABASE_UNAVAILABLE'));
      const started = performance.now();
      const results = await Promise.all([check(app), check(app), check(app)]);
      const took = performance.now() - started;
      for (const result of results) expect(result).toEqual(notReady('DATABASE_UNAVAILABLE'));
      expect(took).toBeGreaterThanOrEqual(READY_TIMEOUT_MS - 50);
      expect(took).toBeLessThan(READY_TIMEOUT_MS + 1_500);
      expect((await check(app, LIVE)).status).toBe(200);
    } finally {
      await relay.close();
      relay.mode = 'pass';
      await relay.open();
    }
    // The connection that hung was cut with the relay; a check that still joins its probe learns
    // that (503), and the next writes on a fresh connection.
    const after = [];
    for (let i = 0; i < 3 && after.at(-1) !== 200; i++) after.push((await check(app)).status);
    expect(after.at(-1)).toBe(200);
    expect(after.length).toBeLessThanOrEqual(2);
  });
});
