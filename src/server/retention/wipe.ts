// What deleted rows leave below SQL, wiped after retention or a round's deletion, as the release
// does after it empties the sealed inbox (../release/release-round.ts): SQLite zeroes freed pages
// (secure_delete is on from the open, db/database.ts) and here truncates its write-ahead log, which
// still holds the pages as they were; PostgreSQL's VACUUM removes the dead row versions, which a
// copy of the data directory would otherwise still show. Outside any transaction (VACUUM cannot
// run in one).
import { sql } from 'kysely';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';

export async function wipeDeletedRows(database: Database, tables: readonly (keyof DB)[]): Promise<void> {
  if (database.dialect === 'sqlite') {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(database.kysely);
    return;
  }
  for (const table of [...new Set(tables)]) await sql`vacuum ${sql.table(table)}`.execute(database.kysely);
}
