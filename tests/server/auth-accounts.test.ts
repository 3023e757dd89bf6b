import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/api/errors';
import type { Account, AccountListResponse } from '../../src/shared/api/staff';
import {
  AUTHZ,
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

describeEachDatabase('account administration', (dialect) => {
  let env: TestEnvironment;
  let admin: Credentials;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
    await seedAuthzFixtures(env.database.kysely);
    admin = await signIn(env.database.kysely, USERS.admin.id, NOW);
  });
  afterAll(() => env.dispose());

  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, as = admin) =>
    env.app.inject({ method, url: `/api/v1${url}`, headers: headersFor(as), ...(payload && { payload }) });
  const code = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;
  const newAccount = (username: string, roles: unknown[] = [{ role: 'leader', unitId: AUTHZ.deptA }]) => ({
    username,
    displayName: 'Kari Nordmann',
    password: 'et langt nok passord',
    roles,
  });

  it('lists the accounts of the admin’s own municipality only, without password hashes', async () => {
    const res = await send('GET', '/accounts');
    expect(res.statusCode).toBe(200);
    const { accounts } = res.json<AccountListResponse>();
    const ids = accounts.map((a) => a.id);
    expect(ids).toContain(USERS.leaderB.id);
    expect(ids).not.toContain(TARGETS.foreignAdmin.id);
    expect(accounts.every((a) => a.municipalityId === 'm1')).toBe(true);
    expect(res.body).not.toMatch(/scrypt|hash|password/i);
    expect(accounts.find((a) => a.id === USERS.unionA.id)).toEqual({
      id: USERS.unionA.id,
      username: USERS.unionA.username,
      displayName: USERS.unionA.username,
      municipalityId: 'm1',
      roles: [{ role: 'union_rep', unitId: AUTHZ.unitA }],
      createdOn: '2026-03-01',
    });
  });

  it('creates an account with several roles, which can then log in', async () => {
    const roles = [
      { role: 'safety_rep', unitId: AUTHZ.unitB },
      { role: 'leader', unitId: AUTHZ.deptA },
      { role: 'leader', unitId: AUTHZ.deptA },
    ];
    const res = await send('POST', '/accounts', newAccount('Kari.Nordmann', roles));
    expect(res.statusCode).toBe(201);
    expect(res.json<Account>()).toMatchObject({
      username: 'kari.nordmann',
      municipalityId: 'm1',
      createdOn: '2026-03-10',
      // Sorted, and the same role on the same unit once.
      roles: [
        { role: 'leader', unitId: AUTHZ.deptA },
        { role: 'safety_rep', unitId: AUTHZ.unitB },
      ],
    });
    expect(res.body).not.toMatch(/scrypt|password/i);
    expect((await login(env.app, 'kari.nordmann', 'et langt nok passord')).res.statusCode).toBe(200);
  });

  it('refuses a taken username (in any case) with 409 USERNAME_TAKEN', async () => {
    const res = await send('POST', '/accounts', newAccount(USERS.leaderA.username.toUpperCase()));
    expect(res.statusCode).toBe(409);
    expect(code(res)).toBe('USERNAME_TAKEN');
  });

  it('refuses bad input with 400: short password, bad username, no roles, admin on a unit, unit role without one', async () => {
    const bad = [
      { ...newAccount('ok-name'), password: 'elleve tegn' },
      newAccount('has space'),
      newAccount('ok-name', []),
      newAccount('ok-name', [{ role: 'admin', unitId: AUTHZ.unitA }]),
      newAccount('ok-name', [{ role: 'leader', unitId: null }]),
      newAccount('ok-name', [{ role: 'owner', unitId: null }]),
    ];
    for (const body of bad) {
      const res = await send('POST', '/accounts', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(code(res)).toBe('MALFORMED_REQUEST');
    }
  });

  it('refuses fields it does not know, such as a ready-made password hash, and creates nothing', async () => {
    const res = await send('POST', '/accounts', {
      ...newAccount('sneaky'),
      passwordHash: 'scrypt$1$1$1$x$y',
    });
    expect(res.statusCode).toBe(400);
    expect(code(res)).toBe('MALFORMED_REQUEST');
    const created = await env.database.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'sneaky')
      .execute();
    expect(created).toEqual([]);
  });

  it('refuses roles on units that do not exist or belong to another municipality with 400 UNKNOWN_UNIT', async () => {
    for (const unitId of [AUTHZ.missingUnit, AUTHZ.foreignUnit]) {
      const res = await send('POST', '/accounts', newAccount('ok-name', [{ role: 'leader', unitId }]));
      expect(res.statusCode).toBe(400);
      expect(code(res)).toBe('UNKNOWN_UNIT');
    }
    const created = await env.database.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'ok-name')
      .execute();
    expect(created).toEqual([]);
  });

  it('changes roles, effective on the very next request of a signed-in session', async () => {
    const leader = await signIn(env.database.kysely, TARGETS.rolesTarget.id, NOW);
    const me = () => env.app.inject({ url: '/api/v1/auth/me', headers: headersFor(leader) });
    expect((await env.app.inject({ url: '/api/v1/accounts', headers: headersFor(leader) })).statusCode).toBe(
      403,
    );
    const res = await send('PUT', `/accounts/${TARGETS.rolesTarget.id}/roles`, {
      roles: [
        { role: 'admin', unitId: null },
        { role: 'leader', unitId: AUTHZ.deptA },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Account>().roles).toEqual([
      { role: 'admin', unitId: null },
      { role: 'leader', unitId: AUTHZ.deptA },
    ]);
    expect((await env.app.inject({ url: '/api/v1/accounts', headers: headersFor(leader) })).statusCode).toBe(
      200,
    );
    expect((await me()).json<{ user: Account }>().user.roles).toHaveLength(2);
  });

  it('answers 404 for an account of another municipality or none at all', async () => {
    for (const id of [TARGETS.foreignAdmin.id, 'no-such-account']) {
      expect(
        (await send('PUT', `/accounts/${id}/roles`, { roles: [{ role: 'admin', unitId: null }] })).statusCode,
      ).toBe(404);
      expect((await send('DELETE', `/accounts/${id}`)).statusCode).toBe(404);
    }
  });

  it('deletes an account and ends its sessions at once', async () => {
    const doomed = await signIn(env.database.kysely, TARGETS.doomed.id, NOW);
    expect((await env.app.inject({ url: '/api/v1/auth/me', headers: headersFor(doomed) })).statusCode).toBe(
      200,
    );
    expect((await send('DELETE', `/accounts/${TARGETS.doomed.id}`)).statusCode).toBe(204);
    expect((await env.app.inject({ url: '/api/v1/auth/me', headers: headersFor(doomed) })).statusCode).toBe(
      401,
    );
    const left = await env.database.kysely
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', TARGETS.doomed.id)
      .execute();
    expect(left).toEqual([]);
    expect((await login(env.app, TARGETS.doomed.username, FIXTURE_PASSWORD)).res.statusCode).toBe(401);
  });

  it('never leaves the municipality without an admin: 409 LAST_ADMIN', async () => {
    // rolesTarget was made admin above; take that back so authz-admin is the only one.
    await send('PUT', `/accounts/${TARGETS.rolesTarget.id}/roles`, {
      roles: [{ role: 'leader', unitId: AUTHZ.deptA }],
    });
    const demote = await send('PUT', `/accounts/${USERS.admin.id}/roles`, {
      roles: [{ role: 'leader', unitId: AUTHZ.unitA }],
    });
    expect(demote.statusCode).toBe(409);
    expect(code(demote)).toBe('LAST_ADMIN');
    const remove = await send('DELETE', `/accounts/${USERS.admin.id}`);
    expect(remove.statusCode).toBe(409);
    expect(code(remove)).toBe('LAST_ADMIN');
    // Nothing changed: still admin, still signed in.
    expect((await send('GET', '/accounts')).statusCode).toBe(200);
  });

  it('lets a user without roles not sign in at all', async () => {
    const db = env.database.kysely;
    await db.deleteFrom('role_assignments').where('user_id', '=', USERS.leaderB.id).execute();
    const { res } = await login(env.app, USERS.leaderB.username);
    expect(res.statusCode).toBe(403);
    expect(code(res)).toBe('FORBIDDEN_ROLE');
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
