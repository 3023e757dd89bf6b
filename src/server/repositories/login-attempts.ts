// Fixed-window counters for login rate limiting, shared by every server process through the
// database. The increment is one atomic upsert that returns the new count, so concurrent attempts
// cannot all slip through between a check and a write.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * Counts one attempt against `key` and returns the count in the current window and when that
 * window started. A window older than `windowStartCutoff` is restarted at `nowIso`.
 */
export async function countAttempt(
  db: Kysely<DB>,
  key: string,
  nowIso: string,
  windowStartCutoff: string,
): Promise<{ count: number; windowStart: string }> {
  const isCurrent = sql<boolean>`login_attempts.window_start > ${windowStartCutoff}`;
  const row = await db
    .insertInto('login_attempts')
    .values({ key, window_start: nowIso, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when ${isCurrent} then login_attempts.count + 1 else 1 end`,
        window_start: sql<string>`case when ${isCurrent} then login_attempts.window_start else excluded.window_start end`,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowStart: row.window_start };
}

/** Takes back one counted attempt (a successful login is not held against a shared address). */
export async function uncountAttempt(db: Kysely<DB>, key: string): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set({ count: sql<number>`${sql.ref('count')} - 1` })
    .where('key', '=', key)
    .where('count', '>', 0)
    .execute();
}

export async function clearAttempts(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Rows whose window has passed say nothing any more; deleting them keeps no hashed address longer than needed. */
export async function deleteStaleAttempts(db: Kysely<DB>, windowStartCutoff: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('window_start', '<=', windowStartCutoff).execute();
}
