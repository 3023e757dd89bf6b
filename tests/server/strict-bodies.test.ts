// A request body says what its schema names and nothing else: a key the schema does not know is
// 400 MALFORMED_REQUEST, not silently dropped (Fastify's ajv default, removeAdditional: true, used
// to strip it: PATCH /rounds/:id {"foo":1} became an empty UPDATE and a 500, PUT /municipality with
// an extra key a 200), and an empty patch is 400. Nothing stored changes.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { openSqlite } from '../../src/server/db/database';
import { FIXTURE_PASSWORD } from './authz/fixtures';
import { describeEachDatabase } from './support/databases';
import { dumpTables } from './support/dump';
import type { TestEnvironment } from './support/environment';
import { kioskHeaders, ROUNDS } from './support/fixtures';
import { type StaffClient, staffEnvironment } from './support/staff';

const PASSWORD = 'a-long-enough-password';
const roles = [{ role: 'leader', unitId: 'unit' }];
const EXTRA = { extra: 1 };

type Method = 'POST' | 'PUT' | 'PATCH';
type Who = 'public' | 'kiosk' | 'admin';

/** [what, method, path, body, who]: each body is valid but for one key its schema does not name. */
const EXTRA_KEYS: [string, Method, string, unknown, Who][] = [
  [
    'login',
    'POST',
    '/auth/login',
    { username: 'authz-admin', password: FIXTURE_PASSWORD, ...EXTRA },
    'public',
  ],
  [
    'first-admin setup',
    'POST',
    '/auth/setup',
    { token: 'no-such-token', username: 'newadmin', displayName: 'Ny', password: PASSWORD, ...EXTRA },
    'public',
  ],
  [
    'password change',
    'POST',
    '/auth/password',
    { currentPassword: 'wrong', newPassword: PASSWORD, ...EXTRA },
    'admin',
  ],
  [
    'a new account',
    'POST',
    '/accounts',
    { username: 'strictnew', displayName: 'Ny', password: PASSWORD, roles, ...EXTRA },
    'admin',
  ],
  ['roles', 'PUT', '/accounts/authz-roles-target/roles', { roles, ...EXTRA }, 'admin'],
  [
    'a role assignment',
    'PUT',
    '/accounts/authz-roles-target/roles',
    { roles: [{ role: 'leader', unitId: 'unit', ...EXTRA }] },
    'admin',
  ],
  [
    'the municipality',
    'PUT',
    '/municipality',
    { name: 'Testkommune', number: '0001', language: 'nb', ...EXTRA },
    'admin',
  ],
  ['a new unit', 'POST', '/units', { parentId: 'sector', name: 'Ny', ...EXTRA }, 'admin'],
  ['a unit change', 'PATCH', '/units/unit', { name: 'Enhet 2', ...EXTRA }, 'admin'],
  ['a unit change of only an unknown key', 'PATCH', '/units/unit', EXTRA, 'admin'],
  ['a new round', 'POST', '/rounds', { name: 'Runde', unitId: 'unit', ...EXTRA }, 'admin'],
  ['a round change', 'PATCH', `/rounds/${ROUNDS.draft.id}`, { name: 'Ny runde', ...EXTRA }, 'admin'],
  ['a round change of only an unknown key', 'PATCH', `/rounds/${ROUNDS.draft.id}`, { foo: 1 }, 'admin'],
  ['codes', 'POST', `/rounds/${ROUNDS.open.id}/units/unit/codes`, { count: 1, ...EXTRA }, 'admin'],
  ['a code check', 'POST', '/codes/check', { code: 'ABCD-EFGH', ...EXTRA }, 'public'],
  [
    'a kiosk enrolment link',
    'POST',
    `/rounds/${ROUNDS.open.id}/units/unit/kiosk-enrolments`,
    { label: 'Vakt', ...EXTRA },
    'admin',
  ],
  ['a kiosk enrolment', 'POST', '/kiosk/enrol', { token: 'no-such-token', ...EXTRA }, 'public'],
  ['a kiosk status', 'POST', '/kiosk/status', { pending: 0, ...EXTRA }, 'kiosk'],
  ['an ingest envelope', 'POST', '/responses', { formatVersion: 1, responses: [], ...EXTRA }, 'public'],
];

