// Sign-in through the municipality's identity provider against a real OpenID Connect provider in
// this process (Entra-style claims: tid, oid, roles): the account made just in time with the
// mapped roles and units, roles replaced at the next sign-in, group ids only where mapped, no
// password for such an account, and the session, CSRF and logout exactly as for a local login.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Account, AccountListResponse, SessionResponse } from '../../../src/shared/api/staff';
import { accountAtSignIn } from '../../../src/server/oidc/accounts';
import { AUTHZ, login } from '../authz/fixtures';
import { describeEachDatabase } from '../support/databases';
import { TEST_TENANT } from '../support/oidc-provider';
import { me, oidcWorld, outcome, signInThrough, type OidcWorld } from './support';

describeEachDatabase('sign-in through the identity provider', (dialect) => {
  let world: OidcWorld;
  beforeAll(async () => {
    world = await oidcWorld(dialect);
  });
  afterAll(async () => {
    await world.env.dispose();
    await world.idp.stop();
  });

  const accountOf = async (username: string): Promise<Account | undefined> => {
    const list = (await world.admin.get('/accounts')).json<AccountListResponse>();
    return list.accounts.find((a) => a.username === username);
  };
  const auditActions = async () =>
    (
      await world.env.database.kysely
        .selectFrom('audit_log')
        .select(['action', 'actor_id', 'detail'])
        .execute()
    ).map((r) => r.action);

  it('makes the account on the first sign-in with the mapped role on its unit, keyed by tid and oid', async () => {
    world.idp.users.set('kari', { oid: 'oid-kari', name: 'Kari Nordmann', roles: ['Tifaktor.Leder.Enhet'] });
    const attempt = await signInThrough(world, 'kari');
    expect(outcome(attempt.callback)).toBe('(signed in)');
    const session = await me(world.env.app, attempt.sessionCookie!);
    expect(session.statusCode).toBe(200);
    expect(session.json<SessionResponse>().user).toMatchObject({
      username: 'kari@kommune.test',
      displayName: 'Kari Nordmann',
      municipalityId: 'm1',
      roles: [{ role: 'leader', unitId: AUTHZ.unitA }],
    });
    const row = await world.env.database.kysely
      .selectFrom('users')
      .select(['oidc_subject', 'password_hash'])
      .where('username', '=', 'kari@kommune.test')
      .executeTakeFirstOrThrow();
    expect(row.oidc_subject).toBe(`${TEST_TENANT}:oid-kari`);
    expect(row.password_hash).not.toMatch(/^scrypt\$/);
    expect(await accountOf('kari@kommune.test')).toMatchObject({ signIn: 'oidc' });
    expect(await auditActions()).toContain('account.created_at_sign_in');
  });

  it("makes one account when the same person's first sign-ins arrive at the same moment (two tabs)", async () => {
    // Five answers for the same new person at once, straight into the account step, five times.
    for (let round = 0; round < 5; round++) {
      const subject = `${TEST_TENANT}:oid-twin-${round}`;
      const signIn = {
        municipalityId: 'm1',
        subject,
        claims: { name: `Tvilling ${round}`, preferred_username: `tvilling${round}@kommune.test` },
        roles: [{ role: 'safety_rep' as const, unitId: AUTHZ.unitA }],
      };
      const ids = await Promise.all(
        [0, 1, 2, 3, 4].map(() => accountAtSignIn(world.env.database.kysely, signIn, new Date())),
      );
      expect(new Set(ids).size).toBe(1);
      const rows = await world.env.database.kysely
        .selectFrom('users')
        .select('id')
        .where('oidc_subject', '=', subject)
        .execute();
      expect(rows.map((r) => r.id)).toEqual([ids[0]]);
      const created = await world.env.database.kysely
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'account.created_at_sign_in')
        .where('actor_id', '=', ids[0]!)
        .execute();
      expect(created).toHaveLength(1);
    }
  });

  it('sets the session cookie as a local login does and ties the state to the browser with a Lax cookie', async () => {
    world.idp.users.set('ola', { oid: 'oid-ola', name: 'Ola', roles: ['Tifaktor.Verneombud'] });
    const attempt = await signInThrough(world, 'ola');
    const startCookie = String(attempt.start.headers['set-cookie']);
    expect(startCookie).toMatch(
      /^tf_oidc_state=[\w-]{43}; Path=\/api\/v1\/auth\/oidc\/callback; Max-Age=600; HttpOnly; SameSite=Lax$/,
    );
    const location = new URL(String(attempt.start.headers.location));
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('redirect_uri')).toBe('http://tifaktor.test/api/v1/auth/oidc/callback');
    expect(location.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
    const cookies = ([] as string[]).concat(attempt.callback.headers['set-cookie'] ?? []);
    expect(cookies).toContain(
      'tf_oidc_state=; Path=/api/v1/auth/oidc/callback; Max-Age=0; HttpOnly; SameSite=Lax',
    );
    expect(cookies.find((c) => c.startsWith('tf_session='))).toMatch(
      /^tf_session=[\w-]{43}; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Strict$/,
    );
  });

  it('replaces the roles at the next sign-in: a role the provider no longer grants is gone', async () => {
    world.idp.users.set('per', {
      oid: 'oid-per',
      name: 'Per',
      roles: ['Tifaktor.Leder.Enhet', 'Tifaktor.Admin'],
    });
    const first = await signInThrough(world, 'per');
    expect((await me(world.env.app, first.sessionCookie!)).json<SessionResponse>().user.roles).toEqual([
      { role: 'admin', unitId: null },
      { role: 'leader', unitId: AUTHZ.unitA },
    ]);
    world.idp.users.set('per', { oid: 'oid-per', name: 'Per Persen', roles: ['Tifaktor.Leder.Enhet'] });
    const second = await signInThrough(world, 'per');
    expect(outcome(second.callback)).toBe('(signed in)');
    const after = (await me(world.env.app, second.sessionCookie!)).json<SessionResponse>().user;
    expect(after.roles).toEqual([{ role: 'leader', unitId: AUTHZ.unitA }]);
    expect(after.displayName).toBe('Per Persen');
    // The earlier session of the same account has the new roles too: roles are read per request.
    const earlier = (await me(world.env.app, first.sessionCookie!)).json<SessionResponse>().user;
    expect(earlier.roles).toEqual([{ role: 'leader', unitId: AUTHZ.unitA }]);
    const users = await world.env.database.kysely
      .selectFrom('users')
      .select('id')
      .where('oidc_subject', '=', `${TEST_TENANT}:oid-per`)
      .execute();
    expect(users).toHaveLength(1);
    const entry = await world.env.database.kysely
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'account.roles_from_provider')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({
      actor_id: users[0]!.id,
      detail: `admin, leader@${AUTHZ.unitA} → leader@${AUTHZ.unitA}`,
    });
  });

  it('refuses with OIDC_NO_ROLE and takes the roles away when the provider grants none of the mapped ones', async () => {
    world.idp.users.set('siri', { oid: 'oid-siri', name: 'Siri', roles: ['Tifaktor.Verneombud'] });
    const first = await signInThrough(world, 'siri');
    world.idp.users.set('siri', { oid: 'oid-siri', name: 'Siri', roles: ['Something.Else'] });
    const second = await signInThrough(world, 'siri');
    expect(outcome(second.callback)).toBe('OIDC_NO_ROLE');
    expect(second.sessionCookie).toBeUndefined();
    // A person left with no role at all is signed out at once, as when an admin removes the last.
    expect((await me(world.env.app, first.sessionCookie!)).statusCode).toBe(401);
    expect((await accountOf('siri@kommune.test'))?.roles).toEqual([]);
  });

  it('makes no account for a first sign-in without a mapped role', async () => {
    world.idp.users.set('nils', { oid: 'oid-nils', name: 'Nils', roles: [] });
    const attempt = await signInThrough(world, 'nils');
    expect(outcome(attempt.callback)).toBe('OIDC_NO_ROLE');
    expect(await accountOf('nils@kommune.test')).toBeUndefined();
  });

  it('maps a group id only because the admin mapped that group, and ignores unmapped groups', async () => {
    world.idp.users.set('gro', {
      oid: 'oid-gro',
      name: 'Gro',
      roles: [],
      groups: ['6f1c2a0e-group-tillitsvalgt', 'some-other-group'],
    });
    const attempt = await signInThrough(world, 'gro');
    expect(outcome(attempt.callback)).toBe('(signed in)');
    expect((await me(world.env.app, attempt.sessionCookie!)).json<SessionResponse>().user.roles).toEqual([
      { role: 'union_rep', unitId: AUTHZ.unitA },
    ]);
  });

  it('refuses a person of another tenant with OIDC_TENANT_MISMATCH', async () => {
    world.idp.users.set('guest', {
      oid: 'oid-guest',
      name: 'Gjest',
      roles: ['Tifaktor.Admin'],
      tid: 'another-tenant',
    });
    const attempt = await signInThrough(world, 'guest');
    expect(outcome(attempt.callback)).toBe('OIDC_TENANT_MISMATCH');
    expect(await accountOf('guest@kommune.test')).toBeUndefined();
  });

  it('gives an account made at sign-in no password: a password login is refused like a wrong one', async () => {
    const res = await world.env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'kari@kommune.test', password: 'oidc:no-password' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('needs the CSRF token, logs out here, and logs out everywhere, as for a local session', async () => {
    world.idp.users.set('liv', { oid: 'oid-liv', name: 'Liv', roles: ['Tifaktor.Leder.Enhet'] });
    const one = await signInThrough(world, 'liv');
    const two = await signInThrough(world, 'liv');
    const three = await signInThrough(world, 'liv');
    const csrf = (cookie: string) =>
      me(world.env.app, cookie).then((r) => r.json<SessionResponse>().csrfToken);
    const post = (url: string, cookie: string, token?: string) =>
      world.env.app.inject({
        method: 'POST',
        url,
        headers: { cookie, ...(token !== undefined && { 'x-csrf-token': token }) },
      });
    const withoutToken = await post('/api/v1/auth/logout', one.sessionCookie!);
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json<{ error: { code: string } }>().error.code).toBe('CSRF_INVALID');
    expect(
      (await post('/api/v1/auth/logout', one.sessionCookie!, await csrf(one.sessionCookie!))).statusCode,
    ).toBe(204);
    expect((await me(world.env.app, one.sessionCookie!)).statusCode).toBe(401);
    expect((await me(world.env.app, three.sessionCookie!)).statusCode).toBe(200);
    const all = await post('/api/v1/auth/logout-all', two.sessionCookie!, await csrf(two.sessionCookie!));
    expect(all.statusCode).toBe(204);
    expect((await me(world.env.app, two.sessionCookie!)).statusCode).toBe(401);
    expect((await me(world.env.app, three.sessionCookie!)).statusCode).toBe(401);
  });

  it('lets a local login keep working beside the provider', async () => {
    const { res } = await login(world.env.app, 'authz-leader-a');
    expect(res.statusCode).toBe(200);
  });

  // Last: it takes the local admin's admin role away.
  it('never leaves the municipality without an admin: LAST_ADMIN, and the roles stay as they were', async () => {
    world.idp.users.set('eva', { oid: 'oid-eva', name: 'Eva', roles: ['Tifaktor.Admin'] });
    const first = await signInThrough(world, 'eva');
    expect(outcome(first.callback)).toBe('(signed in)');
    // Now Eva is the only admin left.
    await world.env.database.kysely
      .deleteFrom('role_assignments')
      .where('role', '=', 'admin')
      .where(
        'user_id',
        '<>',
        (
          await world.env.database.kysely
            .selectFrom('users')
            .select('id')
            .where('oidc_subject', '=', `${TEST_TENANT}:oid-eva`)
            .executeTakeFirstOrThrow()
        ).id,
      )
      .execute();
    world.idp.users.set('eva', { oid: 'oid-eva', name: 'Eva', roles: ['Tifaktor.Leder.Enhet'] });
    const second = await signInThrough(world, 'eva');
    expect(outcome(second.callback)).toBe('LAST_ADMIN');
    expect(second.sessionCookie).toBeUndefined();
    expect((await me(world.env.app, first.sessionCookie!)).json<SessionResponse>().user.roles).toEqual([
      { role: 'admin', unitId: null },
    ]);
  });
});
