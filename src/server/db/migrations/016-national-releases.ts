// National releases (issue 14): the national average computed once, by the scheduled job or the
// operator, stored per year and unit type with a version and a date, and read by reports as a
// lookup. Only figures at one decimal are kept: nothing here names a unit, a round or a person.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

export const migration016: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;
    await db.schema
      .createTable('national_releases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('unit_type', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('released_at', 'text', (c) => c.notNull())
      .addColumn('municipalities', 'integer', (c) => c.notNull())
      .addColumn('min_municipalities', 'integer', (c) => c.notNull())
      .addUniqueConstraint('national_releases_version', ['year', 'unit_type', 'version'])
      .addCheckConstraint(
        'national_releases_min',
        sql`min_municipalities >= 3 and municipalities >= min_municipalities`,
      )
      .execute();
    await db.schema
      .createTable('national_release_figures')
      .addColumn('release_id', 'text', (c) => c.notNull().references('national_releases.id'))
      .addColumn('factor_id', 'text', (c) => c.notNull())
      .addColumn('average', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('national_release_figures_pk', ['release_id', 'factor_id'])
      .modifyEnd(withoutRowid)
      .execute();
  },
};
