// A real OpenID Connect provider in the test process (oidc-provider, listening on 127.0.0.1), set
// up the way Microsoft Entra ID signs people in to a web app: the id token carries the tenant id
// `tid`, the stable object id `oid`, the app roles in `roles` (and groups, if asked), `name` and
// `preferred_username`. Its development login form takes any login name with any password; the
// name picks one of `users` (change a user's roles between sign-ins to test a removed role).
// `tamper` re-signs the next id tokens with the provider's own key and changed claims (a token
// for another audience, from another issuer, or expired), and `stop()` takes the provider down.
// The server tests drive it with fetch (signInAt); the e2e test lets Chromium fill in the form.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContext } from 'oidc-provider';

export interface TestIdpUser {
  oid: string;
  name: string;
  roles: string[];
  groups?: string[];
  /** Default: the provider's tenant. */
  tid?: string;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  tenantId: string;
  /** By login name; tests change these between sign-ins. */
  users: Map<string, TestIdpUser>;
  /** Changes the claims of the id tokens issued while set (re-signed with the provider's key). */
  tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined;
  /** Follows a start redirect through the provider's login form; returns the callback URL. */
  signInAt(authorizationUrl: string, login: string): Promise<string>;
  stop(): Promise<void>;
}

export const TEST_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

function base64url(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url');
}

function resign(jwt: string, key: KeyObject, kid: string, change: TestIdp['tamper']): string {
  const [, payload] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = base64url(JSON.stringify(change ? change(claims) : claims));
  const signature = sign('sha256', Buffer.from(`${header}.${body}`), key);
  return `${header}.${body}.${base64url(signature)}`;
}

export async function startTestIdp(options: {
  redirectUris: string[];
  /** 'localhost' makes the provider another site than an app on 127.0.0.1 (the e2e test). */
  hostname?: string;
}): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${options.hostname ?? '127.0.0.1'}:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key';
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const users = new Map<string, TestIdpUser>();
  const idp: TestIdp = {
    issuer,
    clientId: 'tifaktor-test',
    clientSecret: 'test-client-secret-0123456789',
    tenantId: TEST_TENANT,
    users,
    tamper: undefined,
    signInAt: (url, login) => followSignIn(issuer, options.redirectUris, url, login),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: idp.clientId,
        client_secret: idp.clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: { keys: [jwk] },
    claims: { openid: ['sub', 'tid', 'oid', 'roles', 'groups', 'name', 'preferred_username'] },
    // As Entra ID: the claims go into the id token itself, not only to the userinfo endpoint.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    findAccount: (_ctx: unknown, sub: string) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          tid: user.tid ?? TEST_TENANT,
          oid: user.oid,
          name: user.name,
          preferred_username: `${sub}@kommune.test`,
          roles: [...user.roles],
          ...(user.groups && { groups: [...user.groups] }),
        }),
      };
    },
    // As an Entra app an admin has consented to for the tenant: no consent screen per person.
    loadExistingGrant: async (ctx: KoaContext) => {
      const { client, session, result, provider: p } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return p.Grant.find(grantId);
      const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile');
      grant.addOIDCClaims(['tid', 'oid', 'roles', 'groups', 'name', 'preferred_username']);
      await grant.save();
      return grant;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || ctx.status !== 200 || !idp.tamper) return;
    const body = (typeof ctx.body === 'string' ? JSON.parse(ctx.body) : ctx.body) as { id_token?: string };
    if (body.id_token) ctx.body = { ...body, id_token: resign(body.id_token, privateKey, kid, idp.tamper) };
  });
  server.on('request', provider.callback());
  return idp;
}

/** A browser's visit to the provider: a cookie jar, the login form posted, redirects followed. */
async function followSignIn(
  issuer: string,
  redirectUris: string[],
  authorizationUrl: string,
  login: string,
): Promise<string> {
  const jar = new Map<string, string>();
  const visit = async (url: string, init: RequestInit = {}) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie },
    });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    return res;
  };
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop += 1) {
    if (redirectUris.some((uri) => url.startsWith(`${uri}?`))) return url;
    const res = await visit(url);
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await res.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action)
      throw new Error(`The provider answered ${res.status}: ${html.slice(0, 300)}`);
    const posted = await visit(new URL(action, issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'any' }),
    });
    url = new URL(posted.headers.get('location') ?? '', url).href;
  }
  throw new Error('The sign-in at the provider did not come back to the redirect URI');
}
