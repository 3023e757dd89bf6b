// 014-operator: every municipality gets a unique entry address made from its name, the column
// refuses what is no slug, and a new municipality without one gets one too.
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { MIGRATIONS } from '../../src/server/db/migrations/registry';
import { insertMunicipality } from '../../src/server/repositories/organisation';
import { isEntrySlug, slugifyName } from '../../src/shared/entry-slug';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';

async function migrateUpTo(database: Database, last: string): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    if (name <= last) migrations[name] = { up: (db) => migration.up(db, database.dialect) };
  }
  const schema =
    database.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.kysely)).rows[0]
          ?.schema
      : undefined;
  const migrator = new Migrator({
    db: database.kysely,
    ...(schema !== undefined && { migrationTableSchema: schema }),
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error('Migration failed');
}

it('makes slugs from Norwegian names', () => {
  expect(slugifyName('Bærum')).toBe('baerum');
  expect(slugifyName('Ørland kommune')).toBe('orland-kommune');
  expect(slugifyName('Våler (Innlandet)')).toBe('valer-innlandet');
  expect(slugifyName('Guovdageaidnu – Kautokeino')).toBe('guovdageaidnu-kautokeino');
  expect(slugifyName('!!')).toBe('kommune');
  expect(isEntrySlug('oslo')).toBe(true);
  for (const bad of ['Oslo', '-oslo', 'oslo-', 'os--lo', 'o', 'os lo', 'osl/o', 'a'.repeat(64)]) {
    expect(isEntrySlug(bad)).toBe(false);
  }
});

describeEachDatabase('014-operator', (dialect) => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    database = testDb.connect();
    await migrateUpTo(database, '013-round-preparation');
    const db = database.kysely as unknown as Kysely<{
      municipalities: { id: string; name: string; number: string; language: string };
    }>;
    await db
      .insertInto('municipalities')
      .values([
        { id: 'a', name: 'Bærum', number: '3024', language: 'nb' },
        { id: 'b', name: 'BÆRUM', number: '9999', language: 'nb' },
        { id: 'c', name: 'Ås', number: '3021', language: 'nb' },
      ])
      .execute();
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database.close();
    await testDb.dispose();
  });

  it('gives every existing municipality its own slug', async () => {
    const rows = await database.kysely
      .selectFrom('municipalities')
      .select(['id', 'entry_slug'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'a', entry_slug: 'baerum' },
      { id: 'b', entry_slug: 'baerum-2' },
      { id: 'c', entry_slug: 'as' },
    ]);
  });

  it('refuses a second municipality with the same slug, and one that is no slug', async () => {
    const db = database.kysely;
    const row = { name: 'X', number: '1111', language: 'nb' as const };
    await expect(
      db
        .insertInto('municipalities')
        .values({ ...row, id: 'x', entry_slug: 'as' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto('municipalities')
        .values({ ...row, id: 'y', entry_slug: 'Has Space' })
        .execute(),
    ).rejects.toThrow();
  });

  it('makes a free slug for a new municipality that brings none', async () => {
    await insertMunicipality(database.kysely, { id: 'd', name: 'Bærum', number: '1234', language: 'nb' });
    const row = await database.kysely
      .selectFrom('municipalities')
      .select('entry_slug')
      .where('id', '=', 'd')
      .executeTakeFirstOrThrow();
    expect(row.entry_slug).toBe('baerum-3');
  });
});
