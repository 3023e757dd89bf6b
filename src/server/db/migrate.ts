// Runs the registered migrations up to the latest. Kysely's migrator keeps its own bookkeeping
// tables and a lock, so several processes starting at once on PostgreSQL migrate only once.
import { Migrator, type Migration } from 'kysely';
import type { Database } from './database';
import { MIGRATIONS } from './migrations/registry';

export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    migrations[name] = { up: (db) => migration.up(db, database.dialect) };
  }
  const migrator = new Migrator({
    db: database.kysely,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined)
    throw error instanceof Error ? error : new Error('Migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
