// The contacts the processing record names (GDPR Art. 30(1)(a)): how to reach the controller (the
// municipality, e.g. its postmottak) and its data protection officer (personvernombud). Free text
// an admin writes; null until then, and the record says what is missing.
import type { Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

export const migration021: DialectMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('municipalities').addColumn('controller_contact', 'text').execute();
    await db.schema.alterTable('municipalities').addColumn('dpo_contact', 'text').execute();
  },
};
