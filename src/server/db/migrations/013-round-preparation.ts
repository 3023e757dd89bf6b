// The round's preparation kit (issue 12): the phases of its progress plan the admin has dated by
// hand. A phase without a row takes its default dates from the round's window
// (src/shared/preparation.ts), so a round made before this migration has a full plan at once and
// the survey phase, which is always the round's own window, never has a row. No person, no answer.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

export const migration013: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;
    await db.schema
      .createTable('round_phases')
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('round_phases_pk', ['round_id', 'phase'])
      .addCheckConstraint('round_phases_dates', sql`starts_on <= ends_on`)
      .modifyEnd(withoutRowid)
      .execute();
  },
};
