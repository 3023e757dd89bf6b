// X-Forwarded-For is believed only from the configured proxy hops (src/server/trust-proxy.ts), so a
// client cannot become a new client for the guessing limits by writing a new address there.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientGroup } from '../../src/server/client-address';
import { GUESS_LIMITS } from '../../src/server/codes/code-attempts';
import { LOGIN_LIMITS } from '../../src/server/auth/rate-limit';
import { StartRefused } from '../../src/server/db/start-refused';
import { parseTrustProxy } from '../../src/server/trust-proxy';
import { FIXTURE_PASSWORD, USERS, login, seedAuthzFixtures } from './authz/fixtures';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { fixtureCode } from './support/fixtures';

describe('TRUST_PROXY', () => {
  it('is off, a hop count ("true" is one hop) or a list of proxy addresses and subnets', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy(' 10.0.0.5, 172.16.0.0/12 ,fd00::/8,loopback')).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses anything else at start, saying what to write', () => {
    for (const bad of ['yes', '10.0.0.300', '10.0.0.0/33', '10.0.0.1,', 'proxy.example', '99', '-1']) {
      expect(() => parseTrustProxy(bad)).toThrow(/TRUST_PROXY must be the number of proxy hops/);
      expect(() => parseTrustProxy(bad)).toThrow(StartRefused);
    }
  });
});

describe('the client a limit counts', () => {
  it('is an IPv4 address itself, and an IPv6 address by its /64', () => {
    expect(clientGroup('192.0.2.7')).toBe('192.0.2.7');
    expect(clientGroup('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientGroup('2001:db8:1:2::1')).toBe(clientGroup('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(clientGroup('2001:db8:1:2::1')).not.toBe(clientGroup('2001:db8:1:3::1'));
    expect(clientGroup('::1')).toBe('0000:0000:0000:0000::/64');
  });
});

describeEachDatabase('forwarded addresses and the guessing limits', (dialect) => {
  // One database per test: the public code check also has one limit for the whole server.
  let env: TestEnvironment;
  beforeEach(async () => {
    env = await createEnvironment(dialect);
    await seedAuthzFixtures(env.database.kysely);
  });
  afterEach(() => env.dispose());

  const PROXY = '10.0.0.1';
  let n = 0;
  const rotated = () => `198.18.${Math.floor(++n / 250)}.${n % 250}`;
  const checkThrough = (app: ReturnType<TestEnvironment['secondApp']>, peer: string, forwardedFor: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/codes/check',
      payload: { code: fixtureCode('never-issued', 'proxy', n) },
      remoteAddress: peer,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  for (const [name, trustProxy] of [
    ['true (one hop)', true],
    ['the proxy address', [PROXY]],
  ] as const) {
    it(`with trustProxy ${name}, a rotated X-Forwarded-For does not make a new client for code guesses`, async () => {
      const app = env.secondApp({
        trustProxy: typeof trustProxy === 'boolean' ? trustProxy : [...trustProxy],
      });
      const client = `192.0.2.${name.length}`;
      const res = await Promise.all(
        Array.from({ length: GUESS_LIMITS.perClient + 10 }, () =>
          // The client writes whatever it likes in front; the proxy appends the address it saw.
          checkThrough(app, PROXY, `${rotated()}, ${rotated()}, ${client}`),
        ),
      );
      expect(res.filter((r) => r.statusCode === 200)).toHaveLength(GUESS_LIMITS.perClient);
      expect(res.filter((r) => r.statusCode === 429)).toHaveLength(10);
      // The proxy's other clients are other clients.
      expect((await checkThrough(app, PROXY, `${rotated()}, 192.0.2.99`)).statusCode).toBe(200);
    });
  }

  it('believes no X-Forwarded-For from a peer that is not the configured proxy', async () => {
    const app = env.secondApp({ trustProxy: [PROXY] });
    const direct = '192.0.2.150';
    const res = await Promise.all(
      Array.from({ length: GUESS_LIMITS.perClient + 5 }, () => checkThrough(app, direct, rotated())),
    );
    expect(res.filter((r) => r.statusCode === 200)).toHaveLength(GUESS_LIMITS.perClient);
  });

  it('a rotated X-Forwarded-For does not get around the login limits either', async () => {
    const app = env.secondApp({ trustProxy: true });
    const through = (username: string, password: string) =>
      login(app, username, password, {
        remoteAddress: PROXY,
        headers: { 'x-forwarded-for': `${rotated()}, 192.0.2.160` },
      });
    // One username: 5 free failures, then the wait (even for the right password).
    for (let i = 0; i < LOGIN_LIMITS.freePerUsername; i++) {
      expect((await through(USERS.leaderA.username, 'wrong')).res.statusCode).toBe(401);
    }
    expect((await through(USERS.leaderA.username, FIXTURE_PASSWORD)).res.statusCode).toBe(429);
    // Many usernames: 20 free failures from the address, then the wait.
    for (let i = 1; i < LOGIN_LIMITS.freePerClient - LOGIN_LIMITS.freePerUsername; i++) {
      expect((await through(`guess-${i}`, 'wrong')).res.statusCode).toBe(401);
    }
    expect((await through('guess-last', 'wrong')).res.statusCode).toBe(401);
    expect((await through(USERS.unionA.username, FIXTURE_PASSWORD)).res.statusCode).toBe(429);
  }, 60_000);
});
