import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import type { ErrorBody } from '../../src/shared/api/errors';
import type { SessionResponse } from '../../src/shared/api/staff';
import { sha256Hex } from '../../src/server/auth/tokens';
import {
  FIXTURE_PASSWORD,
  USERS,
  headersFor,
  login,
  seedAuthzFixtures,
  type Credentials,
} from './authz/fixtures';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { NOW } from './support/fixtures';

const DAY = 24 * 60 * 60 * 1000;

describeEachDatabase('staff sign-in and sessions', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
    await seedAuthzFixtures(env.database.kysely);
  });
  afterAll(() => env.dispose());

  const me = (credentials?: Credentials, app = env.app) =>
    app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: credentials ? headersFor(credentials) : {},
    });
  const post = (url: string, credentials: Credentials) =>
    env.app.inject({ method: 'POST', url, headers: headersFor(credentials) });

  it('logs in and answers with the user, their roles and a CSRF token, never the password hash', async () => {
    const { res, credentials } = await login(env.app, USERS.leaderA.username);
    expect(res.statusCode).toBe(200);
    const body = res.json<SessionResponse>();
    expect(body).toEqual({
      user: {
        id: USERS.leaderA.id,
        username: USERS.leaderA.username,
        displayName: USERS.leaderA.username,
        municipalityId: 'm1',
        roles: [{ role: 'leader', unitId: 'unit' }],
      },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/) as string,
    });
    expect(res.body).not.toMatch(/scrypt|password/i);
    const again = await me(credentials);
    expect(again.statusCode).toBe(200);
    expect(again.json<SessionResponse>()).toEqual(body);
  });

  it('sets an HttpOnly, SameSite=Strict, Path=/ cookie for 30 days, not Secure over plain http', async () => {
    const { res } = await login(env.app, USERS.unionA.username);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^tf_session=[\w-]{43}; /);
    const flags = cookie.split('; ').slice(1);
    expect(flags).toEqual(['Path=/', `Max-Age=${30 * 24 * 60 * 60}`, 'HttpOnly', 'SameSite=Strict']);
  });

  it('marks the cookie Secure over https, and believes X-Forwarded-Proto only with trustProxy', async () => {
    const proxied = { headers: { 'x-forwarded-proto': 'https' } };
    const untrusted = await login(env.app, USERS.unionA.username, FIXTURE_PASSWORD, proxied);
    expect(String(untrusted.res.headers['set-cookie'])).not.toMatch(/Secure/);
    const behindProxy = env.secondApp({ trustProxy: true });
    const trusted = await login(behindProxy, USERS.unionA.username, FIXTURE_PASSWORD, proxied);
    expect(String(trusted.res.headers['set-cookie'])).toMatch(/; Secure$/);
  });

  it('stores only the hash of the cookie token as the session id', async () => {
    const { credentials } = await login(env.app, USERS.safetyA.username);
    const token = credentials!.cookie.split('=')[1]!;
    const rows = await env.database.kysely.selectFrom('sessions').select('id').execute();
    expect(rows.map((r) => r.id)).toContain(sha256Hex(token));
    expect(rows.map((r) => r.id)).not.toContain(token);
  });

  it('answers 401 UNAUTHENTICATED without a session, and for a made-up cookie also clears it', async () => {
    const none = await me();
    expect(none.statusCode).toBe(401);
    expect(none.json<ErrorBody>().error.code).toBe('UNAUTHENTICATED');
    expect(none.headers['set-cookie']).toBeUndefined();
    const forged = await me({ cookie: 'tf_session=made-up', csrfToken: '' });
    expect(forged.statusCode).toBe(401);
    expect(String(forged.headers['set-cookie'])).toMatch(/^tf_session=; Path=\/; Max-Age=0;/);
  });

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const { credentials } = await login(env.app, USERS.leaderB.username);
    const res = await post('/api/v1/auth/logout', credentials!);
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/^tf_session=; .*Max-Age=0/);
    expect((await me(credentials)).statusCode).toBe(401);
  });

  it('logs out everywhere: every session of the user ends, other users keep theirs', async () => {
    const phone = (await login(env.app, USERS.admin.username)).credentials!;
    const laptop = (await login(env.app, USERS.admin.username)).credentials!;
    const someoneElse = (await login(env.app, USERS.leaderA.username)).credentials!;
    expect((await post('/api/v1/auth/logout-all', laptop)).statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(someoneElse)).statusCode).toBe(200);
  });

  it('shares sessions between server processes: another app on its own connection accepts the cookie', async () => {
    const other = env.secondApp();
    const { credentials } = await login(env.app, USERS.leaderA.username);
    expect((await me(credentials, other)).statusCode).toBe(200);
    // …and a logout in the second ends it in the first.
    await other.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: headersFor(credentials!) });
    expect((await me(credentials)).statusCode).toBe(401);
  });

  it('ends a session 30 days after login', async () => {
    // The longest idle expiry there is (720 hours), so only the absolute one can end it here.
    await env.database.kysely.updateTable('municipalities').set({ session_idle_hours: 720 }).execute();
    onTestFinished(async () => {
      await env.database.kysely.updateTable('municipalities').set({ session_idle_hours: 8 }).execute();
    });
    const { credentials } = await login(env.app, USERS.leaderA.username);
    const almost = env.secondApp({ now: () => new Date(NOW.getTime() + 30 * DAY - 60_000) });
    const after = env.secondApp({ now: () => new Date(NOW.getTime() + 30 * DAY + 60_000) });
    expect((await me(credentials, almost)).statusCode).toBe(200);
    expect((await me(credentials, after)).statusCode).toBe(401);
  });

  it('replaces the session of an earlier login in the same browser', async () => {
    const first = (await login(env.app, USERS.unionA.username)).credentials!;
    const second = await login(env.app, USERS.leaderA.username, FIXTURE_PASSWORD, {
      headers: { cookie: first.cookie },
    });
    expect(second.res.statusCode).toBe(200);
    expect((await me(first)).statusCode).toBe(401);
  });

  it('accepts the username in any case and with surrounding spaces', async () => {
    const { res } = await login(env.app, `  ${USERS.leaderA.username.toUpperCase()} `);
    expect(res.statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown user with the same 401 INVALID_CREDENTIALS', async () => {
    const wrong = await login(env.app, USERS.safetyA.username, 'not the password at all');
    const unknown = await login(env.app, 'nobody-by-this-name', 'not the password at all');
    for (const { res } of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(unknown.res.json()).toEqual(wrong.res.json());
    expect(wrong.res.json()).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' },
    });
  });

  it('spends the same scrypt work on an unknown user as on a wrong password', async () => {
    const time = async (username: string) => {
      const started = performance.now();
      await login(env.app, username, 'still not the password');
      return performance.now() - started;
    };
    await time('warm-up-user');
    const unknown = await time('nobody-at-all');
    const wrong = await time(USERS.unionA.username);
    // A login without scrypt takes a few milliseconds; with it, tens. Same order of magnitude both ways.
    expect(unknown).toBeGreaterThan(wrong / 3);
    expect(wrong).toBeGreaterThan(unknown / 3);
  });

  it('changes the password: the old one stops working and other sessions end, this one stays', async () => {
    const here = (await login(env.app, USERS.leaderB.username)).credentials!;
    const elsewhere = (await login(env.app, USERS.leaderB.username)).credentials!;
    const change = (currentPassword: string) =>
      env.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: headersFor(here),
        payload: { currentPassword, newPassword: 'et helt nytt passord' },
      });
    const wrong = await change('not the current one');
    // 403, not 401: the session is fine (a 401 would sign the PWA out); only the change is refused.
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json<ErrorBody>().error.code).toBe('CURRENT_PASSWORD_WRONG');
    expect((await change(FIXTURE_PASSWORD)).statusCode).toBe(204);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await login(env.app, USERS.leaderB.username)).res.statusCode).toBe(401);
    expect((await login(env.app, USERS.leaderB.username, 'et helt nytt passord')).res.statusCode).toBe(200);
  });
});
