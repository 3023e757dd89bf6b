// The wire contract for sign-in with the municipality's identity provider (OpenID Connect, with
// Microsoft Entra ID's conventions; issue 15). The public part says which municipalities offer the
// button; the admin part sets the provider and maps the provider's app roles (or group ids) to
// tifaktor roles. The client secret is write-only: no answer ever carries it.
import { Type, type Static } from '@sinclair/typebox';
import type { ErrorCode } from './errors';
import { Id, literalUnion, Nullable } from './primitives';
import { StaffRoleSchema } from './staff';

/** Where the callback sends the browser: the staff app's login page (with ?feil=<code>) or its start. */
export const OIDC_LOGIN_PAGE = '/admin/logg-inn';
export const OIDC_LANDING_PAGE = '/admin';
export const OIDC_ERROR_PARAM = 'feil';
/** The cookie that ties a sign-in's state to the browser that started it (SameSite=Lax, 10 minutes). */
export const OIDC_STATE_COOKIE = 'tf_oidc_state';
export const OIDC_LOGIN_MINUTES = 10;

/** The refusals a sign-in through the provider can end with (shown on the login page). */
export const OIDC_REFUSALS = [
  'OIDC_NOT_CONFIGURED',
  'OIDC_PROVIDER_UNAVAILABLE',
  'OIDC_STATE_INVALID',
  'OIDC_DENIED',
  'OIDC_TOKEN_INVALID',
  'OIDC_TENANT_MISMATCH',
  'OIDC_NO_ROLE',
  'LAST_ADMIN',
  'RATE_LIMITED',
] as const satisfies readonly ErrorCode[];
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

/** The `feil` parameter as a refusal, or undefined for anything else. */
export function toOidcRefusal(value: string | null | undefined): OidcRefusal | undefined {
  return OIDC_REFUSALS.find((code) => code === value);
}

/** GET /auth/oidc/options?municipality=<id> or ?entry=<slug>; neither: every municipality that offers one. */
export const OidcOptionsQuerySchema = Type.Object(
  {
    municipality: Type.Optional(Id),
    entry: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type OidcOptionsQuery = Static<typeof OidcOptionsQuerySchema>;

export const OidcOptionSchema = Type.Object({
  municipalityId: Type.String(),
  municipalityName: Type.String(),
});
export type OidcOption = Static<typeof OidcOptionSchema>;

export const OidcOptionsResponseSchema = Type.Object({ providers: Type.Array(OidcOptionSchema) });
export type OidcOptionsResponse = Static<typeof OidcOptionsResponseSchema>;

/** GET /auth/oidc/start?municipality=<id>: a 302 to the provider. */
export const OidcStartQuerySchema = Type.Object({ municipality: Id }, { additionalProperties: false });

export const OIDC_SECRET_SOURCES = ['none', 'stored', 'env'] as const;
export type OidcSecretSource = (typeof OIDC_SECRET_SOURCES)[number];

/** An environment variable's name: letters, digits and _, not starting with a digit. */
export const ENV_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]{0,99}$';

/** GET /municipality/oidc. `configured` false: nothing set yet (the other fields are empty). */
export const OidcSettingsSchema = Type.Object({
  configured: Type.Boolean(),
  issuer: Type.String(),
  clientId: Type.String(),
  /** Where the secret comes from; its value is never sent. */
  secretSource: literalUnion(OIDC_SECRET_SOURCES),
  secretEnv: Nullable(Type.String()),
  /** With source 'env': whether this server process finds the variable set. */
  secretEnvPresent: Type.Boolean(),
  tenantId: Nullable(Type.String()),
  enabled: Type.Boolean(),
  /** What to register at the provider as the redirect URI (web platform). */
  redirectUri: Type.String(),
});
export type OidcSettings = Static<typeof OidcSettingsSchema>;

/** keep: the secret as it is; stored: a new one, sealed; env: read from this variable; none: a public client. */
export const OidcSecretChangeSchema = Type.Union([
  Type.Object({ source: Type.Literal('keep') }, { additionalProperties: false }),
  Type.Object({ source: Type.Literal('none') }, { additionalProperties: false }),
  Type.Object(
    { source: Type.Literal('stored'), value: Type.String({ minLength: 1, maxLength: 1000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { source: Type.Literal('env'), name: Type.String({ pattern: ENV_NAME_PATTERN }) },
    { additionalProperties: false },
  ),
]);
export type OidcSecretChange = Static<typeof OidcSecretChangeSchema>;

export const UpdateOidcSettingsRequestSchema = Type.Object(
  {
    /** https://…, or http:// only on 127.0.0.1 or localhost (a provider on the same machine, tests). */
    issuer: Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://\\S+$' }),
    clientId: Type.String({ minLength: 1, maxLength: 200, pattern: '^\\S+$' }),
    secret: OidcSecretChangeSchema,
    tenantId: Nullable(Type.String({ minLength: 1, maxLength: 100, pattern: '^\\S+$' })),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type UpdateOidcSettingsRequest = Static<typeof UpdateOidcSettingsRequestSchema>;

export const OIDC_CLAIMS = ['roles', 'groups'] as const;
export type OidcClaim = (typeof OIDC_CLAIMS)[number];

/**
 * One line of the mapping: whoever has `value` in the id token's `claim` (an Entra app role's
 * value, or a group's object id) gets `role` on `unitId` (null for admin and privacy_officer).
 */
export const OidcRoleMappingSchema = Type.Object(
  {
    claim: literalUnion(OIDC_CLAIMS),
    value: Type.String({ minLength: 1, maxLength: 200, pattern: '^\\S(.*\\S)?$' }),
    role: StaffRoleSchema,
    unitId: Nullable(Id),
  },
  { additionalProperties: false },
);
export type OidcRoleMapping = Static<typeof OidcRoleMappingSchema>;

export const OidcRoleMappingsSchema = Type.Object(
  { mappings: Type.Array(OidcRoleMappingSchema, { maxItems: 500 }) },
  { additionalProperties: false },
);
export type OidcRoleMappings = Static<typeof OidcRoleMappingsSchema>;
