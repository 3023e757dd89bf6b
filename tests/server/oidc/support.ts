// The world of the sign-in tests: the server test world with its staff (admin of m1 and the rest),
// a real identity provider in this process (../support/oidc-provider.ts), m1's provider set up
// and its app roles mapped through the admin API, and a helper that signs in the way a browser
// would: start → the provider's login form → the callback, with the state cookie.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { OidcRoleMapping } from '../../../src/shared/api/oidc';
import type { DialectName } from '../../../src/server/db/database';
import { AUTHZ } from '../authz/fixtures';
import { startTestIdp, type TestIdp } from '../support/oidc-provider';
import { staffEnvironment, type StaffClient } from '../support/staff';
import type { TestEnvironment } from '../support/environment';

export const ORIGIN = 'http://tifaktor.test';
export const REDIRECT_URI = `${ORIGIN}/api/v1/auth/oidc/callback`;

export const MAPPINGS: OidcRoleMapping[] = [
  { claim: 'roles', value: 'Tifaktor.Admin', role: 'admin', unitId: null },
  { claim: 'roles', value: 'Tifaktor.Leder.Enhet', role: 'leader', unitId: AUTHZ.unitA },
  { claim: 'roles', value: 'Tifaktor.Verneombud', role: 'safety_rep', unitId: AUTHZ.unitB },
  { claim: 'groups', value: '6f1c2a0e-group-tillitsvalgt', role: 'union_rep', unitId: AUTHZ.unitA },
];

export interface OidcWorld {
  env: TestEnvironment;
  admin: StaffClient;
  idp: TestIdp;
}

export async function oidcWorld(dialect: DialectName): Promise<OidcWorld> {
  const idp = await startTestIdp({ redirectUris: [REDIRECT_URI] });
  const { env, admin } = await staffEnvironment(dialect, { publicOrigin: ORIGIN });
  const settings = await admin.put('/municipality/oidc', {
    issuer: idp.issuer,
    clientId: idp.clientId,
    secret: { source: 'stored', value: idp.clientSecret },
    tenantId: idp.tenantId,
    enabled: true,
  });
  expect(settings.statusCode, settings.body).toBe(200);
  const mapped = await admin.put('/municipality/oidc/role-mappings', { mappings: MAPPINGS });
  expect(mapped.statusCode, mapped.body).toBe(200);
  return { env, admin, idp };
}

const cookiePair = (res: LightMyRequestResponse, name: string): string | undefined => {
  const lines = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return lines
    .map((l) => l.split(';')[0]!)
    .find((pair) => pair.startsWith(`${name}=`) && pair !== `${name}=`);
};

export interface SignInAttempt {
  start: LightMyRequestResponse;
  callback: LightMyRequestResponse;
  /** The callback's path and query, to send again. */
  callbackUrl: string;
  stateCookie: string;
  /** tf_session=… when the callback signed in. */
  sessionCookie: string | undefined;
}

export async function startAt(app: FastifyInstance, municipality: string = AUTHZ.municipality) {
  return app.inject({ method: 'GET', url: `/api/v1/auth/oidc/start?municipality=${municipality}` });
}

export async function sendCallback(app: FastifyInstance, url: string, stateCookie?: string) {
  return app.inject({ method: 'GET', url, headers: stateCookie ? { cookie: stateCookie } : {} });
}

/** Start → the provider's login as `login` → the callback, as a browser. */
export async function signInThrough(
  world: OidcWorld,
  login: string,
  app = world.env.app,
): Promise<SignInAttempt> {
  const start = await startAt(app);
  expect(start.statusCode, start.body).toBe(302);
  const stateCookie = cookiePair(start, 'tf_oidc_state');
  if (!stateCookie) throw new Error('The start set no state cookie');
  const back = new URL(await world.idp.signInAt(String(start.headers.location), login));
  const callbackUrl = `${back.pathname}${back.search}`;
  const callback = await sendCallback(app, callbackUrl, stateCookie);
  return { start, callback, callbackUrl, stateCookie, sessionCookie: cookiePair(callback, 'tf_session') };
}

/** The login page's refusal code the callback (or start) sent the browser to, or '(signed in)'. */
export function outcome(res: LightMyRequestResponse): string {
  expect(res.statusCode).toBe(302);
  const location = String(res.headers.location);
  if (location === '/admin') return '(signed in)';
  const match = /^\/admin\/logg-inn\?feil=([A-Z_]+)$/.exec(location);
  if (!match) throw new Error(`Unexpected redirect to ${location}`);
  return match[1]!;
}

export async function me(app: FastifyInstance, cookie: string) {
  return app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
}
