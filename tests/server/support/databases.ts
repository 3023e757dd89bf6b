// Every server test runs on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL too. Each
// PostgreSQL test database is a fresh schema with a random name (the pool's search_path points
// at it), dropped afterwards, so test files can run in parallel against one server.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { openPostgres, openSqlite, type Database, type DialectName } from '../../../src/server/db/database';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

if (!TEST_DATABASE_URL) {
  console.log(
    'TEST_DATABASE_URL is not set: the PostgreSQL variants of the server tests are skipped ' +
      '(set it to e.g. postgres://postgres@127.0.0.1:5432/test to run them).',
  );
}

/** One empty database; `connect()` may be called more than once for separate connections/pools. */
export interface TestDatabase {
  connect(): Database;
  dispose(): Promise<void>;
  /**
   * PostgreSQL only: the server URL, the schema, and the application_name every pool of
   * `connect()` gives its connections, so a test can find (and terminate) this test's backends.
   */
  readonly postgres?: { url: string; schema: string; applicationName: string };
}

function createSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'tifaktor-test-'));
  return Promise.resolve({
    connect: () => openSqlite(join(dir, 'test.sqlite')),
    dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  });
}

async function createPostgres(url: string): Promise<TestDatabase> {
  const schema = `test_${randomBytes(8).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`create schema ${schema}`);
  const applicationName = `tifaktor-${schema}`;
  return {
    postgres: { url, schema, applicationName },
    connect: () =>
      openPostgres({
        connectionString: url,
        options: `-c search_path=${schema}`,
        application_name: applicationName,
      }),
    dispose: async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

export function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') return createSqlite();
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  return createPostgres(TEST_DATABASE_URL);
}

/** Declares the suite once per database: "<title> on sqlite" and "<title> on postgres". */
export function describeEachDatabase(title: string, suite: (dialect: DialectName) => void): void {
  describe(`${title} on sqlite`, () => suite('sqlite'));
  describe.skipIf(!TEST_DATABASE_URL)(`${title} on postgres`, () => suite('postgres'));
}
