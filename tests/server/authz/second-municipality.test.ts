// Scoping proof (issue 14): every row of the authorisation matrix, sent by the staff of a second
// municipality (admin, leader, union rep, safety rep of m2) with m1's ids, returns none of m1's
// data and changes none of m1's rows. The status is whatever the route gives (403, 404, or 2xx on
// a route that then works on m2's own data), never m1's content.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listApiRoutes } from '../../../src/server/auth/authorize';
import { describeEachDatabase } from '../support/databases';
import { createEnvironment, type TestEnvironment } from '../support/environment';
import { NOW } from '../support/fixtures';
import { AUTHZ, headersFor, seedAuthzFixtures, signIn, USERS, type MatrixRow } from './fixtures';
import { SECOND, seedSecondMunicipality } from './second-municipality';

const tables = import.meta.glob<{ rows: readonly MatrixRow[] }>('./table-*.ts', { eager: true });
const ROWS = Object.values(tables).flatMap((t) => t.rows);

/** Strings only m1's data holds: its round ids, unit names, municipality name and staff usernames. */
const M1_MARKERS = [
  AUTHZ.publishedRound,
  AUTHZ.closedRound,
  '"Testkommune"',
  '"Sektor"',
  '"Enhet"',
  '"Avdeling"',
  ...Object.values(USERS).map((u) => `"${u.username}"`),
];

function request(row: MatrixRow): InjectOptions {
  const [method, pattern] = row.route.split(' ') as [InjectOptions['method'], string];
  return { method, url: row.url ?? pattern, ...(row.body !== undefined && { payload: row.body as object }) };
}

describeEachDatabase('a second municipality reaches nothing of the first', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
    await seedAuthzFixtures(env.database.kysely);
    await seedSecondMunicipality(env.database.kysely);
  });
  afterAll(() => env.dispose());

  async function m1Snapshot(): Promise<string> {
    const db = env.database.kysely;
    const [units, rounds, users, roles, municipality] = await Promise.all([
      db.selectFrom('units').selectAll().where('municipality_id', '=', 'm1').orderBy('id').execute(),
      db.selectFrom('rounds').selectAll().where('municipality_id', '=', 'm1').orderBy('id').execute(),
      db
        .selectFrom('users')
        .select(['id', 'username'])
        .where('municipality_id', '=', 'm1')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('role_assignments')
        .innerJoin('users', 'users.id', 'role_assignments.user_id')
        .select(['user_id', 'role', 'unit_id'])
        .where('users.municipality_id', '=', 'm1')
        .orderBy('user_id')
        .orderBy('role')
        .execute(),
      db.selectFrom('municipalities').selectAll().where('id', '=', 'm1').execute(),
    ]);
    return JSON.stringify({ units, rounds, users, roles, municipality });
  }

  it('on every route of the matrix, for m2 admin, leader, union rep and safety rep', async () => {
    await env.app.ready();
    // Public, kiosk and operator routes do not look at a staff session at all (a public plan link
    // or a kiosk credential in the row's headers is the m1 capability itself); the matrix covers them.
    const staffRoutes = new Set(
      listApiRoutes(env.app)
        .filter((r) => typeof r.access.allow !== 'string')
        .map((r) => `${r.method} ${r.url}`),
    );
    const rows = ROWS.filter((row) => staffRoutes.has(row.route));
    expect(rows.length).toBeGreaterThan(50);
    const before = await m1Snapshot();
    const leaks: string[] = [];
    for (const row of rows) {
      for (const [actor, u] of Object.entries(SECOND)) {
        const auth = headersFor(await signIn(env.database.kysely, u.id, NOW));
        const res = await env.app.inject({ ...request(row), headers: { ...row.headers, ...auth } });
        expect(res.statusCode, `${row.route} ${actor}`).toBeLessThan(500);
        for (const marker of M1_MARKERS)
          if (res.body.includes(marker))
            leaks.push(`${row.route} (${row.note ?? ''}) ${actor} ${res.statusCode}: ${marker}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await m1Snapshot()).toBe(before);
  }, 90_000); // every route × four roles: ~7 s alone, past 20 s under the full suite in CI
});
