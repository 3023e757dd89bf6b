// Login rate limiting that slows the attacker, not the owner. Failed attempts are counted per
// client address and username together, and per client address alone (an IPv6 address as its
// /64, see ../client-address.ts), never per username alone: an attacker somewhere else cannot lock
// the real user out, however many passwords they try. Each key allows a few failures freely; after
// that every further attempt from it waits for a delay that doubles with each failure, up to a
// cap, and is refused before any password is looked at while it waits (429 with Retry-After).
// - address and username: 5 free, then 30 s, 1 min, 2 min, … up to 15 min between attempts;
// - address alone (many usernames from one place): 20 free, then the same doubling.
// A success forgets the username's failures from that address and gives the address its attempt
// back, so an office of many people behind one address is not held back by its own sign-ins. A key
// quiet for a day is forgotten. Counted in the database before the password is checked, so every
// server process and every parallel request sees the same numbers. Addresses and usernames are
// stored only as keyed hashes. Nothing here is anywhere near an answer.
import type { Kysely } from 'kysely';
import { clientGroup } from '../client-address';
import type { CodeHasher } from '../codes/code-hasher';
import type { DB } from '../db/schema';
import {
  claimAttempt,
  clearThrottle,
  deleteQuietThrottles,
  giveBackAttempt,
  type ThrottleRow,
} from '../repositories/login-throttle';

export const LOGIN_LIMITS = {
  /** Failures allowed without waiting, per address and username. */
  freePerUsername: 5,
  /** Failures allowed without waiting, per address over all usernames. */
  freePerClient: 20,
  firstDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  forgetAfterHours: 24,
} as const;

/** Seconds an attempt must wait after the last one, once `failures` have been counted. */
export function loginDelaySeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  const doublings = Math.min(failures - free, 30);
  return Math.min(LOGIN_LIMITS.maxDelaySeconds, LOGIN_LIMITS.firstDelaySeconds * 2 ** doublings);
}

export type LoginGate =
  { limited: false; userKey: string; clientKey: string } | { limited: true; retryAfterSeconds: number };

/**
 * Counts this attempt before the password is checked, and says whether it must wait. While it
 * waits, even the right password is refused, but only for this address.
 */
export async function beginLoginAttempt(
  db: Kysely<DB>,
  hasher: CodeHasher,
  who: { username: string; clientAddress: string },
  now: Date,
): Promise<LoginGate> {
  const forgetMs = LOGIN_LIMITS.forgetAfterHours * 3600_000;
  await deleteQuietThrottles(db, new Date(now.getTime() - forgetMs).toISOString());
  const client = clientGroup(who.clientAddress);
  const clientKey = `client:${hasher.hashClient(`login\u0000${client}`)}`;
  const userKey = `pair:${hasher.hashClient(`login\u0000${client}\u0000${who.username}`)}`;
  const free = (row: ThrottleRow) =>
    row.key === clientKey ? LOGIN_LIMITS.freePerClient : LOGIN_LIMITS.freePerUsername;
  const waitMs = (row: ThrottleRow) => {
    if (row.lastAt === '') return 0;
    const until = Date.parse(row.lastAt) + loginDelaySeconds(row.failures, free(row)) * 1000;
    return until - now.getTime();
  };
  const decision = await claimAttempt(db, [clientKey, userKey], now.toISOString(), (rows) => {
    const wait = Math.max(0, ...rows.map(waitMs));
    return { allowed: wait <= 0, wait };
  });
  if (!decision.allowed) {
    return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(decision.wait / 1000)) };
  }
  return { limited: false, userKey, clientKey };
}

/** A success wipes the username's failures from this address and gives the address its attempt back. */
export async function loginSucceeded(
  db: Kysely<DB>,
  gate: { userKey: string; clientKey: string },
): Promise<void> {
  await clearThrottle(db, gate.userKey);
  await giveBackAttempt(db, gate.clientKey);
}
