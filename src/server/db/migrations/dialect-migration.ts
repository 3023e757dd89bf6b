// The shape every migration has. Its own module, not the registry's: the registry imports every
// migration, so a migration importing the registry back would make an import cycle.
import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/** A migration that may branch on the dialect where SQLite and PostgreSQL really differ. */
export interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}
