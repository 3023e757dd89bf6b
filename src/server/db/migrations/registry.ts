// The explicit list of migrations, in order. Add a file and a line here; never edit or remove a
// migration that has shipped — databases in the field have already run it.
import type { Kysely } from 'kysely';
import type { DialectName } from '../database';
import { migration001 } from './001-init';
import { migration002 } from './002-accounts';
import { migration003 } from './003-organisation';
import { migration004 } from './004-reports';

/** A migration that may branch on the dialect where SQLite and PostgreSQL really differ. */
export interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

export const MIGRATIONS: Readonly<Record<string, DialectMigration>> = {
  '001-init': migration001,
  '002-accounts': migration002,
  '003-organisation': migration003,
  '004-reports': migration004,
};
