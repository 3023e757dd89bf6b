// The municipality report's background breakdowns, worked out once per round's counts and kept
// for every process (issue 14: the cross rule took seconds on a large municipality's first read).
// Deleted with its round.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

export const migration020: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;
    await db.schema
      .createTable('background_breakdowns')
      .addColumn('round_id', 'text', (c) => c.primaryKey().references('rounds.id').onDelete('cascade'))
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('breakdowns', 'text', (c) => c.notNull())
      .modifyEnd(withoutRowid)
      .execute();
  },
};
