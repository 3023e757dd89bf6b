// Text no person types (control characters other than tab and line breaks, lone surrogates) never
// reaches the database: PostgreSQL refuses U+0000 (it was a 500), SQLite stored it. Every path
// parameter, query, JSON body and CSV body is refused with 400 INVALID_TEXT before any SQL; in an
// ingest batch only the item that holds it is rejected. The same on both databases.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listApiRoutes } from '../../src/server/app';
import type { IngestResponse } from '../../src/shared/api/respondent';
import { describeEachDatabase } from './support/databases';
import { dumpTables } from './support/dump';
import type { TestEnvironment } from './support/environment';
import { batch, kioskHeaders, ROUNDS, validResponse } from './support/fixtures';
import { signedIn, type StaffClient, staffEnvironment } from './support/staff';
import { sealedAnswer, storedIds } from './support/release';
import { operatorHeaders } from './support/operator';

const NUL = '\u0000';
const CSV = { 'content-type': 'text/csv' };
const PASSWORD = 'a-long-enough-password';

const invalidText = (res: LightMyRequestResponse) => ({
  status: res.statusCode,
  code: (res.json<{ error?: { code?: string } }>().error ?? {}).code,
});

describeEachDatabase('text a database cannot store', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  let leaderA: StaffClient;
  let safetyA: StaffClient;
  let operator: Record<string, string>;
  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
    leaderA = await signedIn(env, 'leaderA');
    safetyA = await signedIn(env, 'safetyA');
    operator = await operatorHeaders(env);
    await env.app.ready();
  });
  afterAll(() => env.dispose());

  const dump = () => dumpTables(env.database.kysely);
  const post = (responses: unknown[]) =>
    env.app.inject({ method: 'POST', url: '/api/v1/responses', payload: batch(responses) });

  it('refuses a NUL in any path parameter of any API route with 400 INVALID_TEXT', async () => {
    const routes = listApiRoutes(env.app).filter((route) => route.url.includes('/:'));
    expect(routes.length).toBeGreaterThan(10);
    const before = await dump();
    const answers: Record<string, unknown> = {};
    for (const { method, url, access } of routes) {
      const path = url.replace(/:[A-Za-z]+/g, 'a%00b').replace('/api/v1', '');
      // Someone whose role the route allows, so the request gets past the role check.
      const staff = Array.isArray(access.allow)
        ? access.allow.includes('admin')
          ? admin
          : access.allow.includes('leader')
            ? leaderA
            : safetyA
        : undefined;
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      const res = staff
        ? await (method === 'GET'
            ? staff.get(path)
            : method === 'DELETE'
              ? staff.delete(path)
              : method === 'PUT'
                ? staff.put(path, body)
                : method === 'PATCH'
                  ? staff.patch(path, body)
                  : staff.post(path, body))
        : await env.app.inject({
            method: method as 'GET',
            url: `/api/v1${path}`,
            ...(access.allow === 'kiosk' && { headers: kioskHeaders() }),
            ...(access.allow === 'operator' && { headers: operator }),
            ...(body && { payload: body }),
          });
      answers[`${method} ${url}`] = invalidText(res);
    }
    const expected = Object.fromEntries(
      Object.keys(answers).map((key) => [key, { status: 400, code: 'INVALID_TEXT' }]),
    );
    expect(answers).toEqual(expected);
    expect(await dump()).toEqual(before);
  });

  it('refuses a NUL in the query string, on public and staff routes', async () => {
    const publicRes = await env.app.inject({ method: 'GET', url: '/api/v1/questionnaires/test-v1?x=a%00b' });
    expect(invalidText(publicRes)).toEqual({ status: 400, code: 'INVALID_TEXT' });
    expect(invalidText(await admin.get('/units?filter=%00'))).toEqual({ status: 400, code: 'INVALID_TEXT' });
  });

  const roles = [{ role: 'leader', unitId: 'unit' }];
  /** [what, method, path, body, who]: each holds one string no person types. */
  const BODIES: [string, 'POST' | 'PUT' | 'PATCH', string, unknown, 'public' | 'admin'][] = [
    ['a login username', 'POST', '/auth/login', { username: `kari${NUL}`, password: PASSWORD }, 'public'],
    [
      'a setup token',
      'POST',
      '/auth/setup',
      { token: `t${NUL}`, username: 'newadmin', displayName: 'Ny', password: PASSWORD },
      'public',
    ],
    [
      'a current password',
      'POST',
      '/auth/password',
      { currentPassword: `x${NUL}`, newPassword: PASSWORD },
      'admin',
    ],
    [
      'a display name',
      'POST',
      '/accounts',
      { username: 'newbie', displayName: `Ny${NUL}`, password: PASSWORD, roles },
      'admin',
    ],
    [
      'a role unit',
      'PUT',
      '/accounts/authz-roles-target/roles',
      { roles: [{ role: 'leader', unitId: `un${NUL}it` }] },
      'admin',
    ],
    [
      'a municipality name',
      'PUT',
      '/municipality',
      { name: `Ny${NUL}kommune`, number: '0001', language: 'nb' },
      'admin',
    ],
    ['a unit name', 'POST', '/units', { parentId: 'sector', name: `Ny${NUL}` }, 'admin'],
    ['a parent unit', 'POST', '/units', { parentId: `sec${NUL}tor`, name: 'Ny' }, 'admin'],
    ['a unit type', 'POST', '/units', { parentId: 'sector', name: 'Ny', unitType: NUL }, 'admin'],
    ['a unit rename', 'PATCH', '/units/unit', { name: `Enhet${NUL}` }, 'admin'],
    ['U+0001 in a unit rename', 'PATCH', '/units/unit', { name: 'Enhet\u0001' }, 'admin'],
    ['U+000B in a unit rename', 'PATCH', '/units/unit', { name: 'Enhet\u000b' }, 'admin'],
    ['U+001F in a unit rename', 'PATCH', '/units/unit', { name: 'Enhet\u001f' }, 'admin'],
    ['U+007F in a unit rename', 'PATCH', '/units/unit', { name: 'Enhet\u007f' }, 'admin'],
    ['a lone high surrogate', 'PATCH', '/units/unit', { name: 'Enhet\ud83d' }, 'admin'],
    ['a lone low surrogate', 'PATCH', '/units/unit', { name: '\ude00Enhet' }, 'admin'],
    ['a key', 'PATCH', '/units/unit', { [`na${NUL}me`]: 'Enhet' }, 'admin'],
    ['a round name', 'POST', '/rounds', { name: `Runde${NUL}`, unitId: 'unit' }, 'admin'],
    [
      'a questionnaire version',
      'POST',
      '/rounds',
      { name: 'Runde', unitId: 'unit', questionnaireVersion: `test${NUL}` },
      'admin',
    ],
    ['a round rename', 'PATCH', `/rounds/${ROUNDS.draft.id}`, { name: `Runde${NUL}` }, 'admin'],
    ['a round unit', 'PATCH', `/rounds/${ROUNDS.draft.id}`, { unitId: `unit${NUL}` }, 'admin'],
    ['a code to check', 'POST', '/codes/check', { code: `ABCD${NUL}` }, 'public'],
    [
      'a kiosk label',
      'POST',
      `/rounds/${ROUNDS.open.id}/units/unit/kiosk-enrolments`,
      { label: `Vakt${NUL}` },
      'admin',
    ],
    ['an enrolment token', 'POST', '/kiosk/enrol', { token: `t${NUL}` }, 'public'],
  ];

  it.each(BODIES)(
    'refuses %s with 400 INVALID_TEXT and changes nothing',
    async (_what, method, path, body, who) => {
      const before = await dump();
      const res =
        who === 'public'
          ? await env.app.inject({ method, url: `/api/v1${path}`, payload: body as object })
          : method === 'POST'
            ? await admin.post(path, body)
            : method === 'PUT'
              ? await admin.put(path, body)
              : await admin.patch(path, body);
      expect(invalidText(res)).toEqual({ status: 400, code: 'INVALID_TEXT' });
      expect(await dump()).toEqual(before);
    },
  );

  it('refuses a CSV import with a NUL on a line, naming the line, and imports nothing', async () => {
    const before = await dump();
    const units = await admin.post(
      '/units/import',
      ['id;parent_id;name;unit_type;employee_count', 'ny;sector;Ny;;', `ny2;sector;N${NUL}y;;`].join('\n'),
      CSV,
    );
    expect(invalidText(units)).toEqual({ status: 400, code: 'INVALID_TEXT' });
    expect(units.json<{ error: { message: string } }>().error.message).toMatch(/^body line 3:/);
    const figures = await admin.post(
      '/national-figures/import',
      ['year;unit_type;factor;average;source', `2025;*;1;3.5;KS${NUL}`].join('\r\n'),
      CSV,
    );
    expect(invalidText(figures)).toEqual({ status: 400, code: 'INVALID_TEXT' });
    expect(await dump()).toEqual(before);
  });

  it('rejects only the ingest items that hold such text, and stores the others', async () => {
    const bad = [
      validResponse({ openText: `Fint${NUL}her` }),
      validResponse({ openText: 'Fint\ud800' }),
      validResponse({ roundId: `round-open${NUL}` }),
      validResponse({ unitId: `dept${NUL}` }),
      validResponse({ questionnaireVersion: `test-v1${NUL}` }),
      validResponse({ code: `ABC${NUL}` }),
      validResponse({ background: { gender: `female${NUL}` } }),
      validResponse({ answers: { [`s1${NUL}`]: 3 } }),
    ];
    const good = [validResponse(), validResponse()];
    const before = await dump();
    const res = await post([good[0], ...bad, good[1]]);
    expect(res.statusCode).toBe(400);
    const body = res.json<IngestResponse>();
    expect(body.error?.code).toBe('BATCH_PARTIALLY_REJECTED');
    expect(body.results.map((r) => [r.id, r.status, 'code' in r ? r.code : undefined])).toEqual([
      [good[0]!.id, 'accepted', undefined],
      ...bad.map((item) => [item.id, 'rejected', 'INVALID_TEXT']),
      [good[1]!.id, 'accepted', undefined],
    ]);
    expect((await dump()).sealed_inbox.length).toBe(before.sealed_inbox.length + 2);
    expect(
      await storedIds(
        env.database,
        [...good, ...bad].map((g) => g.id),
      ),
    ).toEqual(good.map((g) => g.id));
  });

  it('keeps tabs, line breaks and emoji in an open answer', async () => {
    const item = validResponse({ openText: 'Linje 1\r\nLinje\t2 🙂' });
    const res = await post([item]);
    expect(res.statusCode).toBe(200);
    expect((await sealedAnswer(env.database, item.id))?.openText).toBe('Linje 1\r\nLinje\t2 🙂');
  });
});
