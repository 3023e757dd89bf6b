// Starting, reading and ending staff sessions. The cookie holds a random token; the database holds
// only its SHA-256 as the session id, with a per-session CSRF token and an absolute expiry. A
// session also ends when it was not used for the municipality's idle hours (issue 15), and a
// person without any role is signed out: their session no longer counts.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { loadRoles } from '../repositories/accounts';
import {
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  insertSession,
  touchSession,
} from '../repositories/sessions';
import { readSessionToken, SESSION_DAYS } from './cookie';
import type { StaffPrincipal } from './policy';
import { randomToken, sha256Hex } from './tokens';

/** How stale the idle clock may get before a request moves it. */
export const TOUCH_EVERY_MS = 60_000;

export interface StartedSession {
  /** For the cookie only; never stored. */
  token: string;
  sessionId: string;
  csrfToken: string;
}

export async function startSession(db: Kysely<DB>, userId: string, now: Date): Promise<StartedSession> {
  const token = randomToken();
  const session = { id: sha256Hex(token), userId, csrfToken: randomToken() };
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  // Housekeeping on sign-in rather than on a timer, so no process needs a background job.
  await deleteExpiredSessions(db, now.toISOString());
  await insertSession(db, { ...session, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { token, sessionId: session.id, csrfToken: session.csrfToken };
}

export interface ResolvedSession {
  principal: StaffPrincipal;
  csrfToken: string;
}

/** The signed-in staff member behind the request's cookie, with their roles as they are now. */
export async function resolveSession(
  db: Kysely<DB>,
  request: FastifyRequest,
  now: Date,
): Promise<ResolvedSession | undefined> {
  const token = readSessionToken(request);
  if (token === undefined || token.length > 100) return undefined;
  const session = await findLiveSession(db, sha256Hex(token), now.toISOString());
  if (!session) return undefined;
  const lastSeen = Date.parse(session.lastSeenAt ?? session.createdAt);
  if (now.getTime() - lastSeen >= session.idleHours * 3_600_000) {
    await deleteSession(db, session.id);
    return undefined;
  }
  const roles = (await loadRoles(db, [session.userId])).get(session.userId) ?? [];
  // Roles all removed: signed out (the removal deletes the sessions too; this covers any other way).
  if (roles.length === 0) return undefined;
  // At most about once a minute, so a read is not a write every time.
  if (session.lastSeenAt === null || now.getTime() - lastSeen >= TOUCH_EVERY_MS) {
    await touchSession(db, session.id, now.toISOString());
  }
  return {
    principal: {
      userId: session.userId,
      municipalityId: session.municipalityId,
      roles,
      sessionId: session.id,
    },
    csrfToken: session.csrfToken,
  };
}
