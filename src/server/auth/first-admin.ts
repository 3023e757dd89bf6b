// How a municipality gets its first admin: `npm run admin:create` (createAdmin) or the one-time
// setup link the server prints on start while the municipality has no admin (valid 24 hours,
// stored only as its hash, usable once and only while there is still no admin).
import type { Kysely } from 'kysely';
import type { Account } from '../../shared/api/staff';
import { ApiError } from '../api-error';
import type { DB } from '../db/schema';
import { countAdmins, findAccount } from '../repositories/accounts';
import {
  deleteExpiredSetupTokens,
  deleteSetupTokens,
  findLiveSetupToken,
  insertSetupToken,
} from '../repositories/setup-tokens';
import { createAccount, insertAccount, prepareAccount } from './accounts';
import { randomToken, sha256Hex } from './tokens';

export const SETUP_TOKEN_HOURS = 24;

const invalidToken = () =>
  new ApiError('SETUP_TOKEN_INVALID', 'This setup link is not valid: it is unknown, used or expired');

export interface AdminInput {
  username: string;
  displayName: string;
  password: string;
  /** Id or four-digit number; may be left out while the server has exactly one municipality. */
  municipality?: string;
}

async function resolveMunicipality(db: Kysely<DB>, wanted: string | undefined): Promise<string> {
  let query = db.selectFrom('municipalities').select('id');
  if (wanted !== undefined)
    query = query.where((eb) => eb.or([eb('id', '=', wanted), eb('number', '=', wanted)]));
  const rows = await query.limit(2).execute();
  if (rows.length === 1) return rows[0]!.id;
  if (wanted !== undefined) throw new Error(`No municipality with id or number ${wanted}`);
  throw new Error(
    rows.length === 0
      ? 'There is no municipality yet: start the server once (it creates one), then run this again'
      : 'There are several municipalities: name one with --municipality <id or number>',
  );
}

/** Creates an admin (the CLI's work). Any setup links of the municipality stop working. */
export async function createAdmin(db: Kysely<DB>, input: AdminInput, now: Date): Promise<Account> {
  const municipalityId = await resolveMunicipality(db, input.municipality);
  const roles = [{ role: 'admin' as const, unitId: null }];
  const account = await createAccount(db, { ...input, municipalityId, roles }, now);
  await deleteSetupTokens(db, municipalityId);
  return account;
}

/** A new setup link token for a municipality; only its hash is stored. */
export async function createSetupToken(db: Kysely<DB>, municipalityId: string, now: Date): Promise<string> {
  await deleteExpiredSetupTokens(db, now.toISOString());
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SETUP_TOKEN_HOURS * 60 * 60 * 1000).toISOString();
  await insertSetupToken(db, { hash: sha256Hex(token), municipalityId, expiresAt });
  return token;
}

/** The municipality the token sets up; 403 SETUP_TOKEN_INVALID or 409 SETUP_ALREADY_DONE otherwise. */
export async function checkSetupToken(
  db: Kysely<DB>,
  token: string,
  now: Date,
): Promise<{ municipalityId: string; municipalityName: string }> {
  const row = await findLiveSetupToken(db, sha256Hex(token), now.toISOString());
  if (!row) throw invalidToken();
  if ((await countAdmins(db, row.municipality_id)) > 0) {
    await deleteSetupTokens(db, row.municipality_id);
    throw new ApiError('SETUP_ALREADY_DONE', 'This municipality already has an admin: sign in instead');
  }
  return { municipalityId: row.municipality_id, municipalityName: row.municipality_name };
}

/** Creates the first admin from a setup link and uses the link up, all in one transaction. */
export async function completeSetup(
  db: Kysely<DB>,
  input: { token: string; username: string; displayName: string; password: string },
  now: Date,
): Promise<Account> {
  const { municipalityId } = await checkSetupToken(db, input.token, now);
  const roles = [{ role: 'admin' as const, unitId: null }];
  const prepared = await prepareAccount({ ...input, municipalityId, roles });
  const id = await db.transaction().execute(async (trx) => {
    // Only the request whose delete removed the token goes on, so two racing requests with one
    // link create at most one admin; a failure rolls the delete back and the link still works.
    const removed = await trx
      .deleteFrom('setup_tokens')
      .where('hash', '=', sha256Hex(input.token))
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) throw invalidToken();
    const userId = await insertAccount(trx, prepared, now);
    await deleteSetupTokens(trx, municipalityId);
    return userId;
  });
  const account = await findAccount(db, id);
  if (!account) throw new Error('The account just created is missing');
  return account;
}
