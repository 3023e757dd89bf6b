// The world of the meeting tests: the plans' world (the demo municipality with its published
// report rounds and the people of Heimly signed in, ../plans/world.ts) with a clock the test moves,
// and phones: each phone joins by code or token and keeps its participant cookie.
import type { LightMyRequestResponse } from 'fastify';
import type { MeetingLeaderView, ParticipantView } from '../../../src/shared/api/meetings';
import type { DialectName } from '../../../src/server/db/database';
import type { TestEnvironment } from '../support/environment';
import { NOW, TEST_CODE_HASH_KEY } from '../support/fixtures';
import { planWorld, type Client, type Person } from '../plans/world';

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
  const { env, as } = await planWorld(dialect, { now: () => clock.now, codeHashKey: TEST_CODE_HASH_KEY });
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
