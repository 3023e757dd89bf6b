// Sign-in with the municipality's identity provider (issue 15; src/server/oidc/README.md). Public:
// which municipalities offer the button, the start (a 302 to the provider) and the callback (a 302
// to /admin signed in, or to the login page with ?feil=<code>: never a 5xx, and the reason goes to
// the app log without a token). Admin: the provider's settings and the role mapping.
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  OIDC_ERROR_PARAM,
  OIDC_LANDING_PAGE,
  OIDC_LOGIN_MINUTES,
  OIDC_LOGIN_PAGE,
  OIDC_STATE_COOKIE,
  OidcOptionsQuerySchema,
  OidcOptionsResponseSchema,
  OidcRoleMappingsSchema,
  OidcSettingsSchema,
  OidcStartQuerySchema,
  UpdateOidcSettingsRequestSchema,
  type OidcOptionsResponse,
  type OidcRoleMappings,
  type OidcSettings,
  type UpdateOidcSettingsRequest,
} from '../../shared/api/oidc';
import { API_PREFIX, STAFF_PATHS } from '../../shared/api/paths';
import { ApiError } from '../api-error';
import { clientGroup } from '../client-address';
import { checkRoles } from '../auth/accounts';
import { readSessionToken, setSessionCookie } from '../auth/cookie';
import { signInSession } from '../auth/login';
import type { AccessPolicy } from '../auth/policy';
import type { Database } from '../db/database';
import { isAllowedIssuer, type OidcClients } from '../oidc/client';
import { finishSignIn, OidcRefused, startSignIn, type FlowContext } from '../oidc/flow';
import { sealClientSecret } from '../oidc/secret';
import {
  findProvider,
  listEnabledProviders,
  listRoleMappings,
  replaceRoleMappings,
  saveProvider,
  type ProviderRow,
} from '../repositories/oidc';
import { staffOf } from './staff-request';

const PUBLIC: AccessPolicy = { allow: 'public' };
const ADMIN: AccessPolicy = { allow: ['admin'] };
const CALLBACK_PATH = `${API_PREFIX}${STAFF_PATHS.oidcCallback}`;

export interface OidcRouteOptions {
  database: Database;
  now: () => Date;
  sealKey: Uint8Array;
  clients: OidcClients;
  /** e.g. https://tifaktor.kommune.no; without it, the origin the request came to. */
  publicOrigin?: string | undefined;
  env?: Readonly<Record<string, string | undefined>>;
}

