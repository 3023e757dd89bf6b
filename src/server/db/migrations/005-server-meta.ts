// What the server keeps about itself, beside the data: named values (server_meta: the fingerprint
// of the code key, so a start with another key is refused instead of making every issued code
// unknown) and the one row the readiness check writes to prove the database takes writes
// (readiness_probe). Both start empty: the server writes them at start and on each readiness check.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

export const migration005: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;

    await db.schema
      .createTable('server_meta')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .modifyEnd(withoutRowid)
      .execute();

    await db.schema
      .createTable('readiness_probe')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('flip', 'integer', (c) => c.notNull().check(sql`flip in (0, 1)`))
      .execute();
  },
};
