import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/api/errors';
import { LOGIN_LIMITS } from '../../src/server/auth/rate-limit';
import { FIXTURE_PASSWORD, USERS, login, seedAuthzFixtures } from './authz/fixtures';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { NOW } from './support/fixtures';

const MINUTE = 60 * 1000;

describeEachDatabase('login rate limiting', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
    await seedAuthzFixtures(env.database.kysely);
  });
  afterAll(() => env.dispose());

  const from = (remoteAddress: string) => ({ remoteAddress });

  it('allows 5 failures per username, then refuses with 429 even the right password', async () => {
    const username = USERS.leaderA.username;
    for (let i = 0; i < LOGIN_LIMITS.perUsername; i++) {
      const { res } = await login(env.app, username, 'wrong password', from(`10.0.0.${i + 1}`));
      expect(res.statusCode).toBe(401);
    }
    const limited = await login(env.app, username, FIXTURE_PASSWORD, from('10.0.0.99'));
    expect(limited.res.statusCode).toBe(429);
    expect(limited.res.json<ErrorBody>().error.code).toBe('RATE_LIMITED');
    expect(limited.res.headers['set-cookie']).toBeUndefined();
    expect(Number(limited.res.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(limited.res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // Another username is not affected.
    expect(
      (await login(env.app, USERS.unionA.username, FIXTURE_PASSWORD, from('10.0.0.99'))).res.statusCode,
    ).toBe(200);
  });

  it('counts in the database, so another server process refuses too, and lets the user in after the window', async () => {
    const username = USERS.leaderA.username;
    const other = env.secondApp();
    expect((await login(other, username, FIXTURE_PASSWORD, from('10.0.0.98'))).res.statusCode).toBe(429);
    const later = env.secondApp({ now: () => new Date(NOW.getTime() + 16 * MINUTE) });
    expect((await login(later, username, FIXTURE_PASSWORD, from('10.0.0.98'))).res.statusCode).toBe(200);
  });

  it('allows 20 failures per client address across usernames, then 429; other addresses go on', async () => {
    const address = '192.0.2.7';
    for (let i = 0; i < LOGIN_LIMITS.perClient; i++) {
      const { res } = await login(env.app, `guess-${i}`, 'wrong password', from(address));
      expect(res.statusCode).toBe(401);
    }
    const limited = await login(env.app, USERS.safetyA.username, FIXTURE_PASSWORD, from(address));
    expect(limited.res.statusCode).toBe(429);
    expect(
      (await login(env.app, USERS.safetyA.username, FIXTURE_PASSWORD, from('192.0.2.8'))).res.statusCode,
    ).toBe(200);
  });

  it('does not hold successful logins against a shared address', async () => {
    const office = '198.51.100.1';
    for (let i = 0; i < LOGIN_LIMITS.perClient + 1; i++) {
      const { res } = await login(env.app, USERS.leaderB.username, FIXTURE_PASSWORD, from(office));
      expect(res.statusCode).toBe(200);
    }
  });

  it('keeps neither the address nor the username in the clear', async () => {
    const rows = await env.database.kysely.selectFrom('login_attempts').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows);
    for (const clear of ['192.0.2.7', '10.0.0.1', '127.0.0.1', USERS.leaderA.username, 'guess-']) {
      expect(stored).not.toContain(clear);
    }
    for (const row of rows) expect(row.key).toMatch(/^(user|client):[0-9a-f]{64}$/);
  });

  it('refuses a burst of parallel guesses beyond the limit, not just sequential ones', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login(env.app, USERS.admin.username, `parallel guess ${i}`, from(`203.0.113.${i}`)),
      ),
    );
    const statuses = burst.map(({ res }) => res.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_LIMITS.perUsername);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - LOGIN_LIMITS.perUsername);
  });
});
