import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/server/db/migrate';
import { MIGRATIONS } from '../../src/server/db/migrations/registry';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';

/** The tables each migration creates: a new migration adds its line. */
const TABLES_BY_MIGRATION: Record<string, string[]> = {
  '001-init': [
    'aggregate_counts',
    'aggregate_totals',
    'municipalities',
    'questionnaires',
    'responses',
    'rounds',
    'units',
  ],
  '002-accounts': ['login_attempts', 'role_assignments', 'sessions', 'setup_tokens', 'users'],
  '003-organisation': [
    'code_check_limits',
    'kiosk_enrolments',
    'kiosks',
    'one_time_codes',
    'refused_counts',
    'unit_types',
  ],
};
const TABLES = Object.keys(MIGRATIONS)
  .flatMap((name) => TABLES_BY_MIGRATION[name] ?? [`(add ${name} to TABLES_BY_MIGRATION)`])
  .sort();

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
    expect(await migrateToLatest(database)).toEqual(Object.keys(MIGRATIONS));
    // On PostgreSQL the introspection sees every schema; other test files run side by side in theirs.
    const schema =
      dialect === 'postgres'
        ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.kysely)).rows[0]
            ?.schema
        : undefined;
    const tables = (await database.kysely.introspection.getTables()).filter((t) => t.schema === schema);
    expect(tables.map((t) => t.name).filter((name) => !name.startsWith('kysely_'))).toEqual(TABLES);
    // unit_types starts with the fixed list (its own test below); every other table starts empty.
    for (const table of TABLES.filter((t) => t !== 'unit_types')) {
      const rows = await database.kysely
        .selectFrom(table as 'units')
        .selectAll()
        .execute();
      expect(rows).toEqual([]);
    }
  });

  it('seeds the extendable list of unit types, codes with labels in nb, nn and en', async () => {
    const types = await database.kysely.selectFrom('unit_types').selectAll().orderBy('code').execute();
    expect(types.map((t) => t.label_nb)).toEqual(
      expect.arrayContaining([
        'Barnehage',
        'Skole barnetrinn',
        'Sykehjem',
        'Hjemmetjeneste',
        'Teknisk',
        'NAV',
      ]),
    );
    expect(types).toHaveLength(10);
    expect(types.every((t) => t.label_nn !== '' && t.label_en !== '')).toBe(true);
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
