// Sign-in with the municipality's identity provider (019-oidc; src/server/oidc/README.md).
import type { ColumnType } from 'kysely';
import type { StaffRole } from '../../../shared/api/staff';

/** One OpenID Connect provider per municipality; the client secret is sealed or named by env. */
export interface OidcProvidersTable {
  municipality_id: string;
  issuer: string;
  client_id: string;
  /** base64url(iv | tag | ciphertext), AES-256-GCM, key from the seal key (oidc/secret.ts). */
  client_secret_sealed: string | null;
  /** The name of the environment variable holding the secret. */
  client_secret_env: string | null;
  /** Entra ID's tenant id the `tid` claim must equal, when set. */
  tenant_id: string | null;
  /** 0/1. */
  enabled: ColumnType<number, number | undefined, number>;
}

/** A provider's app role (claim 'roles') or group id (claim 'groups') → a role, on a unit or not. */
export interface OidcRoleMappingsTable {
  municipality_id: string;
  claim: 'roles' | 'groups';
  value: string;
  role: StaffRole;
  unit_id: string | null;
}

/** A sign-in under way, for ten minutes; the callback deletes it (once). */
export interface OidcLoginsTable {
  state_hash: string;
  municipality_id: string;
  code_verifier: string;
  nonce: string;
  redirect_uri: string;
  /** ISO 8601 UTC. */
  expires_at: string;
}
