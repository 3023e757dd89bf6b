// A round's name in other languages (issue 16): rounds.name stays the name in the round's default
// language; name_translations holds the names given for the other languages as a JSON object
// ({"nn": "Medarbeidarundersøkinga 2026"}), '{}' when there are none (every round made before).
import type { Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

export const migration008: DialectMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('rounds')
      .addColumn('name_translations', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
  },
};
