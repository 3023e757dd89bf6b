// Creating accounts and changing roles, with the rules every path shares (the admin API, the
// setup link, the CLI and the demo seed): a valid username and password, admin without a unit and
// the other roles on a unit of the account's own municipality, and never zero admins. An admin
// finds, changes and deletes only accounts of their own municipality.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  MUNICIPALITY_WIDE_ROLES,
  normalizeUsername,
  USERNAME_PATTERN,
  type Account,
  type RoleAssignment,
} from '../../shared/api/staff';
import { osloDate } from '../../shared/dates';
import { ApiError, notFound } from '../api-error';
import type { DB } from '../db/schema';
import {
  countAdmins,
  deleteUser,
  findAccount,
  insertUser,
  replaceRoles,
  unitIdsInMunicipality,
} from '../repositories/accounts';
import { deleteUserSessions } from '../repositories/sessions';
import type { DialectName } from '../db/database';
import { hashPassword } from './password';

export interface NewAccount {
  municipalityId: string;
  username: string;
  displayName: string;
  password: string;
  roles: readonly RoleAssignment[];
}

const malformed = (message: string) => new ApiError('MALFORMED_REQUEST', message);

/** The schemas check these too; this is for the paths that do not pass through them (CLI, seed). */
function checkCredentials(username: string, displayName: string, password: string): void {
  if (!new RegExp(USERNAME_PATTERN).test(username)) {
    throw malformed('A username is 3 to 64 characters: letters a-z, digits and . _ @ -');
  }
  if (displayName.trim() === '') throw malformed('A name is needed');
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw malformed(`A password is ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  }
}

export async function checkRoles(
  db: Kysely<DB>,
  municipalityId: string,
  roles: readonly RoleAssignment[],
): Promise<void> {
  for (const r of roles) {
    if (MUNICIPALITY_WIDE_ROLES.includes(r.role) !== (r.unitId === null)) {
      throw malformed(
        'admin and privacy_officer have unitId null; leader, union_rep and safety_rep name a unit',
      );
    }
  }
  const unitIds = roles.flatMap((r) => (r.unitId === null ? [] : [r.unitId]));
  const known = await unitIdsInMunicipality(db, municipalityId, unitIds);
  const unknown = unitIds.find((id) => !known.has(id));
  if (unknown !== undefined) throw new ApiError('UNKNOWN_UNIT', `No unit ${unknown} in this municipality`);
}

export interface PreparedAccount extends Omit<NewAccount, 'password'> {
  passwordHash: string;
}

/** Normalises and checks the input and hashes the password: the slow part, kept out of transactions. */
export async function prepareAccount(input: NewAccount): Promise<PreparedAccount> {
  const username = normalizeUsername(input.username);
  const displayName = input.displayName.trim();
  checkCredentials(username, displayName, input.password);
  const { password, ...rest } = input;
  return { ...rest, username, displayName, passwordHash: await hashPassword(password) };
}

/** Inserts a prepared account and its roles; 409 USERNAME_TAKEN when the username is in use. */
export async function insertAccount(trx: Kysely<DB>, account: PreparedAccount, now: Date): Promise<string> {
  await checkRoles(trx, account.municipalityId, account.roles);
  const id = randomUUID();
  if (!(await insertUser(trx, { ...account, id, createdOn: osloDate(now) }))) {
    throw new ApiError('USERNAME_TAKEN', `The username ${account.username} is taken`);
  }
  await replaceRoles(trx, id, account.roles);
  return id;
}

export async function createAccount(db: Kysely<DB>, input: NewAccount, now: Date): Promise<Account> {
  const prepared = await prepareAccount(input);
  const id = await db.transaction().execute((trx) => insertAccount(trx, prepared, now));
  const account = await findAccount(db, id);
  if (!account) throw new Error('The account just created is missing');
  return account;
}

/** Inside a transaction, after the change: 409 LAST_ADMIN if the municipality has no admin left. */
export async function assertAdminRemains(db: Kysely<DB>, municipalityId: string): Promise<void> {
  if ((await countAdmins(db, municipalityId)) === 0) {
    throw new ApiError('LAST_ADMIN', 'The municipality must keep at least one admin');
  }
}

/** The account, if it belongs to the admin's municipality: another municipality's is 404 too. */
export async function findOwnAccount(db: Kysely<DB>, municipalityId: string, id: string): Promise<Account> {
  const account = await findAccount(db, id);
  if (!account || account.municipalityId !== municipalityId) throw notFound('No such account');
  return account;
}

/**
 * Inside a transaction, before anything is counted: one account change of a municipality at a
 * time, so two admins removing each other at once cannot both see the other still there. On
 * PostgreSQL (read committed) the municipality's row is locked until the transaction ends, and the
 * second waits and then counts what the first committed; SQLite lets one writer in at a time.
 */
export async function lockAccountChanges(trx: Kysely<DB>, dialect: DialectName, municipalityId: string) {
  if (dialect === 'postgres') {
    await sql`select id from municipalities where id = ${municipalityId} for update`.execute(trx);
  }
}

/**
 * Replaces an account's roles in one transaction; checkRoles and LAST_ADMIN refuse it whole. A
 * person left without any role is signed out at once: their sessions go in the same transaction.
 */
export async function changeRoles(
  db: Kysely<DB>,
  dialect: DialectName,
  municipalityId: string,
  id: string,
  roles: readonly RoleAssignment[],
): Promise<Account> {
  const account = await findOwnAccount(db, municipalityId, id);
  await db.transaction().execute(async (trx) => {
    await lockAccountChanges(trx, dialect, account.municipalityId);
    await checkRoles(trx, account.municipalityId, roles);
    await replaceRoles(trx, account.id, roles);
    await assertAdminRemains(trx, account.municipalityId);
    if (roles.length === 0) await deleteUserSessions(trx, account.id);
  });
  return findOwnAccount(db, municipalityId, id);
}

/** Deletes an account of the municipality, unless it is the last admin (LAST_ADMIN). */
export async function deleteAccount(
  db: Kysely<DB>,
  dialect: DialectName,
  municipalityId: string,
  id: string,
): Promise<void> {
  const account = await findOwnAccount(db, municipalityId, id);
  await db.transaction().execute(async (trx) => {
    await lockAccountChanges(trx, dialect, account.municipalityId);
    await deleteUser(trx, account.id);
    await assertAdminRemains(trx, account.municipalityId);
  });
}
