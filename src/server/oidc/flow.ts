// The authorization code flow with PKCE (S256), state and nonce, as two steps the routes call.
// start: a login row (the state's hash, the verifier, the nonce, the redirect URI; ten minutes) and
// the provider's authorization URL. finish: the state must match the browser's state cookie and a
// login row, which is deleted in the same statement (a replay finds nothing); openid-client then
// exchanges the code and checks the id token (signature, issuer, audience, expiry, nonce); the
// Entra tenant must be the configured one; the mapped roles decide the account. Every refusal is
// an ApiError with an OIDC_* code (or LAST_ADMIN), which the route turns into a redirect.
import * as client from 'openid-client';
import type { Kysely } from 'kysely';
import { OIDC_LOGIN_MINUTES } from '../../shared/api/oidc';
import { ApiError } from '../api-error';
import { sha256Hex } from '../auth/tokens';
import type { DB } from '../db/schema';
import {
  findProvider,
  insertLogin,
  listRoleMappings,
  takeLogin,
  type ProviderRow,
} from '../repositories/oidc';
import { accountAtSignIn, accountKey, mappedRoles } from './accounts';
import { classifyFailure, describeFailure, type OidcClients } from './client';
import { openClientSecret } from './secret';

export interface FlowContext {
  db: Kysely<DB>;
  clients: OidcClients;
  sealKey: Uint8Array;
  /** Where client_secret_env names are looked up (process.env in the server). */
  env: Readonly<Record<string, string | undefined>>;
  now: Date;
  /** For failures that are not the person's: the provider down, a secret that does not open. */
  warn: (message: string) => void;
}

/** A refusal with the reason for the app log (never a token, a code or a state). */
export class OidcRefused extends ApiError {
  constructor(
    code: ConstructorParameters<typeof ApiError>[0],
    readonly reason: string,
    readonly municipalityId?: string,
  ) {
    super(code);
  }
}

async function enabledProvider(db: Kysely<DB>, municipalityId: string): Promise<ProviderRow> {
  const provider = await findProvider(db, municipalityId);
  if (!provider?.enabled) {
    throw new OidcRefused('OIDC_NOT_CONFIGURED', 'no enabled provider', municipalityId);
  }
  return provider;
}

function clientSecret(context: FlowContext, provider: ProviderRow): string | undefined {
  if (provider.clientSecretSealed !== null) {
    const secret = openClientSecret(context.sealKey, provider.municipalityId, provider.clientSecretSealed);
    if (secret === undefined) {
      throw new OidcRefused(
        'OIDC_PROVIDER_UNAVAILABLE',
        'the stored client secret does not open with this seal key: enter it again',
        provider.municipalityId,
      );
    }
    return secret;
  }
  if (provider.clientSecretEnv !== null) {
    const secret = context.env[provider.clientSecretEnv];
    if (secret === undefined || secret === '') {
      throw new OidcRefused(
        'OIDC_PROVIDER_UNAVAILABLE',
        `the environment variable ${provider.clientSecretEnv} holding the client secret is not set`,
        provider.municipalityId,
      );
    }
    return secret;
  }
  return undefined;
}

function settingsOf(context: FlowContext, provider: ProviderRow) {
  return {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: clientSecret(context, provider),
  };
}

async function configuration(context: FlowContext, provider: ProviderRow): Promise<client.Configuration> {
  const settings = settingsOf(context, provider);
  try {
    return await context.clients.configuration(settings);
  } catch (error) {
    throw new OidcRefused(
      'OIDC_PROVIDER_UNAVAILABLE',
      `discovery at ${provider.issuer} failed: ${describeFailure(error)}`,
      provider.municipalityId,
    );
  }
}

/** The provider's authorization URL for a new sign-in, and the state for the browser's cookie. */
export async function startSignIn(
  context: FlowContext,
  municipalityId: string,
  redirectUri: string,
): Promise<{ location: string; state: string }> {
  const provider = await enabledProvider(context.db, municipalityId);
  const config = await configuration(context, provider);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const expiresAt = new Date(context.now.getTime() + OIDC_LOGIN_MINUTES * 60_000).toISOString();
  await insertLogin(
    context.db,
    { stateHash: sha256Hex(state), municipalityId, codeVerifier, nonce, redirectUri, expiresAt },
    context.now.toISOString(),
  );
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    // openid profile: Entra ID then puts name, preferred_username, oid and tid in the id token,
    // and the app roles assigned to the person in `roles`.
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { location: url.href, state };
}

const sameText = (a: string, b: string) => a.length === b.length && sha256Hex(a) === sha256Hex(b);

/**
 * The account the provider's answer signs in. `query` is the callback's raw query string;
 * `stateCookie` the browser's state cookie.
 */
export async function finishSignIn(
  context: FlowContext,
  query: string,
  stateCookie: string | undefined,
): Promise<{ accountId: string; municipalityId: string }> {
  const state = new URLSearchParams(query).get('state');
  if (state === null || state === '' || state.length > 200) {
    throw new OidcRefused('OIDC_STATE_INVALID', 'the answer has no state');
  }
  if (stateCookie === undefined || !sameText(state, stateCookie)) {
    throw new OidcRefused('OIDC_STATE_INVALID', 'the state is not the one this browser started');
  }
  const login = await takeLogin(context.db, sha256Hex(state));
  if (!login || login.expiresAt <= context.now.toISOString()) {
    throw new OidcRefused('OIDC_STATE_INVALID', 'the state is unknown, used or expired');
  }
  const { municipalityId } = login;
  const provider = await enabledProvider(context.db, municipalityId);
  const config = await configuration(context, provider);
  const currentUrl = new URL(login.redirectUri);
  currentUrl.search = query;
  let claims: Record<string, unknown> | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: state,
      expectedNonce: login.nonce,
    });
    claims = tokens.claims();
  } catch (error) {
    const code = classifyFailure(error);
    // Within the discovery cache a start cannot tell the provider is down; after this one can.
    if (code === 'OIDC_PROVIDER_UNAVAILABLE') context.clients.forget(settingsOf(context, provider));
    throw new OidcRefused(code, describeFailure(error), municipalityId);
  }
  if (!claims) throw new OidcRefused('OIDC_TOKEN_INVALID', 'the answer has no id token', municipalityId);
  if (provider.tenantId !== null && claims.tid !== provider.tenantId) {
    throw new OidcRefused('OIDC_TENANT_MISMATCH', 'the id token is from another tenant', municipalityId);
  }
  const subject = accountKey(claims);
  if (subject === undefined) {
    throw new OidcRefused('OIDC_TOKEN_INVALID', 'the id token names no account (oid or sub)', municipalityId);
  }
  const mappings = await listRoleMappings(context.db, municipalityId);
  if (mappings.some((m) => m.claim === 'groups') && claims._claim_names !== undefined) {
    // Entra ID leaves `groups` out above its limit (the "overage" claim): map app roles instead.
    context.warn('the id token left out its groups (Entra ID group overage): map app roles instead');
  }
  const roles = mappedRoles(mappings, claims);
  try {
    return {
      accountId: await accountAtSignIn(context.db, { municipalityId, subject, claims, roles }, context.now),
      municipalityId,
    };
  } catch (error) {
    if (error instanceof ApiError) throw new OidcRefused(error.code, error.message, municipalityId);
    throw error;
  }
}
