// The first schema. Portable types only (text, integer); dates are 'YYYY-MM-DD' text and
// booleans 0/1 integers with CHECKs, so both dialects hold exactly the same values.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

export const migration001: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    // In SQLite an ordinary table has a hidden rowid that grows with every insert and so tells the
    // arrival order of responses; WITHOUT ROWID keeps rows in primary-key (random UUID) order.
    const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;
    const isBoolean = (column: string) => sql`${sql.ref(column)} in (0, 1)`;

    await db.schema
      .createTable('municipalities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('nb', 'nn')`))
      .execute();

    await db.schema
      .createTable('units')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
      .addColumn('parent_id', 'text', (c) => c.references('units.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit_type', 'text')
      .execute();
    await db.schema.createIndex('units_parent').on('units').column('parent_id').execute();
    await db.schema.createIndex('units_municipality').on('units').column('municipality_id').execute();

    await db.schema
      .createTable('questionnaires')
      .addColumn('version', 'text', (c) => c.primaryKey())
      .addColumn('content', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('rounds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('opens_on', 'text', (c) => c.notNull())
      .addColumn('closes_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('draft', 'open', 'closed', 'published')`),
      )
      .addColumn('default_language', 'text', (c) =>
        c.notNull().check(sql`default_language in ('nb', 'nn', 'en')`),
      )
      // Never below 3: smaller groups could be identified (domain brief).
      .addColumn('threshold', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(5)
          .check(sql`threshold >= 3`),
      )
      .addColumn('open_question_enabled', 'integer', (c) =>
        c.notNull().defaultTo(0).check(isBoolean('open_question_enabled')),
      )
      .addColumn('background_enabled', 'integer', (c) =>
        c.notNull().defaultTo(0).check(isBoolean('background_enabled')),
      )
      .addColumn('grace_days', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(7)
          .check(sql`grace_days >= 0`),
      )
      .addColumn('questionnaire_version', 'text', (c) => c.notNull().references('questionnaires.version'))
      .addCheckConstraint('rounds_dates_ordered', sql`opens_on <= closes_on`)
      .execute();
    await db.schema.createIndex('rounds_municipality').on('rounds').column('municipality_id').execute();

    await db.schema
      .createTable('responses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('questionnaire_version', 'text', (c) => c.notNull().references('questionnaires.version'))
      .addColumn('answered_on', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('background', 'text', (c) => c.notNull())
      .addColumn('open_text', 'text')
      .modifyEnd(withoutRowid)
      .execute();
    await db.schema
      .createIndex('responses_round_unit')
      .on('responses')
      .columns(['round_id', 'unit_id'])
      .execute();

    await db.schema
      .createTable('aggregate_counts')
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('statement_id', 'text', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull().check(sql`value between 0 and 5`))
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('aggregate_counts_pk', ['round_id', 'unit_id', 'statement_id', 'value'])
      .modifyEnd(withoutRowid)
      .execute();

    await db.schema
      .createTable('aggregate_totals')
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('responses', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('aggregate_totals_pk', ['round_id', 'unit_id'])
      .modifyEnd(withoutRowid)
      .execute();
  },
};
