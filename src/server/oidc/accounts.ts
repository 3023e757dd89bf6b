// The account behind a sign-in through the identity provider: the roles the admin's mapping gives
// for the id token's app roles (or group ids), the account made just in time on a first sign-in,
// and on every later one the roles replaced by exactly the mapped ones (a role the provider no
// longer grants is gone), in one transaction that never leaves the municipality without an admin.
// A local account with the same username is never taken over: the provider's account is its own.
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OidcRoleMapping } from '../../shared/api/oidc';
import { normalizeUsername, USERNAME_PATTERN, type RoleAssignment } from '../../shared/api/staff';
import { osloDate } from '../../shared/dates';
import { ApiError } from '../api-error';
import { recordAudit } from '../audit/record';
import { assertAdminRemains } from '../auth/accounts';
import { OIDC_NO_PASSWORD } from '../auth/password';
import type { DB } from '../db/schema';
import { insertUser, loadRoles, replaceRoles, uniqueRoles } from '../repositories/accounts';
import { findUserBySubject, updateDisplayName } from '../repositories/oidc';

/** The claim values an id token carries as a list of strings (roles, groups); anything else is none. */
function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The roles the mapping gives for these claims. Groups count only where the admin mapped group ids. */
export function mappedRoles(
  mappings: readonly OidcRoleMapping[],
  claims: Record<string, unknown>,
): RoleAssignment[] {
  const held = { roles: new Set(stringList(claims.roles)), groups: new Set(stringList(claims.groups)) };
  return uniqueRoles(
    mappings.filter((m) => held[m.claim].has(m.value)).map((m) => ({ role: m.role, unitId: m.unitId })),
  );
}

/**
 * The account key: Entra ID's tenant and object id (`oid` is stable across the person's apps and
 * never reassigned, unlike `sub`, which is per app, or the UPN, which can be renamed); for a
 * provider without them, the issuer and `sub`.
 */
export function accountKey(claims: Record<string, unknown>): string | undefined {
  const { tid, oid, iss, sub } = claims;
  if (typeof tid === 'string' && typeof oid === 'string' && tid !== '' && oid !== '') return `${tid}:${oid}`;
  if (typeof iss === 'string' && typeof sub === 'string' && sub !== '') return `${iss}#${sub}`;
  return undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : undefined;

export function displayNameOf(claims: Record<string, unknown>): string {
  return text(claims.name) ?? text(claims.preferred_username) ?? text(claims.email) ?? 'Ukjent namn';
}

/** A username from the provider's sign-in name if it fits the pattern, else one from the key. */
function usernames(claims: Record<string, unknown>, subject: string): string[] {
  const tag = createHash('sha256').update(subject).digest('hex').slice(0, 10);
  const wanted = normalizeUsername(
    text(claims.preferred_username) ?? text(claims.upn) ?? text(claims.email) ?? '',
  );
  const fits = new RegExp(USERNAME_PATTERN).test(wanted);
  return fits ? [wanted, `${wanted.slice(0, 53)}-${tag}`] : [`oidc-${tag}`];
}

const describe = (roles: readonly RoleAssignment[]) =>
  roles.map((r) => (r.unitId === null ? r.role : `${r.role}@${r.unitId}`)).join(', ');

const sameRoles = (a: readonly RoleAssignment[], b: readonly RoleAssignment[]) =>
  describe(uniqueRoles(a)) === describe(uniqueRoles(b));

export interface ProviderSignIn {
  municipalityId: string;
  subject: string;
  claims: Record<string, unknown>;
  roles: RoleAssignment[];
}

/**
 * The account's id, with its roles now exactly `roles`. OIDC_NO_ROLE when the mapping gives none
 * (a first sign-in makes no account; a known account loses its roles first); LAST_ADMIN, changing
 * nothing, when the change would leave the municipality without an admin.
 */
export async function accountAtSignIn(db: Kysely<DB>, signIn: ProviderSignIn, now: Date): Promise<string> {
  const actor = (userId: string) => ({ userId, municipalityId: signIn.municipalityId });
  const accountId = await db.transaction().execute(async (trx) => {
    let known = await findUserBySubject(trx, signIn.municipalityId, signIn.subject);
    if (!known) {
      if (signIn.roles.length === 0) return undefined;
      const id = await createAccount(trx, signIn, now);
      if (id !== undefined) {
        await recordAudit(
          trx,
          actor(id),
          { action: 'account.created_at_sign_in', detail: describe(signIn.roles) },
          now,
        );
        return id;
      }
      // The same person's other sign-in (a second tab, a double click) made the account a moment
      // ago: this one signs in to it like any later sign-in.
      known = await findUserBySubject(trx, signIn.municipalityId, signIn.subject);
      if (!known) throw new Error('The account made at sign-in is neither new nor there');
    }
    const displayName = displayNameOf(signIn.claims);
    if (displayName !== known.displayName) await updateDisplayName(trx, known.id, displayName);
    const before = (await loadRoles(trx, [known.id])).get(known.id) ?? [];
    if (!sameRoles(before, signIn.roles)) {
      await replaceRoles(trx, known.id, signIn.roles);
      await assertAdminRemains(trx, signIn.municipalityId);
      const detail = `${describe(before) || '-'} → ${describe(signIn.roles) || '-'}`;
      await recordAudit(trx, actor(known.id), { action: 'account.roles_from_provider', detail }, now);
    }
    return known.id;
  });
  if (accountId === undefined || signIn.roles.length === 0) {
    throw new ApiError('OIDC_NO_ROLE', 'The identity provider grants none of the mapped roles');
  }
  return accountId;
}

/** The new account's id; undefined when an account with this subject appeared meanwhile. */
async function createAccount(
  trx: Kysely<DB>,
  signIn: ProviderSignIn,
  now: Date,
): Promise<string | undefined> {
  for (const username of usernames(signIn.claims, signIn.subject)) {
    const id = randomUUID();
    const inserted = await insertUser(trx, {
      id,
      municipalityId: signIn.municipalityId,
      username,
      displayName: displayNameOf(signIn.claims),
      passwordHash: OIDC_NO_PASSWORD,
      createdOn: osloDate(now),
      oidcSubject: signIn.subject,
    });
    if (inserted) {
      await replaceRoles(trx, id, signIn.roles);
      return id;
    }
    // On PostgreSQL the insert waited for the other transaction's and then did nothing.
    if (await findUserBySubject(trx, signIn.municipalityId, signIn.subject)) return undefined;
  }
  throw new Error('No free username for the account made at sign-in');
}
