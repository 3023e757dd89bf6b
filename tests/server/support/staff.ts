// A signed-in staff member for tests that are about what staff can do rather than who may: a
// session straight in the database (see authz/fixtures.ts) and small request helpers that send its
// cookie and CSRF token.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { KioskEnrolResponse } from '../../../src/shared/api/organisation';
import { headersFor, seedAuthzFixtures, signIn, USERS, type StaffActor } from '../authz/fixtures';
import type { BuildAppOptions } from '../../../src/server/app';
import type { DialectName } from '../../../src/server/db/database';
import { createEnvironment, type TestEnvironment } from './environment';
import { NOW } from './fixtures';

export interface StaffClient {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** Adds the authorisation test people (admin, leaderA of 'unit', leaderB of 'other', …) once. */
export async function withStaff(env: TestEnvironment): Promise<void> {
  await seedAuthzFixtures(env.database.kysely);
}

export async function signedIn(env: TestEnvironment, actor: StaffActor): Promise<StaffClient> {
  const headers = headersFor(await signIn(env.database.kysely, USERS[actor].id, NOW));
  const send = (
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ) =>
    env.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...headers, ...extra },
      ...(body !== undefined && { payload: body as string }),
    });
  return {
    get: (url) => send('GET', url),
    post: (url, body, extra) => send('POST', url, body ?? {}, extra),
    put: (url, body) => send('PUT', url, body),
    patch: (url, body) => send('PATCH', url, body),
    delete: (url) => send('DELETE', url),
  };
}

/** Enrols a kiosk for a unit and round through the API, as a tablet opening the QR link would. */
export async function enrolKioskVia(
  env: TestEnvironment,
  client: StaffClient,
  roundId: string,
  unitId: string,
): Promise<KioskEnrolResponse> {
  const link = await client.post(`/rounds/${roundId}/units/${unitId}/kiosk-enrolments`, {});
  if (link.statusCode !== 201) throw new Error(`enrolment link: ${link.statusCode} ${link.body}`);
  const { token } = link.json<{ token: string }>();
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/kiosk/enrol', payload: { token } });
  if (res.statusCode !== 201) throw new Error(`enrol: ${res.statusCode} ${res.body}`);
  return res.json<KioskEnrolResponse>();
}

/**
 * Where most staff tests start: a fresh environment on the dialect, the test staff in it, and the
 * admin signed in. `beforeAll(async () => ({ env, admin } = await staffEnvironment(dialect)))`.
 */
export async function staffEnvironment(
  dialect: DialectName,
  app?: Partial<BuildAppOptions>,
): Promise<{ env: TestEnvironment; admin: StaffClient }> {
  const env = await createEnvironment(dialect, app ? { app } : {});
  await withStaff(env);
  return { env, admin: await signedIn(env, 'admin') };
}
