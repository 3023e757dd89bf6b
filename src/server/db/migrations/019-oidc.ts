// Sign-in with the municipality's identity provider (issue 15, OpenID Connect; src/server/oidc):
// one provider per municipality, the admin's mapping from the provider's app roles (or group ids)
// to tifaktor roles and units, the logins under way (state, PKCE verifier and nonce, consumed by a
// DELETE of exactly that row, so a replayed state finds nothing on any process), and on users the
// provider's stable account key. None of these tables meets a response.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

const ROLE_CHECK = sql`role in ('admin', 'leader', 'union_rep', 'safety_rep', 'privacy_officer')`;
const SCOPE_CHECK = sql`(role in ('admin', 'privacy_officer') and unit_id is null) or (role not in ('admin', 'privacy_officer') and unit_id is not null)`;

export const migration019: DialectMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('oidc_providers')
      .addColumn('municipality_id', 'text', (c) => c.primaryKey().references('municipalities.id'))
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      // AES-256-GCM under a key derived from the seal key (oidc/secret.ts): a database copy alone
      // does not hold the client secret.
      .addColumn('client_secret_sealed', 'text')
      // Or the name of an environment variable that holds it (the secret then never enters the database).
      .addColumn('client_secret_env', 'text')
      // Entra ID's directory (tenant) id: the id token's `tid` must be this one when set.
      .addColumn('tenant_id', 'text')
      .addColumn('enabled', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`enabled in (0, 1)`),
      )
      .addCheckConstraint(
        'oidc_providers_one_secret',
        sql`client_secret_sealed is null or client_secret_env is null`,
      )
      .execute();

    await db.schema
      .createTable('oidc_role_mappings')
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
      .addColumn('claim', 'text', (c) => c.notNull().check(sql`claim in ('roles', 'groups')`))
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(ROLE_CHECK))
      // A mapping onto a unit that is deleted goes with it, as a role assignment does.
      .addColumn('unit_id', 'text', (c) => c.references('units.id').onDelete('cascade'))
      .addCheckConstraint('oidc_role_mappings_scope', SCOPE_CHECK)
      .execute();
    await sql`create unique index oidc_role_mappings_unique on oidc_role_mappings (municipality_id, claim, value, role, coalesce(unit_id, ''))`.execute(
      db,
    );
    await db.schema
      .createIndex('oidc_role_mappings_unit')
      .on('oidc_role_mappings')
      .column('unit_id')
      .execute();

    await db.schema
      .createTable('oidc_logins')
      // SHA-256 of the state: the state itself travels only in the browser and the provider.
      .addColumn('state_hash', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      // The redirect URI the start sent, so the code exchange names exactly the same one.
      .addColumn('redirect_uri', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('oidc_logins_expires').on('oidc_logins').column('expires_at').execute();

    // '<tid>:<oid>' for Entra ID, '<issuer>#<sub>' for other providers; null for local accounts.
    // NULLs are distinct in a unique index on both databases, so local accounts do not collide.
    await db.schema.alterTable('users').addColumn('oidc_subject', 'text').execute();
    await db.schema
      .createIndex('users_municipality_oidc_subject')
      .on('users')
      .columns(['municipality_id', 'oidc_subject'])
      .unique()
      .execute();
  },
};
