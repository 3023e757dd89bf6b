// Signing in and changing one's password: the password check is rate limited (rate-limit.ts: an
// exponential backoff per address and username and per address, never a lockout of the username)
// and costs the same scrypt work, with the same answer, whether or not the account exists. A
// caller that must wait gets `limited` back with the seconds to wait (the route sends Retry-After
// and RATE_LIMITED), even with the right password.
import type { Kysely } from 'kysely';
import { normalizeUsername, type Account } from '../../shared/api/staff';
import { ApiError } from '../api-error';
import type { CodeHasher } from '../codes/code-hasher';
import type { DB } from '../db/schema';
import {
  findAccount,
  findLoginCandidates,
  findPasswordHash,
  updatePasswordHash,
} from '../repositories/accounts';
import { deleteSession, deleteUserSessions } from '../repositories/sessions';
import { dummyPasswordHash, hashPassword, isPasswordHash, verifyPassword } from './password';
import type { StaffPrincipal } from './policy';
import { beginLoginAttempt, loginSucceeded } from './rate-limit';
import { startSession, type StartedSession } from './session';
import { sha256Hex } from './tokens';

export interface RateLimited {
  limited: true;
  retryAfterSeconds: number;
}

/** storedHash undefined: no such account; the check still does the work and answers false. */
async function checkPassword(
  db: Kysely<DB>,
  hasher: CodeHasher,
  attempt: { username: string; clientAddress: string; password: string; storedHash: string | undefined },
  now: Date,
): Promise<RateLimited | { limited: false; ok: boolean }> {
  const gate = await beginLoginAttempt(
    db,
    hasher,
    { username: attempt.username, clientAddress: attempt.clientAddress },
    now,
  );
  if (gate.limited) return gate;
  // An account without a password (made at sign-in through the identity provider) costs the same
  // work as an unknown one and is refused the same way.
  const usable =
    attempt.storedHash !== undefined && isPasswordHash(attempt.storedHash) ? attempt.storedHash : undefined;
  const ok =
    (await verifyPassword(attempt.password, usable ?? (await dummyPasswordHash()))) && usable !== undefined;
  if (ok) await loginSucceeded(db, gate);
  return { limited: false, ok };
}

/**
 * The account a login names, if the password is right: INVALID_CREDENTIALS for a wrong password,
 * an unknown username or one that is ambiguous without a municipality; FORBIDDEN_ROLE for an
 * account without roles.
 */
export async function authenticate(
  db: Kysely<DB>,
  hasher: CodeHasher,
  login: { username: string; password: string; municipalityId?: string; clientAddress: string },
  now: Date,
): Promise<RateLimited | { limited: false; account: Account }> {
  const username = normalizeUsername(login.username);
  const candidates = await findLoginCandidates(db, username, login.municipalityId);
  const found = candidates.length === 1 ? candidates[0] : undefined;
  const check = await checkPassword(
    db,
    hasher,
    {
      username,
      clientAddress: login.clientAddress,
      password: login.password,
      storedHash: found?.password_hash,
    },
    now,
  );
  if (check.limited) return check;
  if (!check.ok || !found) throw new ApiError('INVALID_CREDENTIALS', 'Wrong username or password');
  const account = await findAccount(db, found.id);
  if (!account || account.roles.length === 0) {
    throw new ApiError('FORBIDDEN_ROLE', 'This account has no roles: ask an admin');
  }
  return { limited: false, account };
}

/** A new session for the account; the session of an earlier sign-in in this browser ends. */
export async function signInSession(
  db: Kysely<DB>,
  accountId: string,
  previousToken: string | undefined,
  now: Date,
): Promise<StartedSession> {
  if (previousToken !== undefined) await deleteSession(db, sha256Hex(previousToken));
  return startSession(db, accountId, now);
}

/**
 * Changes the signed-in account's password (CURRENT_PASSWORD_WRONG unless the current one is
 * given) and ends every other session of the account.
 */
export async function changePassword(
  db: Kysely<DB>,
  hasher: CodeHasher,
  staff: StaffPrincipal,
  change: { currentPassword: string; newPassword: string; clientAddress: string },
  now: Date,
): Promise<RateLimited | { limited: false }> {
  const account = await findAccount(db, staff.userId);
  const storedHash = await findPasswordHash(db, staff.userId);
  if (!account || storedHash === undefined) throw new Error('The signed-in account vanished mid-request');
  const check = await checkPassword(
    db,
    hasher,
    {
      username: account.username,
      clientAddress: change.clientAddress,
      password: change.currentPassword,
      storedHash,
    },
    now,
  );
  if (check.limited) return check;
  if (!check.ok) throw new ApiError('CURRENT_PASSWORD_WRONG');
  await updatePasswordHash(db, staff.userId, await hashPassword(change.newPassword));
  await deleteUserSessions(db, staff.userId, staff.sessionId);
  return { limited: false };
}
