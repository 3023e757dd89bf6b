import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/api/errors';
import { USERS, seedAuthzFixtures, signIn, type Credentials } from './authz/fixtures';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { NOW, batch, validResponse } from './support/fixtures';

describeEachDatabase('CSRF protection', (dialect) => {
  let env: TestEnvironment;
  let admin: Credentials;
  let leader: Credentials;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
    await seedAuthzFixtures(env.database.kysely);
    admin = await signIn(env.database.kysely, USERS.admin.id, NOW);
    leader = await signIn(env.database.kysely, USERS.leaderA.id, NOW);
  });
  afterAll(() => env.dispose());

  const newAccount = (username: string) => ({
    username,
    displayName: 'Ny',
    password: 'et langt nok passord',
    roles: [{ role: 'leader', unitId: 'dept' }],
  });

  it('refuses every unsafe staff request without the session’s token with 403 CSRF_INVALID', async () => {
    const requests = [
      { method: 'POST', url: '/api/v1/accounts', payload: newAccount('csrf-one') },
      { method: 'PUT', url: `/api/v1/accounts/${USERS.leaderB.id}/roles`, payload: { roles: [] } },
      { method: 'DELETE', url: `/api/v1/accounts/${USERS.leaderB.id}` },
      { method: 'POST', url: '/api/v1/auth/logout' },
      { method: 'POST', url: '/api/v1/auth/logout-all' },
    ] as const;
    for (const request of requests) {
      for (const token of [undefined, '', 'wrong', leader.csrfToken]) {
        const headers = { cookie: admin.cookie, ...(token !== undefined && { 'x-csrf-token': token }) };
        const res = await env.app.inject({ ...request, headers });
        expect(res.statusCode, `${request.method} ${request.url} with ${token}`).toBe(403);
        expect(res.json<ErrorBody>().error.code).toBe('CSRF_INVALID');
      }
    }
    // Nothing happened: the account was not created and the sessions still work.
    const list = await env.app.inject({ url: '/api/v1/accounts', headers: { cookie: admin.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('csrf-one');
    const leaderB = await env.database.kysely
      .selectFrom('users')
      .select('id')
      .where('id', '=', USERS.leaderB.id)
      .execute();
    expect(leaderB).toHaveLength(1);
  });

  it('accepts the unsafe request with the right token, and needs none for GET', async () => {
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: newAccount('csrf-two'),
    });
    expect(created.statusCode).toBe(201);
    const me = await env.app.inject({ url: '/api/v1/auth/me', headers: { cookie: admin.cookie } });
    expect(me.statusCode).toBe(200);
  });

  it('asks no token on public routes, which use no cookies', async () => {
    const ingest = await env.app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      headers: { cookie: admin.cookie },
      payload: batch([validResponse()]),
    });
    expect(ingest.json<ErrorBody>().error?.code).not.toBe('CSRF_INVALID');
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: USERS.unionA.username, password: 'fixture-password-2026' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('checks the session before the token: no session is 401, not 403', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(res.statusCode).toBe(401);
  });
});
