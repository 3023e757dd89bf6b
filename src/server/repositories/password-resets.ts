// One-time password links an admin makes for another person (018), stored as the SHA-256 of the
// token. A person has at most one: a new link replaces the old.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Run inside a transaction: the old link goes and the new one comes as one change. */
export async function replacePasswordReset(
  db: Kysely<DB>,
  reset: { hash: string; userId: string; expiresAt: string; createdAt: string },
): Promise<void> {
  await db.deleteFrom('password_resets').where('user_id', '=', reset.userId).execute();
  await db
    .insertInto('password_resets')
    .values({
      hash: reset.hash,
      user_id: reset.userId,
      expires_at: reset.expiresAt,
      created_at: reset.createdAt,
    })
    .execute();
}

/** The account of a live link. */
export function findLivePasswordReset(db: Kysely<DB>, hash: string, nowIso: string) {
  return db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select(['password_resets.user_id', 'users.username', 'users.display_name'])
    .where('password_resets.hash', '=', hash)
    .where('password_resets.expires_at', '>', nowIso)
    .executeTakeFirst();
}

/** Uses the link up: true only for the one request whose delete removed a live link. */
export async function takePasswordReset(db: Kysely<DB>, hash: string, nowIso: string): Promise<boolean> {
  const removed = await db
    .deleteFrom('password_resets')
    .where('hash', '=', hash)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
  return Number(removed.numDeletedRows) === 1;
}

export async function deleteExpiredPasswordResets(db: Kysely<DB>, nowIso: string): Promise<void> {
  await db.deleteFrom('password_resets').where('expires_at', '<=', nowIso).execute();
}