const EMPTY_PATCHES: [string, string][] = [
  ['a round', `/rounds/${ROUNDS.draft.id}`],
  ['a unit', '/units/unit'],
];

describeEachDatabase('strict request bodies', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  beforeAll(async () => ({ env, admin } = await staffEnvironment(dialect)));
  afterAll(() => env.dispose());

  const send = (method: Method, path: string, body: unknown, who: Who) => {
    if (who === 'admin') {
      if (method === 'POST') return admin.post(path, body);
      return method === 'PUT' ? admin.put(path, body) : admin.patch(path, body);
    }
    const headers = who === 'kiosk' ? kioskHeaders() : {};
    return env.app.inject({ method, url: `/api/v1${path}`, headers, payload: body as object });
  };
  const codeOf = (res: { statusCode: number; json: <T>() => T }) => ({
    status: res.statusCode,
    code: res.json<{ error?: { code?: string } }>().error?.code,
  });

  it.each(EXTRA_KEYS)(
    'refuses %s with a key it does not name, and changes nothing',
    async (_what, method, path, body, who) => {
      const before = await dumpTables(env.database.kysely);
      const res = await send(method, path, body, who);
      expect(codeOf(res)).toEqual({ status: 400, code: 'MALFORMED_REQUEST' });
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/additional properties/);
      expect(await dumpTables(env.database.kysely)).toEqual(before);
    },
  );

  it.each(EMPTY_PATCHES)('refuses an empty change of %s', async (_what, path) => {
    const before = await dumpTables(env.database.kysely);
    expect(codeOf(await admin.patch(path, {}))).toEqual({ status: 400, code: 'MALFORMED_REQUEST' });
    expect(await dumpTables(env.database.kysely)).toEqual(before);
  });

  it('still takes the same bodies without the extra key', async () => {
    const round = await admin.patch(`/rounds/${ROUNDS.draft.id}`, { name: 'Ny runde' });
    expect(round.statusCode).toBe(200);
    const municipality = await admin.put('/municipality', {
      name: 'Testkommune',
      number: '0001',
      language: 'nb',
    });
    expect(municipality.statusCode).toBe(200);
  });
});

describe('request body schemas', () => {
  let app: FastifyInstance;
  const bodies = new Map<string, unknown>();
  beforeAll(async () => {
    app = buildApp({ db: openSqlite(':memory:') });
    app.addHook('onRoute', (route) => {
      const body = route.schema?.body;
      if (body !== undefined) bodies.set(`${String(route.method)} ${route.url}`, body);
    });
    await app.ready();
  });
  afterAll(() => app.close());

  /** Every object in the schema, at any depth, with a path to name it by. */
  function objects(schema: unknown, path = ''): [string, Record<string, unknown>][] {
    if (typeof schema !== 'object' || schema === null) return [];
    const node = schema as Record<string, unknown>;
    const own: [string, Record<string, unknown>][] = node.type === 'object' ? [[path || '/', node]] : [];
    return [
      ...own,
      ...Object.entries(node).flatMap(([key, child]) =>
        Array.isArray(child)
          ? child.flatMap((item, i) => objects(item, `${path}/${key}/${i}`))
          : objects(child, `${path}/${key}`),
      ),
    ];
  }

  it('close every object of every request body to keys they do not name', () => {
    expect(bodies.size).toBeGreaterThan(10);
    const open = [...bodies].flatMap(([route, schema]) =>
      objects(schema)
        .filter(([, node]) => node.additionalProperties !== false)
        .map(([path]) => `${route} ${path}`),
    );
    expect(open).toEqual([]);
  });
});
