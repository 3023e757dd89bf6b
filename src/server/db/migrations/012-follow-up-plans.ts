// Follow-up plans (issue 12): one plan per unit and round, its focus factors, goals and measures,
// its quarterly reviews with a decision per measure, the public "Dette gjør vi" link (only the
// SHA-256 of its token is stored) and the municipality's number of focus factors. A plan is about
// the unit: no table here refers to a response or holds anything per employee. Accounts (agreed
// by, seen by, responsible) are kept by id without a foreign key, so removing an account never
// fails on an old plan; the plan then shows no name. Units likewise: the round refers to its tree.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

const among = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

export const migration012: DialectMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('municipalities')
      .addColumn('plan_focus_factors', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(2)
          .check(sql`plan_focus_factors between 1 and 3`),
      )
      .execute();

    await db.schema
      .createTable('plans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('based_on_unit_id', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(among('status', ['draft', 'agreed', 'in_progress', 'evaluated', 'closed'])),
      )
      .addColumn('review_interval_months', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(3)
          .check(sql`review_interval_months between 1 and 12`),
      )
      .addColumn('next_review_on', 'text')
      .addColumn('agreed_on', 'text')
      .addColumn('agreed_by', 'text')
      .addColumn('safety_consulted_on', 'text')
      .addColumn('safety_seen_by', 'text')
      .addColumn('safety_seen_on', 'text')
      .addColumn('union_consulted_on', 'text')
      .addColumn('union_seen_by', 'text')
      .addColumn('union_seen_on', 'text')
      .addColumn('created_on', 'text', (c) => c.notNull())
      .addColumn('updated_on', 'text', (c) => c.notNull())
      .addUniqueConstraint('plans_round_unit', ['round_id', 'unit_id'])
      .execute();
    await db.schema.createIndex('plans_unit').on('plans').column('unit_id').execute();

    await db.schema
      .createTable('plan_focus_factors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('factor_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(among('kind', ['keep', 'improve'])))
      .addColumn('why', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('figure', 'real')
      .addColumn('carried_from_id', 'text')
      .addColumn('carried_choice', 'text', (c) => c.check(sql`carried_choice in ('continue', 'change')`))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addUniqueConstraint('plan_focus_factors_factor', ['plan_id', 'factor_id'])
      .execute();

    await db.schema
      .createTable('plan_goals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('focus_factor_id', 'text', (c) =>
        c.notNull().references('plan_focus_factors.id').onDelete('cascade'),
      )
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('how_we_know', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('plan_goals_plan').on('plan_goals').column('plan_id').execute();

    await db.schema
      .createTable('plan_measures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('focus_factor_id', 'text', (c) =>
        c.notNull().references('plan_focus_factors.id').onDelete('cascade'),
      )
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('responsible_account_id', 'text')
      .addColumn('responsible_role', 'text')
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(among('status', ['not_started', 'in_progress', 'stuck', 'done', 'dropped'])),
      )
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addCheckConstraint(
        'plan_measures_one_responsible',
        sql`(responsible_account_id is null) <> (responsible_role is null)`,
      )
      .execute();
    await db.schema.createIndex('plan_measures_plan').on('plan_measures').column('plan_id').execute();

    await db.schema
      .createTable('plan_reviews')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('plan_reviews_plan').on('plan_reviews').column('plan_id').execute();

    await db.schema
      .createTable('plan_review_items')
      .addColumn('review_id', 'text', (c) => c.notNull().references('plan_reviews.id').onDelete('cascade'))
      .addColumn('measure_id', 'text', (c) => c.notNull().references('plan_measures.id').onDelete('cascade'))
      .addColumn('decision', 'text', (c) => c.notNull().check(among('decision', ['keep', 'adjust', 'drop'])))
      .addPrimaryKeyConstraint('plan_review_items_pk', ['review_id', 'measure_id'])
      .execute();

    await db.schema
      .createTable('plan_public_links')
      // SHA-256 of the token, hex: the token itself is never stored.
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().unique().references('plans.id').onDelete('cascade'))
      .addColumn('created_on', 'text', (c) => c.notNull())
      .execute();
  },
};
