// Staff sessions as HR would try them (issue 15): the idle expiry (the municipality's setting,
// default 8 hours) besides the absolute 30 days, with the idle clock moved at most about once a
// minute; an admin's one-time password link for another person and ending their sessions; a
// person whose roles are all removed is signed out at once; and each of these is logged.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PasswordResetLink, PasswordResetStatus } from '../../src/shared/api/audit';
import type { ErrorBody } from '../../src/shared/api/errors';
import { sha256Hex } from '../../src/server/auth/tokens';
import {
  FIXTURE_PASSWORD,
  TARGETS,
  USERS,
  headersFor,
  login,
  seedAuthzFixtures,
  signIn,
  type Credentials,
} from './authz/fixtures';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { NOW } from './support/fixtures';

const HOUR = 3_600_000;
const NEW_PASSWORD = 'et helt nytt passord 2026';

describeEachDatabase('staff sessions an admin manages', (dialect) => {
  let env: TestEnvironment;
  let admin: Credentials;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
    await seedAuthzFixtures(env.database.kysely);
    admin = await signIn(env.database.kysely, USERS.admin.id, NOW);
  });
  afterAll(() => env.dispose());

  const apps = new Map<number, ReturnType<TestEnvironment['secondApp']>>();
  /** An app whose clock is `ms` after NOW (one per offset: building an app takes a moment). */
  const at = (ms: number) => {
    if (!apps.has(ms)) apps.set(ms, env.secondApp({ now: () => new Date(NOW.getTime() + ms) }));
    return apps.get(ms)!;
  };
  const me = (credentials: Credentials, app = env.app) =>
    app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: headersFor(credentials) });
  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, as = admin) =>
    env.app.inject({ method, url: `/api/v1${url}`, headers: headersFor(as), ...(payload && { payload }) });
  const code = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;
  const lastSeen = async (credentials: Credentials) => {
    const token = credentials.cookie.split('=')[1]!;
    const row = await env.database.kysely
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('id', '=', sha256Hex(token))
      .executeTakeFirst();
    return row?.last_seen_at;
  };
  const entries = (action: string) =>
    env.database.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

  it('ends a session not used for 8 hours (the default), with the cookie cleared', async () => {
    const session = await signIn(env.database.kysely, USERS.unionA.id, NOW);
    expect((await me(session, at(8 * HOUR - 60_000))).statusCode).toBe(200);
    // Used just before: the idle clock starts again from there.
    expect((await me(session, at(16 * HOUR - 2 * 60_000))).statusCode).toBe(200);
    const idle = await me(session, at(24 * HOUR));
    expect(idle.statusCode).toBe(401);
    expect(code(idle)).toBe('UNAUTHENTICATED');
    expect(String(idle.headers['set-cookie'])).toMatch(/^tf_session=;/);
    // Gone for good, not only refused once.
    expect((await me(session, at(24 * HOUR - 60_000))).statusCode).toBe(401);
  });

  it("follows the municipality's idle setting", async () => {
    await env.database.kysely
      .updateTable('municipalities')
      .set({ session_idle_hours: 1 })
      .where('id', '=', 'm1')
      .execute();
    try {
      const session = await signIn(env.database.kysely, USERS.safetyA.id, NOW);
      expect((await me(session, at(HOUR - 60_000))).statusCode).toBe(200);
      expect((await me(session, at(2 * HOUR))).statusCode).toBe(401);
    } finally {
      await env.database.kysely
        .updateTable('municipalities')
        .set({ session_idle_hours: 8 })
        .where('id', '=', 'm1')
        .execute();
    }
  });

  it('moves the idle clock at most about once a minute', async () => {
    const session = await signIn(env.database.kysely, USERS.leaderB.id, NOW);
    expect(await lastSeen(session)).toBeNull();
    await me(session, at(0));
    expect(await lastSeen(session)).toBe(NOW.toISOString());
    await me(session, at(30_000));
    expect(await lastSeen(session)).toBe(NOW.toISOString());
    await me(session, at(61_000));
    expect(await lastSeen(session)).toBe(new Date(NOW.getTime() + 61_000).toISOString());
  });

  it('signs a person out at once when their roles are all removed (401, not 403)', async () => {
    const target = TARGETS.rolesTarget;
    const session = await signIn(env.database.kysely, target.id, NOW);
    expect((await me(session)).statusCode).toBe(200);
    const res = await send('PUT', `/accounts/${target.id}/roles`, { roles: [] });
    expect(res.statusCode).toBe(200);
    const after = await me(session);
    expect(after.statusCode).toBe(401);
    expect(code(after)).toBe('UNAUTHENTICATED');
    const left = await env.database.kysely
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', target.id)
      .execute();
    expect(left).toEqual([]);
    // A session of a person without roles made any other way does not count either.
    const another = await signIn(env.database.kysely, target.id, NOW);
    expect((await me(another)).statusCode).toBe(401);
    expect((await entries('account.roles')).at(-1)).toMatchObject({
      actor_id: USERS.admin.id,
      detail: `${target.username}: `,
    });
    await send('PUT', `/accounts/${target.id}/roles`, { roles: target.roles });
  });

  it("ends another person's sessions, and logs it", async () => {
    const session = await signIn(env.database.kysely, USERS.leaderA.id, NOW);
    const mine = await signIn(env.database.kysely, USERS.leaderB.id, NOW);
    const res = await send('POST', `/accounts/${USERS.leaderA.id}/sessions/end`);
    expect(res.statusCode).toBe(204);
    expect((await me(session)).statusCode).toBe(401);
    expect((await me(mine)).statusCode).toBe(200);
    expect(await entries('account.sessions_ended')).toEqual([
      expect.objectContaining({
        actor_id: USERS.admin.id,
        detail: USERS.leaderA.id,
        at: '2026-03-10T11:00Z',
      }),
    ]);
    expect(code(await send('POST', `/accounts/${TARGETS.foreignAdmin.id}/sessions/end`))).toBe('NOT_FOUND');
  });

  it('makes a one-time password link: it ends the sessions, sets the password once, and dies', async () => {
    const person = USERS.unionA;
    const session = await signIn(env.database.kysely, person.id, NOW);
    const made = await send('POST', `/accounts/${person.id}/password-reset`);
    expect(made.statusCode).toBe(201);
    expect(made.headers['cache-control']).toBe('no-store');
    const link = made.json<PasswordResetLink>();
    expect(link.token).toMatch(/^[\w-]{43}$/);
    expect(link.expiresAt).toBe(new Date(NOW.getTime() + 72 * HOUR).toISOString());
    // Only the hash is kept, and the person is out.
    const stored = await env.database.kysely
      .selectFrom('password_resets')
      .selectAll()
      .where('user_id', '=', person.id)
      .execute();
    expect(stored.map((r) => r.hash)).toEqual([sha256Hex(link.token)]);
    expect((await me(session)).statusCode).toBe(401);
    // The log says whose link, never the token.
    const logged = await entries('account.password_reset');
    expect(logged).toEqual([expect.objectContaining({ actor_id: USERS.admin.id, detail: person.id })]);
    expect(
      JSON.stringify(await env.database.kysely.selectFrom('audit_log').selectAll().execute()),
    ).not.toContain(link.token);

    const status = await env.app.inject({ method: 'GET', url: `/api/v1/auth/password-reset/${link.token}` });
    expect(status.statusCode).toBe(200);
    expect(status.json<PasswordResetStatus>()).toEqual({
      username: person.username,
      displayName: person.username,
    });

    const other = await signIn(env.database.kysely, person.id, NOW);
    const set = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { token: link.token, newPassword: NEW_PASSWORD },
    });
    expect(set.statusCode).toBe(204);
    expect((await me(other)).statusCode).toBe(401);
    expect((await login(env.app, person.username, FIXTURE_PASSWORD)).res.statusCode).toBe(401);
    expect((await login(env.app, person.username, NEW_PASSWORD)).res.statusCode).toBe(200);

    const again = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { token: link.token, newPassword: FIXTURE_PASSWORD },
    });
    expect(again.statusCode).toBe(403);
    expect(code(again)).toBe('PASSWORD_RESET_INVALID');
    const gone = await env.app.inject({ method: 'GET', url: `/api/v1/auth/password-reset/${link.token}` });
    expect(code(gone)).toBe('PASSWORD_RESET_INVALID');
  });

  it('refuses a password link for an account the identity provider signs in, and makes none', async () => {
    const person = USERS.safetyA;
    await env.database.kysely
      .updateTable('users')
      .set({ oidc_subject: 'tenant-1:object-1' })
      .where('id', '=', person.id)
      .execute();
    try {
      const refused = await send('POST', `/accounts/${person.id}/password-reset`);
      expect(refused.statusCode).toBe(409);
      expect(code(refused)).toBe('PASSWORD_NOT_LOCAL');
      const stored = await env.database.kysely
        .selectFrom('password_resets')
        .select('hash')
        .where('user_id', '=', person.id)
        .execute();
      expect(stored).toEqual([]);
    } finally {
      await env.database.kysely
        .updateTable('users')
        .set({ oidc_subject: null })
        .where('id', '=', person.id)
        .execute();
    }
  });

  it('replaces an older link with a newer one, and lets a link expire after 72 hours', async () => {
    const person = USERS.safetyA;
    const first = (await send('POST', `/accounts/${person.id}/password-reset`)).json<PasswordResetLink>();
    const second = (await send('POST', `/accounts/${person.id}/password-reset`)).json<PasswordResetLink>();
    const statusOf = (token: string, app = env.app) =>
      app.inject({ method: 'GET', url: `/api/v1/auth/password-reset/${token}` });
    expect((await statusOf(first.token)).statusCode).toBe(403);
    expect((await statusOf(second.token)).statusCode).toBe(200);
    expect((await statusOf(second.token, at(72 * HOUR - 60_000))).statusCode).toBe(200);
    expect((await statusOf(second.token, at(72 * HOUR))).statusCode).toBe(403);
    const late = await at(72 * HOUR).inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { token: second.token, newPassword: NEW_PASSWORD },
    });
    expect(code(late)).toBe('PASSWORD_RESET_INVALID');
    expect((await login(env.app, person.username, FIXTURE_PASSWORD)).res.statusCode).toBe(200);
  });

  it("refuses a link for another municipality's account, and a too-short new password", async () => {
    expect(code(await send('POST', `/accounts/${TARGETS.foreignAdmin.id}/password-reset`))).toBe('NOT_FOUND');
    const link = (
      await send('POST', `/accounts/${USERS.leaderB.id}/password-reset`)
    ).json<PasswordResetLink>();
    const short = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { token: link.token, newPassword: 'kort' },
    });
    expect(short.statusCode).toBe(400);
    // The link still works after a refused attempt.
    const status = await env.app.inject({ method: 'GET', url: `/api/v1/auth/password-reset/${link.token}` });
    expect(status.statusCode).toBe(200);
  });
});
