// One migrated, seeded database and an app on it, per suite.
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from '../../../src/server/app';
import type { Database, DialectName } from '../../../src/server/db/database';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { createTestDatabase, type TestDatabase } from './databases';
import { NOW, seedFixtures, TEST_CODE_HASH_KEY } from './fixtures';

export interface TestEnvironment {
  testDb: TestDatabase;
  database: Database;
  app: FastifyInstance;
  /** Another app with its own connection (pool) to the same database. */
  secondApp(options?: Partial<BuildAppOptions>): FastifyInstance;
  dispose(): Promise<void>;
}

export async function createEnvironment(
  dialect: DialectName,
  options: { seed?: boolean; app?: Partial<BuildAppOptions> } = {},
): Promise<TestEnvironment> {
  const testDb = await createTestDatabase(dialect);
  const database = testDb.connect();
  await migrateToLatest(database);
  if (options.seed ?? true) await seedFixtures(database.kysely);
  const apps: FastifyInstance[] = [];
  const secondApp = (extra: Partial<BuildAppOptions> = {}) => {
    const app = buildApp({ db: testDb.connect(), now: () => NOW, codeHashKey: TEST_CODE_HASH_KEY, ...extra });
    apps.push(app);
    return app;
  };
  const app = buildApp({ db: database, now: () => NOW, codeHashKey: TEST_CODE_HASH_KEY, ...options.app });
  return {
    testDb,
    database,
    app,
    secondApp,
    dispose: async () => {
      for (const a of [app, ...apps]) await a.close();
      await testDb.dispose();
    },
  };
}
