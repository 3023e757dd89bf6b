// Staff sessions in the database, keyed by the SHA-256 of the cookie token. Timestamps are ISO
// 8601 UTC text, which sorts and compares correctly as text on both SQLite and PostgreSQL.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface SessionRow {
  id: string;
  userId: string;
  municipalityId: string;
  csrfToken: string;
  expiresAt: string;
  createdAt: string;
  /** null until the first request after sign-in moved it. */
  lastSeenAt: string | null;
  /** The municipality's idle expiry (municipalities.session_idle_hours). */
  idleHours: number;
}

export async function insertSession(
  db: Kysely<DB>,
  session: { id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The session if it exists and has not expired at `nowIso`. */
export async function findLiveSession(
  db: Kysely<DB>,
  id: string,
  nowIso: string,
): Promise<SessionRow | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('municipalities', 'municipalities.id', 'users.municipality_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'users.municipality_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.created_at',
      'sessions.last_seen_at',
      'municipalities.session_idle_hours',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', nowIso)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    userId: row.user_id,
    municipalityId: row.municipality_id,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    idleHours: Number(row.session_idle_hours),
  };
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Every session of the user, or every one but `keepId` (after a password change). */
export async function deleteUserSessions(db: Kysely<DB>, userId: string, keepId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId !== undefined) query = query.where('id', '<>', keepId);
  await query.execute();
}

/** Moves the idle clock of a session to now. */
export async function touchSession(db: Kysely<DB>, id: string, nowIso: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: nowIso }).where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, nowIso: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).execute();
}
