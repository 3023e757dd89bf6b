// Login rate limiting slows the attacker, not the owner (src/server/auth/rate-limit.ts): failures
// count per address and username and per address, with a doubling wait, never per username alone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/api/errors';
import { LOGIN_LIMITS, loginDelaySeconds } from '../../src/server/auth/rate-limit';
import { FIXTURE_PASSWORD, USERS, login, seedAuthzFixtures } from './authz/fixtures';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { NOW } from './support/fixtures';

const SECOND = 1000;

describeEachDatabase('login rate limiting', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
    await seedAuthzFixtures(env.database.kysely);
  });
  afterAll(() => env.dispose());

  const from = (remoteAddress: string) => ({ remoteAddress });
  /** The same database, seen by a process whose clock is `seconds` after NOW. */
  const after = (seconds: number) => env.secondApp({ now: () => new Date(NOW.getTime() + seconds * SECOND) });

  it('does not lock the owner out: failures from elsewhere, however many, leave the owner’s own address alone', async () => {
    const username = USERS.leaderA.username;
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        login(env.app, username, `guess ${i}`, from(`203.0.113.${i + 1}`)),
      ),
    );
    expect(guesses.every(({ res }) => res.statusCode === 401)).toBe(true);
    const owner = await login(env.app, username, FIXTURE_PASSWORD, from('192.0.2.200'));
    expect(owner.res.statusCode).toBe(200);
  });

  it('slows one address guessing one username: 5 free, then 429 with Retry-After even for the right password', async () => {
    const username = USERS.unionA.username;
    const attacker = '198.51.100.66';
    for (let i = 0; i < LOGIN_LIMITS.freePerUsername; i++) {
      expect((await login(env.app, username, 'wrong password', from(attacker))).res.statusCode).toBe(401);
    }
    const limited = await login(env.app, username, FIXTURE_PASSWORD, from(attacker));
    expect(limited.res.statusCode).toBe(429);
    expect(limited.res.json<ErrorBody>().error.code).toBe('RATE_LIMITED');
    expect(limited.res.headers['set-cookie']).toBeUndefined();
    expect(Number(limited.res.headers['retry-after'])).toBe(LOGIN_LIMITS.firstDelaySeconds);
    // The owner elsewhere is not slowed.
    expect((await login(env.app, username, FIXTURE_PASSWORD, from('192.0.2.201'))).res.statusCode).toBe(200);
  });

  it('doubles the wait with each further failure, in the database (another process sees it), up to the cap', async () => {
    const username = USERS.safetyA.username;
    const attacker = '198.51.100.77';
    for (let i = 0; i < LOGIN_LIMITS.freePerUsername; i++) {
      expect((await login(env.app, username, 'wrong password', from(attacker))).res.statusCode).toBe(401);
    }
    let t = 0;
    for (let n = LOGIN_LIMITS.freePerUsername; n < LOGIN_LIMITS.freePerUsername + 4; n++) {
      const wait = loginDelaySeconds(n, LOGIN_LIMITS.freePerUsername);
      // A moment too early: refused (and not counted), with the seconds still to wait.
      const early = await login(after(t + wait - 1), username, 'wrong password', from(attacker));
      expect(early.res.statusCode).toBe(429);
      expect(Number(early.res.headers['retry-after'])).toBe(1);
      t += wait;
      expect((await login(after(t), username, 'wrong password', from(attacker))).res.statusCode).toBe(401);
    }
    expect(loginDelaySeconds(LOGIN_LIMITS.freePerUsername + 1, LOGIN_LIMITS.freePerUsername)).toBe(
      2 * LOGIN_LIMITS.firstDelaySeconds,
    );
    expect(loginDelaySeconds(LOGIN_LIMITS.freePerUsername + 6, LOGIN_LIMITS.freePerUsername)).toBe(
      LOGIN_LIMITS.maxDelaySeconds,
    );
    // Once the wait is over, the right password gets in and the username's failures from here are forgotten.
    t += LOGIN_LIMITS.maxDelaySeconds;
    expect((await login(after(t), username, FIXTURE_PASSWORD, from(attacker))).res.statusCode).toBe(200);
    expect((await login(after(t), username, 'wrong password', from(attacker))).res.statusCode).toBe(401);
  }, 60_000);

  it('slows one address trying many usernames after 20 failures; other addresses go on', async () => {
    const address = '192.0.2.7';
    for (let i = 0; i < LOGIN_LIMITS.freePerClient; i++) {
      const { res } = await login(env.app, `guess-${i}`, 'wrong password', from(address));
      expect(res.statusCode).toBe(401);
    }
    const limited = await login(env.app, USERS.leaderB.username, FIXTURE_PASSWORD, from(address));
    expect(limited.res.statusCode).toBe(429);
    expect(Number(limited.res.headers['retry-after'])).toBe(LOGIN_LIMITS.firstDelaySeconds);
    expect(
      (await login(env.app, USERS.leaderB.username, FIXTURE_PASSWORD, from('192.0.2.8'))).res.statusCode,
    ).toBe(200);
  });

  it('does not hold successful logins against a shared address', async () => {
    const office = '198.51.100.1';
    for (let i = 0; i < LOGIN_LIMITS.freePerClient + 5; i++) {
      const { res } = await login(env.app, USERS.leaderB.username, FIXTURE_PASSWORD, from(office));
      expect(res.statusCode).toBe(200);
    }
  });

  it('refuses a burst of parallel guesses beyond the free ones, across two processes', async () => {
    const attacker = '203.0.113.250';
    const other = env.secondApp();
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login(i % 2 ? env.app : other, USERS.admin.username, `parallel guess ${i}`, from(attacker)),
      ),
    );
    const statuses = burst.map(({ res }) => res.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_LIMITS.freePerUsername);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - LOGIN_LIMITS.freePerUsername);
  });

  it('counts an IPv6 client by its /64', async () => {
    const username = USERS.leaderA.username;
    for (let i = 0; i < LOGIN_LIMITS.freePerUsername; i++) {
      const res = await login(env.app, username, 'wrong password', from(`2001:db8:5:6::${i + 1}`));
      expect(res.res.statusCode).toBe(401);
    }
    expect((await login(env.app, username, FIXTURE_PASSWORD, from('2001:db8:5:6::ff'))).res.statusCode).toBe(
      429,
    );
    expect((await login(env.app, username, FIXTURE_PASSWORD, from('2001:db8:5:7::1'))).res.statusCode).toBe(
      200,
    );
  });

  it('keeps neither the address nor the username in the clear', async () => {
    const rows = await env.database.kysely.selectFrom('login_throttle').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows);
    for (const clear of [
      '192.0.2.7',
      '203.0.113',
      '2001:db8',
      '127.0.0.1',
      USERS.leaderA.username,
      'guess-',
    ]) {
      expect(stored).not.toContain(clear);
    }
    for (const row of rows) expect(row.key).toMatch(/^(pair|client):[0-9a-f]{64}$/);
  });
});
