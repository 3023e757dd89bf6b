// Staff accounts and their role assignments. Every query that lists or changes accounts takes the
// municipality, so nothing here assumes there is only one. Password hashes are read only by
// findLoginCandidates/findPasswordHash and never leave this module in a listing.
import type { Kysely } from 'kysely';
import { STAFF_ROLES, type Account, type RoleAssignment } from '../../shared/api/staff';
import type { DB } from '../db/schema';

export interface NewUser {
  id: string;
  municipalityId: string;
  /** Already normalised (see normalizeUsername). */
  username: string;
  displayName: string;
  passwordHash: string;
  createdOn: string;
}

const roleOrder = (a: RoleAssignment, b: RoleAssignment) =>
  STAFF_ROLES.indexOf(a.role) - STAFF_ROLES.indexOf(b.role) || (a.unitId ?? '').localeCompare(b.unitId ?? '');

/** The same role on the same unit twice is one role. */
export function uniqueRoles(roles: readonly RoleAssignment[]): RoleAssignment[] {
  const seen = new Map(roles.map((r) => [`${r.role}\u0000${r.unitId ?? ''}`, r]));
  return [...seen.values()].sort(roleOrder);
}

export async function loadRoles(
  db: Kysely<DB>,
  userIds: readonly string[],
): Promise<Map<string, RoleAssignment[]>> {
  const byUser = new Map<string, RoleAssignment[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('role_assignments')
    .select(['user_id', 'role', 'unit_id'])
    .where('user_id', 'in', [...new Set(userIds)])
    .execute();
  for (const row of rows) byUser.get(row.user_id)?.push({ role: row.role, unitId: row.unit_id });
  for (const roles of byUser.values()) roles.sort(roleOrder);
  return byUser;
}

/** Accounts with this username; several only if several municipalities use it and none is given. */
export function findLoginCandidates(db: Kysely<DB>, username: string, municipalityId?: string) {
  let query = db
    .selectFrom('users')
    .select(['id', 'municipality_id', 'password_hash'])
    .where('username', '=', username);
  if (municipalityId !== undefined) query = query.where('municipality_id', '=', municipalityId);
  return query.limit(2).execute();
}

export async function findPasswordHash(db: Kysely<DB>, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.password_hash;
}

export async function findAccount(db: Kysely<DB>, userId: string): Promise<Account | undefined> {
  const [account] = await listAccountsWhere(db, 'id', userId);
  return account;
}

export function listAccounts(db: Kysely<DB>, municipalityId: string): Promise<Account[]> {
  return listAccountsWhere(db, 'municipality_id', municipalityId);
}

async function listAccountsWhere(db: Kysely<DB>, column: 'id' | 'municipality_id', value: string) {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'municipality_id', 'username', 'display_name', 'created_on', 'oidc_subject'])
    .where(column, '=', value)
    .orderBy('username')
    .execute();
  const roles = await loadRoles(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r): Account => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    municipalityId: r.municipality_id,
    roles: roles.get(r.id) ?? [],
    createdOn: r.created_on,
    // Made at sign-in through the identity provider (019-oidc): no password of its own.
    ...(r.oidc_subject !== null && { signIn: 'oidc' as const }),
  }));
}

/**
 * False when the username is already taken in the municipality; for an account made at sign-in
 * through the identity provider (`oidcSubject`, 019-oidc), also when that account key is (ON
 * CONFLICT DO NOTHING then covers both unique indexes, on SQLite and PostgreSQL alike).
 */
export async function insertUser(db: Kysely<DB>, user: NewUser & { oidcSubject?: string }): Promise<boolean> {
  const result = await db
    .insertInto('users')
    .values({
      id: user.id,
      municipality_id: user.municipalityId,
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      created_on: user.createdOn,
      ...(user.oidcSubject !== undefined && { oidc_subject: user.oidcSubject }),
    })
    .onConflict((oc) =>
      user.oidcSubject === undefined
        ? oc.columns(['municipality_id', 'username']).doNothing()
        : oc.doNothing(),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Run inside a transaction: the old roles go and the new ones come as one change. */
export async function replaceRoles(
  db: Kysely<DB>,
  userId: string,
  roles: readonly RoleAssignment[],
): Promise<void> {
  await db.deleteFrom('role_assignments').where('user_id', '=', userId).execute();
  const rows = uniqueRoles(roles).map((r) => ({ user_id: userId, role: r.role, unit_id: r.unitId }));
  if (rows.length > 0) await db.insertInto('role_assignments').values(rows).execute();
}

export async function updatePasswordHash(
  db: Kysely<DB>,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Roles and sessions go with the account (ON DELETE CASCADE). */
export async function deleteUser(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', userId).execute();
}

export async function countAdmins(db: Kysely<DB>, municipalityId: string): Promise<number> {
  const row = await db
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('users.municipality_id', '=', municipalityId)
    .where('role_assignments.role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function municipalitiesWithoutAdmin(db: Kysely<DB>): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('municipalities')
    .select(['municipalities.id', 'municipalities.name'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('role_assignments')
            .innerJoin('users', 'users.id', 'role_assignments.user_id')
            .select('role_assignments.user_id')
            .whereRef('users.municipality_id', '=', 'municipalities.id')
            .where('role_assignments.role', '=', 'admin'),
        ),
      ),
    )
    .orderBy('municipalities.id')
    .execute();
}

/** Which of these unit ids exist in the municipality. */
export async function unitIdsInMunicipality(
  db: Kysely<DB>,
  municipalityId: string,
  unitIds: readonly string[],
): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...new Set(unitIds)])
    .execute();
  return new Set(rows.map((r) => r.id));
}
