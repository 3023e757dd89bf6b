// The world of the follow-up plan tests: the demo municipality with its two published report rounds
// (src/server/demo/, answers counted by the real aggregation), so the plans read real reports with
// a unit hidden for too few answers (Lunden, 4 answers in the later round). On top of it the
// people a plan involves, each signed in: the leader, safety rep and union rep of Heimly, the
// leaders of Lunden and of the sector, and the demo's own admin and Solbakken leader.
import type { LightMyRequestResponse } from 'fastify';
import type { RoleAssignment } from '../../../src/shared/api/staff';
import type { DialectName } from '../../../src/server/db/database';
import { DEMO_IDS, seedDemo } from '../../../src/server/demo/seed-demo';
import { DEMO_REPORT_IDS, seedDemoReports } from '../../../src/server/demo/seed-demo-reports';
import { insertUser, replaceRoles } from '../../../src/server/repositories/accounts';
import { headersFor, signIn } from '../authz/fixtures';
import type { BuildAppOptions } from '../../../src/server/app';
import { createEnvironment, type TestEnvironment } from '../support/environment';
import { NOW, TEST_CODE_HASHER } from '../support/fixtures';

export const IDS = { ...DEMO_IDS, ...DEMO_REPORT_IDS } as const;

export const PEOPLE = {
  admin: { id: DEMO_IDS.admin, roles: [] },
  solbakken: { id: DEMO_IDS.leader, roles: [] },
  heimly: { id: 'p-leader-heimly', roles: [{ role: 'leader', unitId: DEMO_REPORT_IDS.heimly }] },
  safety: { id: 'p-safety-heimly', roles: [{ role: 'safety_rep', unitId: DEMO_REPORT_IDS.heimly }] },
  union: { id: 'p-union-heimly', roles: [{ role: 'union_rep', unitId: DEMO_REPORT_IDS.heimly }] },
  lunden: { id: 'p-leader-lunden', roles: [{ role: 'leader', unitId: DEMO_REPORT_IDS.lunden }] },
  sector: { id: 'p-leader-sector', roles: [{ role: 'leader', unitId: DEMO_IDS.sector }] },
} as const satisfies Record<string, { id: string; roles: readonly RoleAssignment[] }>;
export type Person = keyof typeof PEOPLE;

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface PlanWorld {
  env: TestEnvironment;
  as: Record<Person, Client>;
}

/** `app`: options for the app under test (the meeting tests' movable clock and code key). */
export async function planWorld(
  dialect: DialectName,
  app: Partial<BuildAppOptions> = {},
): Promise<PlanWorld> {
  const env = await createEnvironment(dialect, { seed: false, app });
  await seedDemo(env.database, NOW);
  await seedDemoReports(env.database, TEST_CODE_HASHER, NOW);
  // The meeting tests move the clock by hours and days: the longest idle expiry (issue 15) keeps
  // their sessions; tests/server/auth-staff-sessions.test.ts covers the idle expiry itself.
  await env.database.kysely.updateTable('municipalities').set({ session_idle_hours: 720 }).execute();
  const db = env.database.kysely;
  for (const person of Object.values(PEOPLE)) {
    if (person.roles.length === 0) continue;
    const row = {
      id: person.id,
      municipalityId: DEMO_IDS.municipality,
      username: person.id,
      displayName: `Navn ${person.id}`,
      passwordHash: 'not-used',
      createdOn: '2026-01-01',
    };
    if (await insertUser(db, row)) await replaceRoles(db, person.id, [...person.roles]);
  }
  const as = {} as Record<Person, Client>;
  for (const [name, person] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    const headers = headersFor(await signIn(db, person.id, NOW));
    const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
      env.app.inject({
        method,
        url: `/api/v1${url}`,
        headers,
        ...(body !== undefined && { payload: body as object }),
      });
    as[name] = {
      get: (url) => send('GET', url),
      post: (url, body) => send('POST', url, body ?? {}),
      put: (url, body) => send('PUT', url, body),
      patch: (url, body) => send('PATCH', url, body),
      delete: (url) => send('DELETE', url),
    };
  }
  return { env, as };
}

/** The error code of a refusal. */
export const codeOf = (res: LightMyRequestResponse): string | undefined =>
  res.json<{ error?: { code: string } }>().error?.code;
