// Runs the registered migrations up to the latest. Kysely's migrator keeps its own bookkeeping
// tables and a lock, so several processes starting at once on PostgreSQL migrate only once.
import { Migrator, sql, type Migration } from 'kysely';
import type { Database } from './database';
import { MIGRATIONS } from './migrations/registry';

export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    migrations[name] = { up: (db) => migration.up(db, database.dialect) };
  }
  const migrator = new Migrator({
    db: database.kysely,
    // Kysely looks for its bookkeeping tables in every schema unless told which one; with several
    // databases side by side on one PostgreSQL (one schema each, as the tests do) it would find
    // another schema's tables and skip creating its own.
    ...(database.dialect === 'postgres' && { migrationTableSchema: await currentSchema(database) }),
    // 017-meetings came after 020 was numbered: a database that has run 020 runs 017 next.
    allowUnorderedMigrations: true,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined)
    throw error instanceof Error ? error : new Error('Migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentSchema(database: Database): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.kysely);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema (check search_path)');
  return schema;
}
