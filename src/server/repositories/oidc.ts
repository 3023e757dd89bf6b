// The SQL of sign-in with the municipality's identity provider (019-oidc): the provider settings,
// the role mappings, the logins under way (taken by one DELETE … RETURNING, so a state is used at
// most once across every process), and the accounts found by the provider's account key.
import type { Kysely } from 'kysely';
import type { OidcRoleMapping } from '../../shared/api/oidc';
import type { DB } from '../db/schema';
import { fromFlag, toFlag } from './columns';

export interface ProviderRow {
  municipalityId: string;
  issuer: string;
  clientId: string;
  clientSecretSealed: string | null;
  clientSecretEnv: string | null;
  tenantId: string | null;
  enabled: boolean;
}

export async function findProvider(db: Kysely<DB>, municipalityId: string): Promise<ProviderRow | undefined> {
  const row = await db
    .selectFrom('oidc_providers')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    municipalityId: row.municipality_id,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecretSealed: row.client_secret_sealed,
    clientSecretEnv: row.client_secret_env,
    tenantId: row.tenant_id,
    enabled: fromFlag(row.enabled),
  };
}

export async function saveProvider(db: Kysely<DB>, provider: ProviderRow): Promise<void> {
  const values = {
    issuer: provider.issuer,
    client_id: provider.clientId,
    client_secret_sealed: provider.clientSecretSealed,
    client_secret_env: provider.clientSecretEnv,
    tenant_id: provider.tenantId,
    enabled: toFlag(provider.enabled),
  };
  await db
    .insertInto('oidc_providers')
    .values({ municipality_id: provider.municipalityId, ...values })
    .onConflict((oc) => oc.column('municipality_id').doUpdateSet(values))
    .execute();
}

/** The municipalities whose provider is switched on, optionally only this one or this entry slug. */
export function listEnabledProviders(
  db: Kysely<DB>,
  filter: { municipalityId?: string | undefined; entrySlug?: string | undefined },
): Promise<{ municipalityId: string; municipalityName: string }[]> {
  let query = db
    .selectFrom('oidc_providers')
    .innerJoin('municipalities', 'municipalities.id', 'oidc_providers.municipality_id')
    .select(['municipalities.id as municipalityId', 'municipalities.name as municipalityName'])
    .where('oidc_providers.enabled', '=', 1);
  if (filter.municipalityId !== undefined)
    query = query.where('municipalities.id', '=', filter.municipalityId);
  if (filter.entrySlug !== undefined) query = query.where('municipalities.entry_slug', '=', filter.entrySlug);
  return query.orderBy('municipalities.name').limit(100).execute();
}

export async function listRoleMappings(db: Kysely<DB>, municipalityId: string): Promise<OidcRoleMapping[]> {
  const rows = await db
    .selectFrom('oidc_role_mappings')
    .select(['claim', 'value', 'role', 'unit_id'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('claim')
    .orderBy('value')
    .orderBy('role')
    .orderBy('unit_id')
    .execute();
  return rows.map((r) => ({ claim: r.claim, value: r.value, role: r.role, unitId: r.unit_id }));
}

/** Run inside a transaction: the old mapping goes and the new one comes as one change. */
export async function replaceRoleMappings(
  db: Kysely<DB>,
  municipalityId: string,
  mappings: readonly OidcRoleMapping[],
): Promise<void> {
  await db.deleteFrom('oidc_role_mappings').where('municipality_id', '=', municipalityId).execute();
  const seen = new Map(
    mappings.map((m) => [`${m.claim}\u0000${m.value}\u0000${m.role}\u0000${m.unitId ?? ''}`, m]),
  );
  const rows = [...seen.values()].map((m) => ({
    municipality_id: municipalityId,
    claim: m.claim,
    value: m.value,
    role: m.role,
    unit_id: m.unitId,
  }));
  if (rows.length > 0) await db.insertInto('oidc_role_mappings').values(rows).execute();
}

export interface LoginRow {
  stateHash: string;
  municipalityId: string;
  codeVerifier: string;
  nonce: string;
  redirectUri: string;
  expiresAt: string;
}

export async function insertLogin(db: Kysely<DB>, login: LoginRow, nowIso: string): Promise<void> {
  // Housekeeping on start rather than on a timer, as for sessions.
  await db.deleteFrom('oidc_logins').where('expires_at', '<=', nowIso).execute();
  await db
    .insertInto('oidc_logins')
    .values({
      state_hash: login.stateHash,
      municipality_id: login.municipalityId,
      code_verifier: login.codeVerifier,
      nonce: login.nonce,
      redirect_uri: login.redirectUri,
      expires_at: login.expiresAt,
    })
    .execute();
}

/** Deletes the login and hands it back, once: a second call with the same state finds nothing. */
export async function takeLogin(db: Kysely<DB>, stateHash: string): Promise<LoginRow | undefined> {
  const row = await db
    .deleteFrom('oidc_logins')
    .where('state_hash', '=', stateHash)
    .returning(['state_hash', 'municipality_id', 'code_verifier', 'nonce', 'redirect_uri', 'expires_at'])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    stateHash: row.state_hash,
    municipalityId: row.municipality_id,
    codeVerifier: row.code_verifier,
    nonce: row.nonce,
    redirectUri: row.redirect_uri,
    expiresAt: row.expires_at,
  };
}

export async function findUserBySubject(
  db: Kysely<DB>,
  municipalityId: string,
  subject: string,
): Promise<{ id: string; displayName: string } | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('municipality_id', '=', municipalityId)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
  return row && { id: row.id, displayName: row.display_name };
}

export async function setOidcSubject(db: Kysely<DB>, userId: string, subject: string): Promise<void> {
  await db.updateTable('users').set({ oidc_subject: subject }).where('id', '=', userId).execute();
}

export async function updateDisplayName(db: Kysely<DB>, userId: string, displayName: string): Promise<void> {
  await db.updateTable('users').set({ display_name: displayName }).where('id', '=', userId).execute();
}
