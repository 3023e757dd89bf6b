// Liveness and readiness are two checks. /health says the process answers and touches no
// database (a database that is down is no reason to restart the process); /health/ready proves
// the database takes a write now (it rewrites readiness_probe's one row in a transaction) and is
// 503 with the fault's code while it does not.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { openPostgres, type Database } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { ERROR_SPECS } from '../../src/shared/api/errors';
import { apiPath, RESPONDENT_PATHS } from '../../src/shared/api/paths';
import {
  createTestDatabase,
  describeEachDatabase,
  TEST_DATABASE_URL,
  type TestDatabase,
} from './support/databases';

const UNAVAILABLE = {
  error: { code: 'DATABASE_UNAVAILABLE', message: ERROR_SPECS.DATABASE_UNAVAILABLE.message },
};

describeEachDatabase('liveness and readiness', (dialect) => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    database = testDb.connect();
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database.close();
    await testDb.dispose();
  });

  const get = async (app: ReturnType<typeof buildApp>, path: string) => {
    const res = await app.inject(path);
    return { status: res.statusCode, body: res.json<unknown>() };
  };
  const ok = { status: 200, body: { status: 'ok', database: dialect } };

  it('is ready when the database takes a write, and each check really writes', async () => {
    const app = buildApp({ db: testDb.connect() });
    try {
      const flips: number[] = [];
      for (let i = 0; i < 3; i++) {
        expect(await get(app, apiPath(RESPONDENT_PATHS.ready))).toEqual(ok);
        const row = await database.kysely.selectFrom('readiness_probe').selectAll().executeTakeFirstOrThrow();
        flips.push(Number(row.flip));
      }
      expect(flips).toEqual([1, 0, 1]);
      expect(await database.kysely.selectFrom('readiness_probe').select('id').execute()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('stays live without a database, and is not ready', async () => {
    const db = testDb.connect();
    const app = buildApp({ db });
    try {
      // Connect, then close under the app: every query from now on fails.
      await sql`select 1`.execute(db.kysely);
      await db.close();
      expect(await get(app, apiPath(RESPONDENT_PATHS.health))).toEqual(ok);
      expect(await get(app, apiPath(RESPONDENT_PATHS.ready))).toEqual({ status: 503, body: UNAVAILABLE });
    } finally {
      await app.close();
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL)('readiness on a read-only PostgreSQL', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    const database = testDb.connect();
    await migrateToLatest(database);
    await database.close();
  });
  afterAll(() => testDb.dispose());

  const get = async (app: ReturnType<typeof buildApp>, path: string) => {
    const res = await app.inject(path);
    return { status: res.statusCode, body: res.json<unknown>() };
  };

  it('is not ready while it refuses writes (a standby), and live all the same', async () => {
    const { url, schema } = testDb.postgres!;
    const readOnly = openPostgres({
      connectionString: url,
      options: `-c search_path=${schema} -c default_transaction_read_only=on`,
    });
    const app = buildApp({ db: readOnly });
    try {
      expect(await get(app, apiPath(RESPONDENT_PATHS.health))).toEqual({
        status: 200,
        body: { status: 'ok', database: 'postgres' },
      });
      expect(await get(app, apiPath(RESPONDENT_PATHS.ready))).toEqual({ status: 503, body: UNAVAILABLE });
    } finally {
      await app.close();
    }
  });
});