function stateCookie(request: FastifyRequest, value: string, maxAge: number): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  // Lax, not Strict: the provider's redirect back is a top-level navigation from another site.
  return `${OIDC_STATE_COOKIE}=${value}; Path=${CALLBACK_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

function readStateCookie(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === OIDC_STATE_COOKIE)
      return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * Start and callback are public and each writes or reads a login row, asks the provider, and
 * hashes: per client address (an IPv6 address as its /64), this many starts a minute and as
 * many answers, in each process. A whole office behind one address signs in far less often (a
 * session lasts a working day), and the row table cannot be filled from one place. The limit
 * itself is @fastify/rate-limit's.
 */
export const OIDC_RATE_LIMIT = { max: 60, timeWindow: 60_000 } as const;

const refusedAt = (code: string) => `${OIDC_LOGIN_PAGE}?${OIDC_ERROR_PARAM}=${encodeURIComponent(code)}`;

export const oidcRoutes: FastifyPluginAsyncTypebox<OidcRouteOptions> = async (app, options) => {
  const db = options.database.kysely;
  // Only the routes that ask for it (config.rateLimit), in this plugin only.
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => clientGroup(request.ip),
    errorResponseBuilder: () => new ApiError('RATE_LIMITED'),
  });
  const limited = { rateLimit: OIDC_RATE_LIMIT };
  /** The browser is on a page load of its own: a refusal, even the limit's, is the login page. */
  const redirectOnError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    void refuse(request, reply, error);
  };
  const env = options.env ?? process.env;
  const origin = (request: FastifyRequest) =>
    (options.publicOrigin ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
  const redirectUri = (request: FastifyRequest) => `${origin(request)}${CALLBACK_PATH}`;
  const context = (request: FastifyRequest): FlowContext => ({
    db,
    clients: options.clients,
    sealKey: options.sealKey,
    env,
    now: options.now(),
    warn: (message) => request.log.warn({ oidc: true }, message),
  });

  /** Any failure becomes the login page with a stable code; the reason is logged, never a token. */
  function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
    if (error instanceof ApiError) {
      const refused = error instanceof OidcRefused ? error : undefined;
      request.log.warn(
        { oidc: error.code, municipalityId: refused?.municipalityId },
        `sign-in through the identity provider refused: ${refused?.reason ?? error.message}`,
      );
      return reply.redirect(refusedAt(error.code), 302);
    }
    // A query the schema refuses (no municipality) is the link's fault, not the server's.
    if ((error as FastifyError).validation !== undefined) {
      return reply.redirect(refusedAt('MALFORMED_REQUEST'), 302);
    }
    request.log.error({ err: error }, 'sign-in through the identity provider failed');
    return reply.redirect(refusedAt('INTERNAL_ERROR'), 302);
  }

  app.get(
    STAFF_PATHS.oidcOptions,
    {
      config: { access: PUBLIC },
      schema: { querystring: OidcOptionsQuerySchema, response: { 200: OidcOptionsResponseSchema } },
    },
    async (request): Promise<OidcOptionsResponse> => ({
      providers: await listEnabledProviders(db, {
        municipalityId: request.query.municipality,
        entrySlug: request.query.entry,
      }),
    }),
  );

  app.get(
    STAFF_PATHS.oidcStart,
    {
      config: { access: PUBLIC, ...limited },
      schema: { querystring: OidcStartQuerySchema },
      errorHandler: redirectOnError,
    },
    async (request, reply) => {
      try {
        const { location, state } = await startSignIn(
          context(request),
          request.query.municipality,
          redirectUri(request),
        );
        void reply.header('set-cookie', stateCookie(request, state, OIDC_LOGIN_MINUTES * 60));
        void reply.header('cache-control', 'no-store');
        return reply.redirect(location, 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  );

  // No query schema: the provider adds parameters of its own (Entra ID: session_state), and a
  // malformed answer must still end on the login page, not in a 400.
  app.get(
    STAFF_PATHS.oidcCallback,
    { config: { access: PUBLIC, ...limited }, errorHandler: redirectOnError },
    async (request, reply) => {
      void reply.header('set-cookie', stateCookie(request, '', 0));
      void reply.header('cache-control', 'no-store');
      try {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
        const { accountId } = await finishSignIn(context(request), query, readStateCookie(request));
        const session = await signInSession(db, accountId, readSessionToken(request), options.now());
        setSessionCookie(request, reply, session.token);
        return reply.redirect(OIDC_LANDING_PAGE, 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  );

  function settingsOf(request: FastifyRequest, provider: ProviderRow | undefined): OidcSettings {
    const secretEnv = provider?.clientSecretEnv ?? null;
    return {
      configured: provider !== undefined,
      issuer: provider?.issuer ?? '',
      clientId: provider?.clientId ?? '',
      secretSource: provider?.clientSecretSealed ? 'stored' : secretEnv !== null ? 'env' : 'none',
      secretEnv,
      secretEnvPresent: secretEnv !== null && (env[secretEnv] ?? '') !== '',
      tenantId: provider?.tenantId ?? null,
      enabled: provider?.enabled ?? false,
      redirectUri: redirectUri(request),
    };
  }

  app.get(
    STAFF_PATHS.oidcSettings,
    { config: { access: ADMIN }, schema: { response: { 200: OidcSettingsSchema } } },
    async (request) => settingsOf(request, await findProvider(db, staffOf(request).municipalityId)),
  );

  app.put(
    STAFF_PATHS.oidcSettings,
    {
      config: { access: ADMIN, audit: { action: 'oidc.settings', detail: (r) => detailOf(r.body) } },
      schema: { body: UpdateOidcSettingsRequestSchema, response: { 200: OidcSettingsSchema } },
    },
    async (request) => {
      const { municipalityId } = staffOf(request);
      const body = request.body;
      if (!isAllowedIssuer(body.issuer)) {
        throw new ApiError(
          'MALFORMED_REQUEST',
          'The issuer is an https:// address (http:// only on 127.0.0.1 or localhost), without ? or #',
        );
      }
      const before = await findProvider(db, municipalityId);
      const secret = body.secret;
      const keep = secret.source === 'keep';
      const row: ProviderRow = {
        municipalityId,
        issuer: body.issuer.replace(/\/+$/, ''),
        clientId: body.clientId,
        clientSecretSealed:
          secret.source === 'stored'
            ? sealClientSecret(options.sealKey, municipalityId, secret.value)
            : keep
              ? (before?.clientSecretSealed ?? null)
              : null,
        clientSecretEnv:
          secret.source === 'env' ? secret.name : keep ? (before?.clientSecretEnv ?? null) : null,
        tenantId: body.tenantId,
        enabled: body.enabled,
      };
      await saveProvider(db, row);
      return settingsOf(request, row);
    },
  );

  app.get(
    STAFF_PATHS.oidcRoleMappings,
    { config: { access: ADMIN }, schema: { response: { 200: OidcRoleMappingsSchema } } },
    async (request): Promise<OidcRoleMappings> => ({
      mappings: await listRoleMappings(db, staffOf(request).municipalityId),
    }),
  );

  app.put(
    STAFF_PATHS.oidcRoleMappings,
    {
      config: {
        access: ADMIN,
        audit: {
          action: 'oidc.role_mappings',
          detail: (r) => `${(r.body as OidcRoleMappings).mappings.length}`,
        },
      },
      schema: { body: OidcRoleMappingsSchema, response: { 200: OidcRoleMappingsSchema } },
    },
    async (request): Promise<OidcRoleMappings> => {
      const { municipalityId } = staffOf(request);
      const { mappings } = request.body;
      await checkRoles(db, municipalityId, mappings);
      await db.transaction().execute((trx) => replaceRoleMappings(trx, municipalityId, mappings));
      return { mappings: await listRoleMappings(db, municipalityId) };
    },
  );
};

/** The audit entry's detail: what was set, never the secret. */
function detailOf(body: unknown): string {
  const b = body as UpdateOidcSettingsRequest;
  return `issuer ${b.issuer}, client ${b.clientId}, secret ${b.secret.source}, ${b.enabled ? 'on' : 'off'}`;
}
