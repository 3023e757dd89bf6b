// Every way a sign-in through the identity provider can fail ends on the login page with a stable
// code (never a 5xx, never a session): an id token for another audience, from another issuer or
// expired (signed with the provider's own key, so only the claim checks stop it), a replayed or
// foreign state, the person cancelling, a municipality without a provider, and the provider down
// (fast, and local sign-in still works). The secret never leaves the server.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OidcOptionsResponse, OidcSettings } from '../../../src/shared/api/oidc';
import { OIDC_RATE_LIMIT } from '../../../src/server/routes/oidc';
import { AUTHZ, login } from '../authz/fixtures';
import { describeEachDatabase } from '../support/databases';
import { ORIGIN, oidcWorld, outcome, sendCallback, signInThrough, startAt, type OidcWorld } from './support';

describeEachDatabase('sign-in through the identity provider, refused', (dialect) => {
  let world: OidcWorld;
  const logLines: string[] = [];
  beforeAll(async () => {
    world = await oidcWorld(dialect);
    world.idp.users.set('kari', { oid: 'oid-kari', name: 'Kari', roles: ['Tifaktor.Admin'] });
  });
  afterAll(async () => {
    await world.env.dispose();
    await world.idp.stop();
  });

  const tampered = async (change: (claims: Record<string, unknown>) => Record<string, unknown>) => {
    world.idp.tamper = change;
    try {
      return await signInThrough(world, 'kari');
    } finally {
      world.idp.tamper = undefined;
    }
  };

  it('signs in when the re-signed token is unchanged (the tamper hook alone breaks nothing)', async () => {
    const attempt = await tampered((claims) => claims);
    expect(outcome(attempt.callback)).toBe('(signed in)');
  });

  it('refuses an id token for another audience', async () => {
    const attempt = await tampered((claims) => ({ ...claims, aud: 'another-app' }));
    expect(outcome(attempt.callback)).toBe('OIDC_TOKEN_INVALID');
    expect(attempt.sessionCookie).toBeUndefined();
  });

  it('refuses an id token from another issuer', async () => {
    const attempt = await tampered((claims) => ({ ...claims, iss: 'https://login.example.com/other/v2.0' }));
    expect(outcome(attempt.callback)).toBe('OIDC_TOKEN_INVALID');
  });

  it('refuses an expired id token', async () => {
    const past = Math.floor(Date.now() / 1000) - 2 * 3600;
    const attempt = await tampered((claims) => ({ ...claims, iat: past, exp: past + 3600 }));
    expect(outcome(attempt.callback)).toBe('OIDC_TOKEN_INVALID');
  });

  it('refuses an id token with another nonce', async () => {
    const attempt = await tampered((claims) => ({ ...claims, nonce: 'not-the-nonce' }));
    expect(outcome(attempt.callback)).toBe('OIDC_TOKEN_INVALID');
  });

  it('refuses a replayed state: the same answer sent again signs nobody in', async () => {
    const attempt = await signInThrough(world, 'kari');
    expect(outcome(attempt.callback)).toBe('(signed in)');
    const replay = await sendCallback(world.env.app, attempt.callbackUrl, attempt.stateCookie);
    expect(outcome(replay)).toBe('OIDC_STATE_INVALID');
    expect(String(replay.headers['set-cookie'])).not.toMatch(/tf_session=[\w-]/);
  });

  it('refuses an answer in a browser that did not start the sign-in (no or another state cookie)', async () => {
    const start = await startAt(world.env.app);
    const back = new URL(await world.idp.signInAt(String(start.headers.location), 'kari'));
    const url = `${back.pathname}${back.search}`;
    expect(outcome(await sendCallback(world.env.app, url))).toBe('OIDC_STATE_INVALID');
    expect(outcome(await sendCallback(world.env.app, url, 'tf_oidc_state=someone-elses'))).toBe(
      'OIDC_STATE_INVALID',
    );
    expect(outcome(await sendCallback(world.env.app, '/api/v1/auth/oidc/callback'))).toBe(
      'OIDC_STATE_INVALID',
    );
  });

  it('says OIDC_DENIED when the person cancels at the provider', async () => {
    const start = await startAt(world.env.app);
    const state = new URL(String(start.headers.location)).searchParams.get('state')!;
    const query = new URLSearchParams({ error: 'access_denied', state, iss: world.idp.issuer });
    const res = await sendCallback(
      world.env.app,
      `/api/v1/auth/oidc/callback?${query}`,
      `tf_oidc_state=${state}`,
    );
    expect(outcome(res)).toBe('OIDC_DENIED');
  });

  it('says OIDC_NOT_CONFIGURED for a municipality without a provider, and offers only m1', async () => {
    expect(outcome(await startAt(world.env.app, 'm2'))).toBe('OIDC_NOT_CONFIGURED');
    const options = await world.env.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/options' });
    expect(options.json<OidcOptionsResponse>()).toEqual({
      providers: [{ municipalityId: 'm1', municipalityName: expect.any(String) as string }],
    });
    const forM2 = await world.env.app.inject({
      method: 'GET',
      url: '/api/v1/auth/oidc/options?municipality=m2',
    });
    expect(forM2.json<OidcOptionsResponse>()).toEqual({ providers: [] });
    const { entry_slug: slug } = await world.env.database.kysely
      .selectFrom('municipalities')
      .select('entry_slug')
      .where('id', '=', 'm1')
      .executeTakeFirstOrThrow();
    const byEntry = await world.env.app.inject({
      method: 'GET',
      url: `/api/v1/auth/oidc/options?entry=${slug}`,
    });
    expect(byEntry.json<OidcOptionsResponse>().providers.map((p) => p.municipalityId)).toEqual(['m1']);
    expect(byEntry.body).not.toMatch(/secret|issuer|client/i);
  });

  it('sends a start without a municipality to the login page (MALFORMED_REQUEST), not a 400', async () => {
    const res = await world.env.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    expect(outcome(res)).toBe('MALFORMED_REQUEST');
  });

  it('limits starts and answers per client address: RATE_LIMITED on the login page, no row written', async () => {
    const app = world.env.secondApp({
      publicOrigin: ORIGIN,
      oidcEnv: { TIFAKTOR_OIDC_SECRET: world.idp.clientSecret },
    });
    const from = (
      remoteAddress: string,
      url = `/api/v1/auth/oidc/start?municipality=${AUTHZ.municipality}`,
    ) => app.inject({ method: 'GET', url, remoteAddress });
    const logins = async () =>
      (await world.env.database.kysely.selectFrom('oidc_logins').select('state_hash').execute()).length;
    // Starts and answers are counted apart, each up to the limit.
    for (let i = 0; i < OIDC_RATE_LIMIT.max; i++) {
      expect(String((await from('203.0.113.9')).headers.location)).toMatch(/^http:\/\/127\.0\.0\.1/);
      expect(outcome(await from('203.0.113.9', '/api/v1/auth/oidc/callback?state=x'))).toBe(
        'OIDC_STATE_INVALID',
      );
    }
    const before = await logins();
    const refused = await from('203.0.113.9');
    expect(outcome(refused)).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(outcome(await from('203.0.113.9', '/api/v1/auth/oidc/callback?state=x'))).toBe('RATE_LIMITED');
    expect(await logins()).toBe(before);
    // Another address is not held back.
    expect(String((await from('198.51.100.7')).headers.location)).toMatch(/^http:\/\/127\.0\.0\.1/);
  });

  it('never sends or stores the client secret in the clear', async () => {
    const res = await world.admin.get('/municipality/oidc');
    expect(res.json<OidcSettings>()).toMatchObject({
      configured: true,
      secretSource: 'stored',
      enabled: true,
      redirectUri: `${ORIGIN}/api/v1/auth/oidc/callback`,
    });
    expect(res.body).not.toContain(world.idp.clientSecret);
    const row = await world.env.database.kysely
      .selectFrom('oidc_providers')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(world.idp.clientSecret);
  });

  it('reads the secret from the named environment variable, and refuses clearly when it is unset', async () => {
    const app = world.env.secondApp({
      publicOrigin: ORIGIN,
      oidcEnv: { TIFAKTOR_OIDC_SECRET: world.idp.clientSecret },
    });
    const put = await world.admin.put('/municipality/oidc', {
      issuer: world.idp.issuer,
      clientId: world.idp.clientId,
      secret: { source: 'env', name: 'TIFAKTOR_OIDC_SECRET' },
      tenantId: world.idp.tenantId,
      enabled: true,
    });
    expect(put.json<OidcSettings>()).toMatchObject({
      secretSource: 'env',
      secretEnv: 'TIFAKTOR_OIDC_SECRET',
    });
    expect(outcome((await signInThrough(world, 'kari', app)).callback)).toBe('(signed in)');
    const unset = world.env.secondApp({ publicOrigin: ORIGIN, oidcEnv: {} });
    expect(outcome(await startAt(unset))).toBe('OIDC_PROVIDER_UNAVAILABLE');
  });

  it('keeps the code and state of an answer out of the app log', async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    const app = world.env.secondApp({
      publicOrigin: ORIGIN,
      logger: { level: 'info', stream },
      oidcEnv: { TIFAKTOR_OIDC_SECRET: world.idp.clientSecret },
    });
    world.idp.tamper = (claims) => ({ ...claims, aud: 'another-app' });
    const attempt = await signInThrough(world, 'kari', app).finally(() => (world.idp.tamper = undefined));
    expect(outcome(attempt.callback)).toBe('OIDC_TOKEN_INVALID');
    const query = new URL(attempt.callbackUrl, ORIGIN).searchParams;
    const log = logLines.join('');
    expect(log).toContain('sign-in through the identity provider refused');
    expect(log).not.toContain(query.get('code')!);
    expect(log).not.toContain(query.get('state')!);
  });

  it('says OIDC_PROVIDER_UNAVAILABLE fast when the provider is down, and local sign-in still works', async () => {
    const env = { TIFAKTOR_OIDC_SECRET: world.idp.clientSecret };
    const started = await signInThrough(
      world,
      'kari',
      world.env.secondApp({ publicOrigin: ORIGIN, oidcEnv: env }),
    );
    expect(outcome(started.callback)).toBe('(signed in)');
    // Down between the start and the answer: the code exchange cannot reach the token endpoint.
    const app = world.env.secondApp({ publicOrigin: ORIGIN, oidcEnv: env, oidcTimeoutSeconds: 2 });
    const start = await startAt(app);
    const back = new URL(await world.idp.signInAt(String(start.headers.location), 'kari'));
    const cookie = ([] as string[]).concat(start.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
    await world.idp.stop();
    expect(outcome(await sendCallback(app, `${back.pathname}${back.search}`, cookie))).toBe(
      'OIDC_PROVIDER_UNAVAILABLE',
    );
    // The same process now knows: its next start says so at once instead of sending the browser on.
    expect(outcome(await startAt(app))).toBe('OIDC_PROVIDER_UNAVAILABLE');
    // Down at the start, on a process that has no discovery cached.
    const fresh = world.env.secondApp({ publicOrigin: ORIGIN, oidcEnv: env, oidcTimeoutSeconds: 2 });
    const before = Date.now();
    expect(outcome(await startAt(fresh))).toBe('OIDC_PROVIDER_UNAVAILABLE');
    expect(Date.now() - before).toBeLessThan(3000);
    const { res } = await login(fresh, 'authz-leader-a');
    expect(res.statusCode).toBe(200);
  });
});
