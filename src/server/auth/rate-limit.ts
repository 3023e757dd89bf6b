// Login rate limiting: at most 5 failed attempts per username and 20 per client address in a
// 15-minute window, counted in the database so every server process sees the same numbers. The
// address is used for this and nothing else; it is hashed before it is stored, and the row is
// deleted once its window has passed. Nothing here is anywhere near an answer.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import {
  clearAttempts,
  countAttempt,
  deleteStaleAttempts,
  uncountAttempt,
} from '../repositories/login-attempts';
import { sha256Hex } from './tokens';

export const LOGIN_LIMITS = { windowMinutes: 15, perUsername: 5, perClient: 20 } as const;

export type LoginGate =
  { limited: false; userKey: string; clientKey: string } | { limited: true; retryAfterSeconds: number };

/**
 * Counts this attempt before the password is checked (so a burst of parallel guesses cannot all
 * pass a check made before any of them is counted), and says whether it is over a limit. While
 * limited, even the right password is refused.
 */
export async function beginLoginAttempt(
  db: Kysely<DB>,
  who: { username: string; clientAddress: string },
  now: Date,
): Promise<LoginGate> {
  const windowMs = LOGIN_LIMITS.windowMinutes * 60 * 1000;
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  await deleteStaleAttempts(db, cutoff);
  const userKey = `user:${sha256Hex(`user\u0000${who.username}`)}`;
  const clientKey = `client:${sha256Hex(`client\u0000${who.clientAddress}`)}`;
  const user = await countAttempt(db, userKey, now.toISOString(), cutoff);
  const client = await countAttempt(db, clientKey, now.toISOString(), cutoff);
  const over = [
    user.count > LOGIN_LIMITS.perUsername ? user.windowStart : undefined,
    client.count > LOGIN_LIMITS.perClient ? client.windowStart : undefined,
  ].filter((start) => start !== undefined);
  if (over.length === 0) return { limited: false, userKey, clientKey };
  const windowEnds = Math.max(...over.map((start) => Date.parse(start) + windowMs));
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)) };
}

/** A success wipes the username's failures and gives the shared address its attempt back. */
export async function loginSucceeded(
  db: Kysely<DB>,
  gate: { userKey: string; clientKey: string },
): Promise<void> {
  await clearAttempts(db, gate.userKey);
  await uncountAttempt(db, gate.clientKey);
}
