// Failed sign-ins per key, shared by every server process through the database (the rules are
// ../auth/rate-limit.ts). A claim is one transaction: each key's row is created or locked by an
// upsert that returns it (on PostgreSQL the row lock holds until the commit), the caller decides
// from the rows, and only an allowed attempt is written. So a burst of parallel attempts is
// decided one after the other, never all from the same old row.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface ThrottleRow {
  key: string;
  failures: number;
  /** ISO 8601 UTC of the last counted attempt ('' for a new key). */
  lastAt: string;
}

/**
 * Locks and reads the rows of `keys` (sorted, so two claims never wait for each other in a
 * circle) and hands them to `decide`; when it allows the attempt, each row gets one more
 * failure and `nowIso` as its last attempt. Returns what `decide` returned.
 */
export async function claimAttempt<T extends { allowed: boolean }>(
  db: Kysely<DB>,
  keys: readonly string[],
  nowIso: string,
  decide: (rows: ThrottleRow[]) => T,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const rows: ThrottleRow[] = [];
    for (const key of [...keys].sort()) {
      const row = await trx
        .insertInto('login_throttle')
        .values({ key, failures: 0, last_at: '' })
        .onConflict((oc) => oc.column('key').doUpdateSet({ failures: sql<number>`login_throttle.failures` }))
        .returning(['key', 'failures', 'last_at'])
        .executeTakeFirstOrThrow();
      rows.push({ key: row.key, failures: Number(row.failures), lastAt: row.last_at });
    }
    const decision = decide(rows);
    if (decision.allowed) {
      await trx
        .updateTable('login_throttle')
        .set({ failures: sql<number>`failures + 1`, last_at: nowIso })
        .where('key', 'in', [...keys])
        .execute();
    }
    return decision;
  });
}

/** A success: the username's failures from this address are forgotten. */
export async function clearThrottle(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** A success gives its counted attempt back (a shared office address is not held to it). */
export async function giveBackAttempt(db: Kysely<DB>, key: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ failures: sql<number>`failures - 1` })
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

/** Rows quiet since `cutoffIso` are forgotten; no hashed address is kept longer than that. */
export async function deleteQuietThrottles(db: Kysely<DB>, cutoffIso: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('last_at', '<', cutoffIso).execute();
}
