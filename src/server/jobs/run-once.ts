// Runs a piece of scheduled work once across every server process on one database.
// PostgreSQL: a transaction-scoped advisory lock (pg_try_advisory_xact_lock) keyed on the job's
// name; the process that gets it runs the work inside that transaction, the others skip at once
// and return { ran: false }. The lock is released when the transaction ends, also when the
// process dies. SQLite (embedded, one process by the instance lock): the work just runs.
// The work must itself be idempotent (a second run later finds nothing due), since "once" means
// "never two at the same time", not "never again".
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';

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
  const [k1, k2] = jobLockKeys(name);
  return database.kysely.transaction().execute(async (trx) => {
    const got = await sql<{
      ok: boolean;
    }>`select pg_try_advisory_xact_lock(${k1}::int, ${k2}::int) as ok`.execute(trx);
    if (!got.rows[0]?.ok) return { ran: false as const };
    return { ran: true as const, value: await work(trx) };
  });
}
