// Processes that start at the same moment on one empty PostgreSQL each ask "no municipality yet?"
// and seed the demo (demo/seed-on-start.ts): the seed runs once, under an advisory lock, and every
// start goes on. Before, both seeded: twice the codes and figures, or one start failed on a key
// another had just written. Each "process" here is a connection pool of its own to one fresh
// database. SQLite is left out on purpose: one process owns its DATA_DIR (db/instance-lock.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { DEMO_CODE_COUNT, DEMO_IDS } from '../../src/server/demo/seed-demo';
import { seedDemoOnStart } from '../../src/server/demo/seed-on-start';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from './support/databases';
import { NOW, TEST_CODE_HASHER } from './support/fixtures';

describe.skipIf(!TEST_DATABASE_URL)('the demo seed of starts at the same moment on postgres', () => {
  let testDb: TestDatabase;
  const pools: Database[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    for (let i = 0; i < 3; i++) pools.push(testDb.connect());
    await migrateToLatest(pools[0]!);
  });
  afterAll(async () => {
    for (const pool of pools) await pool.close();
    await testDb?.dispose();
  });

  const count = async (
    table: 'municipalities' | 'users' | 'rounds' | 'one_time_codes' | 'national_figures',
  ) =>
    Number(
      (
        await pools[0]!.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('seeds one demo municipality, once, and every start finishes', async () => {
    const results = await Promise.all(
      pools.slice(0, 2).map((pool) => seedDemoOnStart(pool, TEST_CODE_HASHER, NOW)),
    );
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    const seeded = results.find((r) => r.seeded)!;
    expect(seeded.codes).toHaveLength(DEMO_CODE_COUNT);
    expect(results.find((r) => !r.seeded)!.codes).toEqual([]);

    const municipalities = await pools[0]!.kysely.selectFrom('municipalities').select('id').execute();
    expect(municipalities).toEqual([{ id: DEMO_IDS.municipality }]);
    // One seed's worth: the open round and two report rounds, four logins (admin, leader, privacy officer, the plan's
    // safety rep), the open round's 20
    // codes and the report rounds' invitations (2 × 77), the made-up national figures once.
    expect(await count('rounds')).toBe(3);
    expect(await count('users')).toBe(4);
    const demoRoundCodes = await pools[0]!.kysely
      .selectFrom('one_time_codes')
      .select('code_hash')
      .where('round_id', '=', DEMO_IDS.round)
      .execute();
    expect(demoRoundCodes).toHaveLength(DEMO_CODE_COUNT);
    expect(await count('one_time_codes')).toBe(DEMO_CODE_COUNT + 2 * 77);
    expect(await count('national_figures')).toBe(2 * 3 * 10);
  }, 60_000);

  it('a later start finds the municipality and seeds nothing', async () => {
    expect(await seedDemoOnStart(pools[2]!, TEST_CODE_HASHER, NOW)).toEqual({ seeded: false, codes: [] });
    expect(await count('municipalities')).toBe(1);
    expect(await count('one_time_codes')).toBe(DEMO_CODE_COUNT + 2 * 77);
  });
});
