// The operator (issue 14): signs in with its own cookie, lists and creates municipalities, hands
// out a first admin's setup link, and reaches no staff route; staff reach no operator route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../src/shared/api/staff';
import type { OperatorMunicipality } from '../../src/shared/api/operator';
import { createOperator, OPERATOR_COOKIE } from '../../src/server/operator/operator';
import { headersFor, seedAuthzFixtures, signIn, USERS } from './authz/fixtures';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { NOW } from './support/fixtures';

const PASSWORD = 'operator-password-long';

describeEachDatabase('operator', (dialect) => {
  let env: TestEnvironment;
  let cookie: string;
  let csrf: string;
  const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: unknown) =>
    env.app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload !== undefined && { payload: payload as string }),
    });
  const asOperator = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    inject(method, url, { cookie, [CSRF_HEADER]: csrf }, payload);

  beforeAll(async () => {
    env = await createEnvironment(dialect);
    await seedAuthzFixtures(env.database.kysely);
    await createOperator(
      env.database.kysely,
      { username: 'Drift', displayName: 'Drift KS', password: PASSWORD },
      NOW,
    );
    const res = await inject('POST', '/operator/login', {}, { username: 'drift', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^${OPERATOR_COOKIE}=[^;]+; Path=/; .*HttpOnly; SameSite=Strict`));
    cookie = setCookie.split(';')[0]!;
    csrf = res.json<{ csrfToken: string }>().csrfToken;
  });
  afterAll(() => env.dispose());

  it('refuses a wrong password and an unknown operator alike', async () => {
    const wrong = await inject(
      'POST',
      '/operator/login',
      {},
      { username: 'drift', password: 'not-the-password' },
    );
    const unknown = await inject('POST', '/operator/login', {}, { username: 'nobody', password: PASSWORD });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json<{ error: { code: string } }>().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('a staff admin cannot sign in as operator with their password, nor use operator routes', async () => {
    const admin = headersFor(await signIn(env.database.kysely, USERS.admin.id, NOW));
    const res = await inject('GET', '/operator/municipalities', admin);
    expect(res.statusCode).toBe(401);
  });

  it('the operator cookie opens no staff route', async () => {
    for (const url of ['/auth/me', '/accounts', '/municipality', '/units']) {
      const res = await inject('GET', url, { cookie, [CSRF_HEADER]: csrf });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('lists municipalities with entry address and whether they have an admin', async () => {
    const res = await asOperator('GET', '/operator/municipalities');
    expect(res.statusCode).toBe(200);
    const list = res.json<{ municipalities: OperatorMunicipality[] }>().municipalities;
    expect(list.find((m) => m.id === 'm1')).toMatchObject({ hasAdmin: true });
    expect(list.every((m) => /^[a-z0-9-]+$/.test(m.entrySlug))).toBe(true);
  });

  it('refuses an unsafe request without the CSRF token', async () => {
    const res = await inject(
      'POST',
      '/operator/municipalities',
      { cookie },
      { name: 'Ås', number: '3021', language: 'nb' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('CSRF_INVALID');
  });

  it('creates a municipality, refuses a taken number or address and a bad address, and sets up its first admin once', async () => {
    const created = await asOperator('POST', '/operator/municipalities', {
      name: 'Bærum',
      number: '3024',
      language: 'nb',
    });
    expect(created.statusCode).toBe(201);
    const m = created.json<OperatorMunicipality>();
    expect(m).toMatchObject({ name: 'Bærum', entrySlug: 'baerum', hasAdmin: false });

    const again = await asOperator('POST', '/operator/municipalities', {
      name: 'X',
      number: '3024',
      language: 'nb',
    });
    expect(again.statusCode).toBe(409);
    const slug = await asOperator('POST', '/operator/municipalities', {
      name: 'X',
      number: '3025',
      language: 'nb',
      entrySlug: 'baerum',
    });
    expect(slug.statusCode).toBe(409);
    for (const entrySlug of ['Baerum', 'bae--rum', '-x', 'a b']) {
      const bad = await asOperator('POST', '/operator/municipalities', {
        name: 'X',
        number: '3026',
        language: 'nb',
        entrySlug,
      });
      expect(bad.statusCode, entrySlug).toBe(400);
    }

    const link = await asOperator('POST', `/operator/municipalities/${m.id}/setup-link`);
    expect(link.statusCode).toBe(200);
    const { path } = link.json<{ path: string }>();
    expect(path).toMatch(/^\/oppsett\/.+/);
    const token = path.slice('/oppsett/'.length);
    const setup = await inject(
      'POST',
      '/auth/setup',
      {},
      { token, username: 'kari', displayName: 'Kari', password: 'a-long-password-1' },
    );
    expect(setup.statusCode).toBe(200);
    expect(setup.json<{ user: { municipalityId: string } }>().user.municipalityId).toBe(m.id);

    const second = await asOperator('POST', `/operator/municipalities/${m.id}/setup-link`);
    expect(second.statusCode).toBe(409);
    const missing = await asOperator('POST', '/operator/municipalities/nope/setup-link');
    expect(missing.statusCode).toBe(404);
  });

  it('keeps the national list of unit types: adds one the admins can then use, refuses a taken or bad code', async () => {
    const before = (await asOperator('GET', '/operator/unit-types')).json<{
      unitTypes: { code: string }[];
    }>();
    expect(before.unitTypes.map((t) => t.code)).toContain('sykehjem');
    const label = { nb: ' Kulturskole ', nn: 'Kulturskule', en: 'School of arts' };
    const created = await asOperator('POST', '/operator/unit-types', { code: 'kulturskole', label });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ code: 'kulturskole', label: { ...label, nb: 'Kulturskole' } });
    const again = await asOperator('POST', '/operator/unit-types', { code: 'kulturskole', label });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('CONFLICT');
    for (const body of [
      { code: 'Kultur', label },
      { code: 'k', label },
      { code: 'a--b', label },
      { code: 'ok-code', label: { ...label, nn: '   ' } },
      { code: 'ok-code', label: { nb: 'x', nn: 'y' } },
      { code: 'ok-code', label: { ...label, en: 'x'.repeat(61) } },
      { code: 'ok-code', label, extra: 1 },
    ]) {
      const bad = await asOperator('POST', '/operator/unit-types', body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
    }
    const after = (await asOperator('GET', '/operator/unit-types')).json<{ unitTypes: { code: string }[] }>();
    expect(after.unitTypes.length).toBe(before.unitTypes.length + 1);
    // A municipality admin picks the new type for a unit; staff cannot add types.
    const admin = headersFor(await signIn(env.database.kysely, USERS.admin.id, NOW));
    const unit = await inject('POST', '/units', admin, {
      parentId: null,
      name: 'Kulturskolen',
      unitType: 'kulturskole',
    });
    expect(unit.statusCode).toBe(201);
    const staffAdd = await inject('POST', '/operator/unit-types', admin, { code: 'other', label });
    expect(staffAdd.statusCode).toBe(401);
  });

  describe('logout', () => {
    it('ends the session', async () => {
      expect((await asOperator('GET', '/operator/me')).statusCode).toBe(200);
      expect((await asOperator('POST', '/operator/logout')).statusCode).toBe(204);
      expect((await asOperator('GET', '/operator/me')).statusCode).toBe(401);
    });
  });
});
