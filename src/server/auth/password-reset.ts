// When a person has forgotten their password, an admin makes them a one-time link (issue 15), as
// the first admin got one: valid PASSWORD_RESET_HOURS, stored only as its hash, a new link
// replaces the old, and making it ends the person's sessions (whoever knew the old password is
// out). Setting the new password through it uses the link up and ends every session of the
// account again, in one transaction. An admin can also just end a person's sessions.
import type { Kysely } from 'kysely';
import type { PasswordResetLink, PasswordResetStatus } from '../../shared/api/audit';
import { ApiError } from '../api-error';
import type { DB } from '../db/schema';
import { updatePasswordHash } from '../repositories/accounts';
import {
  deleteExpiredPasswordResets,
  findLivePasswordReset,
  replacePasswordReset,
  takePasswordReset,
} from '../repositories/password-resets';
import { deleteUserSessions } from '../repositories/sessions';
import { findOwnAccount } from './accounts';
import { hashPassword } from './password';
import { randomToken, sha256Hex } from './tokens';

export const PASSWORD_RESET_HOURS = 72;

const invalidLink = () =>
  new ApiError(
    'PASSWORD_RESET_INVALID',
    'This password link is not valid: it is unknown, used, replaced or expired',
  );

/** A new link for an account of the admin's municipality (another's is 404); its sessions end. */
export async function createPasswordReset(
  db: Kysely<DB>,
  municipalityId: string,
  userId: string,
  now: Date,
): Promise<PasswordResetLink> {
  const account = await findOwnAccount(db, municipalityId, userId);
  // An account made at sign-in through the identity provider has no password here, and a link
  // would give it one that outlives the provider taking the person's access away.
  if (account.signIn === 'oidc') {
    throw new ApiError('PASSWORD_NOT_LOCAL', "This person's password is kept by the identity provider");
  }
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_HOURS * 3_600_000).toISOString();
  await deleteExpiredPasswordResets(db, now.toISOString());
  await db.transaction().execute(async (trx) => {
    await replacePasswordReset(trx, {
      hash: sha256Hex(token),
      userId: account.id,
      expiresAt,
      createdAt: now.toISOString(),
    });
    await deleteUserSessions(trx, account.id);
  });
  return { token, expiresAt };
}

/** Whose link it is; 403 PASSWORD_RESET_INVALID when it is unknown, used, replaced or expired. */
export async function checkPasswordReset(
  db: Kysely<DB>,
  token: string,
  now: Date,
): Promise<PasswordResetStatus> {
  const row = await findLivePasswordReset(db, sha256Hex(token), now.toISOString());
  if (!row) throw invalidLink();
  return { username: row.username, displayName: row.display_name };
}

/** Sets the new password once: the link dies and every session of the account ends. */
export async function completePasswordReset(
  db: Kysely<DB>,
  input: { token: string; newPassword: string },
  now: Date,
): Promise<void> {
  const hash = sha256Hex(input.token);
  const row = await findLivePasswordReset(db, hash, now.toISOString());
  if (!row) throw invalidLink();
  // The slow hash before the transaction; only the request whose delete took the link goes on.
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    if (!(await takePasswordReset(trx, hash, now.toISOString()))) throw invalidLink();
    await updatePasswordHash(trx, row.user_id, passwordHash);
    await deleteUserSessions(trx, row.user_id);
  });
}

/** Ends every session of an account of the admin's municipality. */
export async function endSessionsOf(db: Kysely<DB>, municipalityId: string, userId: string): Promise<void> {
  const account = await findOwnAccount(db, municipalityId, userId);
  await deleteUserSessions(db, account.id);
}
