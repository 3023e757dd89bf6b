// Drives the staff API the way the admin screens do (login, CSRF header), for test setup: one-time
// codes for the demo unit, kiosk enrolment links, and rounds run from start to published.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DEMO_IDS, DEMO_LOGINS } from '../../../src/server/demo/seed-demo';
import type { AdminRound } from '../../../src/shared/api/organisation';
import { osloDate } from '../../../src/shared/dates';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default-v1';

interface StaffSession {
  cookie: string;
  csrfToken: string;
}

async function login(app: FastifyInstance): Promise<StaffSession> {
  return loginAs(app, DEMO_LOGINS.admin);
}

async function loginAs(app: FastifyInstance, username: string): Promise<StaffSession> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_LOGINS.password },
  });
  if (res.statusCode !== 200) throw new Error(`demo login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrfToken: res.json<{ csrfToken: string }>().csrfToken };
}

/** Issues `count` one-time codes for the demo department and returns them in plain text. */
export async function issueDemoCodes(app: FastifyInstance, count: number): Promise<string[]> {
  const session = await login(app);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/rounds/${DEMO_IDS.round}/units/${DEMO_IDS.department}/codes`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    payload: { count },
  });
  if (res.statusCode !== 201) throw new Error(`issuing codes failed: ${res.statusCode} ${res.body}`);
  return res.json<{ codes: string[] }>().codes;
}

/** Creates a one-time kiosk enrolment link for the demo department. */
export async function createDemoEnrolment(app: FastifyInstance): Promise<string> {
  const session = await login(app);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/rounds/${DEMO_IDS.round}/units/${DEMO_IDS.department}/kiosk-enrolments`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    payload: { label: 'Nettbrett på vaktrommet' },
  });
  if (res.statusCode !== 201 && res.statusCode !== 200)
    throw new Error(`enrolment failed: ${res.statusCode} ${res.body}`);
  return res.json<{ url: string }>().url;
}

/** The demo admin's staff API: each call checks its status and returns the JSON body. */
export async function demoAdminApi(app: FastifyInstance) {
  const session = await login(app);
  return async <T = unknown>(method: 'GET' | 'POST', url: string, payload?: object, status = 200) => {
    const res = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      ...(payload !== undefined && { payload }),
    });
    if (res.statusCode !== status) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
}

export type DemoAdminApi = Awaited<ReturnType<typeof demoAdminApi>>;

/**
 * A round for the demo's sector ("Helse og omsorg") named `name`: opened, answered with one-time
 * codes in each `[unitId, count, value]` (every statement `value`, or with `spread` one lower on
 * every other statement and respondent, so the factors differ a little), closed and published.
 */
export async function publishSectorRound(
  app: FastifyInstance,
  api: DemoAdminApi,
  name: string,
  answered: readonly (readonly [unitId: string, count: number, value: number])[],
  options: { spread?: boolean } = {},
): Promise<AdminRound> {
  const created = await api<AdminRound>('POST', '/rounds', { name, unitId: DEMO_IDS.sector }, 201);
  await api('POST', `/rounds/${created.id}/open`);
  const today = osloDate(new Date());
  const responses = [];
  for (const [unitId, count, value] of answered) {
    const { codes } = await api<{ codes: string[] }>(
      'POST',
      `/rounds/${created.id}/units/${unitId}/codes`,
      { count },
      201,
    );
    for (const [index, code] of codes.entries())
      responses.push({
        id: randomUUID(),
        roundId: created.id,
        unitId,
        questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
        answeredOn: today,
        answers: Object.fromEntries(
          DEFAULT_QUESTIONNAIRE.statements.map((s, i) => [
            s.id,
            options.spread ? Math.max(1, value - ((i + index) % 2)) : value,
          ]),
        ),
        background: {},
        code,
      });
  }
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/responses',
    payload: { formatVersion: 1, responses },
  });
  if (res.statusCode !== 200) throw new Error(`answers refused: ${res.statusCode} ${res.body}`);
  await api('POST', `/rounds/${created.id}/close`);
  return api<AdminRound>('POST', `/rounds/${created.id}/publish`);
}
