import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';

const TABLES = [
  'aggregate_counts',
  'aggregate_totals',
  'municipalities',
  'questionnaires',
  'responses',
  'rounds',
  'units',
];

describeEachDatabase('migrations', (dialect) => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    database = testDb.connect();
  });
  afterAll(async () => {
    await database.close();
    await testDb.dispose();
  });

  it('migrates an empty database to the latest schema', async () => {
    expect(await migrateToLatest(database)).toEqual(['001-init']);
    const tables = await database.kysely.introspection.getTables();
    expect(tables.map((t) => t.name).filter((name) => !name.startsWith('kysely_'))).toEqual(TABLES);
    for (const table of TABLES) {
      const rows = await database.kysely
        .selectFrom(table as 'units')
        .selectAll()
        .execute();
      expect(rows).toEqual([]);
    }
  });

  it('runs no migration twice', async () => {
    expect(await migrateToLatest(database)).toEqual([]);
  });

  it('keeps round settings portable: booleans as 0/1 and the documented defaults', async () => {
    const db = database.kysely;
    await db
      .insertInto('municipalities')
      .values({ id: 'm', name: 'M', number: '0301', language: 'nn' })
      .execute();
    await db
      .insertInto('units')
      .values({ id: 'u', municipality_id: 'm', parent_id: null, name: 'U', unit_type: null })
      .execute();
    await db.insertInto('questionnaires').values({ version: 'v', content: '{}' }).execute();
    const round = {
      id: 'r',
      municipality_id: 'm',
      unit_id: 'u',
      name: 'R',
      opens_on: '2026-03-01',
      closes_on: '2026-03-14',
      status: 'draft' as const,
      default_language: 'nn' as const,
      questionnaire_version: 'v',
    };
    await db.insertInto('rounds').values(round).execute();
    const stored = await db.selectFrom('rounds').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      threshold: 5,
      grace_days: 7,
      open_question_enabled: 0,
      background_enabled: 0,
    });
    await expect(
      db
        .insertInto('rounds')
        .values({ ...round, id: 'r2', threshold: 2 })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto('rounds')
        .values({ ...round, id: 'r3', background_enabled: 2 })
        .execute(),
    ).rejects.toThrow();
  });
});
