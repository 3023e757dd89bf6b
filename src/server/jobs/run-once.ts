// Runs a piece of scheduled work once across every server process on one database.
// PostgreSQL: a transaction-scoped advisory lock (pg_try_advisory_xact_lock) keyed on the job's
// name; the process that gets it runs the work inside that transaction, the others skip at once
// and return { ran: false }. The lock is released when the transaction ends, also when the work
// throws or the process dies. SQLite (embedded, one process by the instance lock): the work just
// runs.
//
// runOnce means "never two at the same time", not "never again": the work must itself be
// idempotent. runWhenDue adds "not again before its period": the time of the job's last run is
// kept in the database (server_meta 'job-last-run:<name>'), read and written under the same lock,
// so with N processes, each on its own timer and restarting whenever, the job runs once per period
// in all, not N times. A run that throws records nothing, so the next check runs it again.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import { insertServerMetaIfAbsent, readServerMeta, replaceServerMeta } from '../repositories/server-meta';

export type RunOnceResult<T> = { ran: true; value: T } | { ran: false };

/** Two 32-bit keys from the job name (FNV-1a), so names never need a registry. */
export function jobLockKeys(name: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) | 0;
    b = Math.imul(b ^ c, 0x5bd1e995) | 0;
  }
  return [a, b];
}

/** Takes the job's lock for the rest of `trx`; false when another transaction holds it. */
async function tryJobLock(trx: Transaction<DB>, name: string): Promise<boolean> {
  const [k1, k2] = jobLockKeys(name);
  const got = await sql<{
    ok: boolean;
  }>`select pg_try_advisory_xact_lock(${k1}::int, ${k2}::int) as ok`.execute(trx);
  return got.rows[0]?.ok === true;
}

export async function runOnce<T>(
  database: Database,
  name: string,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<RunOnceResult<T>> {
  if (database.dialect !== 'postgres') {
    return database.kysely
      .transaction()
      .execute(async (trx) => ({ ran: true as const, value: await work(trx) }));
  }
  return database.kysely.transaction().execute(async (trx) => {
    if (!(await tryJobLock(trx, name))) return { ran: false as const };
    return { ran: true as const, value: await work(trx) };
  });
}

/** Where the time of a job's last run is kept (server_meta). */
export const lastRunName = (name: string) => `job-last-run:${name}`;

/** Records `now` as the job's last run, if the record still says `last` (undefined: none yet). */
async function recordRun(db: Kysely<DB>, name: string, last: string | undefined, now: Date) {
  const key = lastRunName(name);
  const stored =
    last === undefined
      ? await insertServerMetaIfAbsent(db, key, now.toISOString())
      : await replaceServerMeta(db, key, last, now.toISOString());
  if (!stored) throw new Error(`The last run of job ${name} changed while it ran`);
}

function isDue(last: string | undefined, everyMs: number, now: Date): boolean {
  if (last === undefined) return true;
  const at = Date.parse(last);
  // Either way: a little ahead is another process's clock; a period ahead, a clock set back,
  // which must not stop the job for good.
  return Number.isNaN(at) || Math.abs(now.getTime() - at) >= everyMs;
}

/**
 * Runs `work` if the job has not run within `everyMs` before `now`, in one process of all: on
 * PostgreSQL under the job's advisory lock (a process that finds it held skips). `work` gets the
 * locking transaction on PostgreSQL and the database on SQLite; it may also use its own
 * connections. { ran: false } when another process is running it or it is not due.
 */
export async function runWhenDue<T>(
  database: Database,
  name: string,
  everyMs: number,
  now: Date,
  work: (db: Kysely<DB>) => Promise<T>,
): Promise<RunOnceResult<T>> {
  if (database.dialect !== 'postgres') {
    // One process, one connection: no transaction around the work, which would hold it.
    const db = database.kysely;
    const last = await readServerMeta(db, lastRunName(name));
    if (!isDue(last, everyMs, now)) return { ran: false };
    const value = await work(db);
    await recordRun(db, name, last, now);
    return { ran: true, value };
  }
  return database.kysely.transaction().execute(async (trx) => {
    if (!(await tryJobLock(trx, name))) return { ran: false as const };
    const last = await readServerMeta(trx, lastRunName(name));
    if (!isDue(last, everyMs, now)) return { ran: false as const };
    const value = await work(trx);
    // Committed with the lock's transaction: a process that takes the lock after it sees it.
    await recordRun(trx, name, last, now);
    return { ran: true as const, value };
  });
}
