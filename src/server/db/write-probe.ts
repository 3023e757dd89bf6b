// Proof that the database takes writes, for the readiness check and the start: one transaction
// that rewrites the single row of readiness_probe (005-server-meta), committed like any other
// write, so it meets what a real write meets: a read-only file or folder, a full disk, another
// process's lock, a standby PostgreSQL, a lost connection.
import { sql } from 'kysely';
import type { Database } from './database';
import { describeCause, StartRefused } from './start-refused';

export async function probeWrite(database: Database): Promise<void> {
  await database.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('readiness_probe')
      .values({ id: 1, flip: 1 })
      .onConflict((oc) => oc.column('id').doUpdateSet({ flip: sql<number>`1 - readiness_probe.flip` }))
      .execute();
  });
}

/** What to do about each kind of write failure at start, by error code prefix. */
const HINTS: [RegExp, string][] = [
  [
    /^SQLITE_(READONLY|CANTOPEN|PERM)/,
    'Make the database file and its folder (DATA_DIR, where SQLite keeps its -wal and -shm files) writable for the user running tifaktor.',
  ],
  [/^SQLITE_FULL|^53100$/, 'The disk is full: make room and start again.'],
  [/^SQLITE_(BUSY|LOCKED)/, 'Another process holds the database: stop it and start again.'],
  [/^SQLITE_IOERR/, 'The disk under the database failed a write: check it and start again.'],
  [/^25006$/, 'This PostgreSQL is read-only (a standby?): point DATABASE_URL at the primary.'],
];

/**
 * A failure to open, migrate or write the database at start that the operator must fix becomes a
 * StartRefused naming the database and what to do; any other error is returned as it is (a bug
 * stays a bug, with its stack). `where` names the database without a password.
 */
export function refuseUnwritable(error: unknown, where: string): unknown {
  if (error instanceof StartRefused) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const hint = HINTS.find(([pattern]) => typeof code === 'string' && pattern.test(code))?.[1];
  if (hint === undefined) return error;
  return new StartRefused(
    `The database ${where} does not take writes (${describeCause(error)}), so tifaktor will not start. ${hint}`,
    { cause: error },
  );
}
