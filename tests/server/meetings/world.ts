// The world of the meeting tests: the plans' world (the demo municipality with its published
// report rounds and the people of Heimly signed in, ../plans/world.ts) with a clock the test moves,
// and phones: each phone joins by code or token and keeps its participant cookie.
import type { LightMyRequestResponse } from 'fastify';
import type { MeetingLeaderView, ParticipantView } from '../../../src/shared/api/meetings';
import type { DialectName } from '../../../src/server/db/database';
import { seedDemo } from '../../../src/server/demo/seed-demo';
import { seedDemoReports } from '../../../src/server/demo/seed-demo-reports';
import { insertUser, replaceRoles } from '../../../src/server/repositories/accounts';
import { DEMO_IDS } from '../../../src/server/demo/seed-demo';
import { headersFor, signIn } from '../authz/fixtures';
import { createEnvironment, type TestEnvironment } from '../support/environment';
import { NOW, TEST_CODE_HASH_KEY, TEST_CODE_HASHER } from '../support/fixtures';
import { PEOPLE, type Client, type Person } from '../plans/world';

export { IDS, codeOf } from '../plans/world';

export interface Phone {
  cookie: string | undefined;
  join(body: object, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body: unknown): Promise<LightMyRequestResponse>;
}

export interface MeetingWorld {
  env: TestEnvironment;
  as: Record<Person, Client>;
  clock: { now: Date };
  phone(): Phone;
}

export async function meetingWorld(dialect: DialectName): Promise<MeetingWorld> {
  const clock = { now: new Date(NOW) };
  const env = await createEnvironment(dialect, {
    seed: false,
    app: { now: () => clock.now, codeHashKey: TEST_CODE_HASH_KEY },
  });
  await seedDemo(env.database, NOW);
  await seedDemoReports(env.database, TEST_CODE_HASHER, NOW);
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
  const phone = (): Phone => {
    const self: Phone = {
      cookie: undefined,
      async join(body, headers = {}) {
        const res = await env.app.inject({
          method: 'POST',
          url: '/api/v1/meetings/live/join',
          payload: body,
          headers: { ...headers, ...(self.cookie && { cookie: self.cookie }) },
        });
        const set = /^(tf_meeting=[^;]*)/.exec(String(res.headers['set-cookie'] ?? ''))?.[1];
        if (set) self.cookie = set;
        return res;
      },
      get: (url) =>
        env.app.inject({
          method: 'GET',
          url: `/api/v1${url}`,
          headers: self.cookie ? { cookie: self.cookie } : {},
        }),
      post: (url, body) =>
        env.app.inject({
          method: 'POST',
          url: `/api/v1${url}`,
          payload: body as object,
          headers: self.cookie ? { cookie: self.cookie } : {},
        }),
    };
    return self;
  };
  return { env, as, clock, phone };
}

export const leader = (res: LightMyRequestResponse) => res.json<MeetingLeaderView>();
export const view = (res: LightMyRequestResponse) => res.json<ParticipantView>();
