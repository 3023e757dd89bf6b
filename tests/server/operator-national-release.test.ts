// The operator makes a national release for a year now and lists the releases (issue 14): only the
// operator reaches it; the year is bounded; a second run with nothing new writes nothing; on
// PostgreSQL a run while another process holds the release claim is a clear 409, never a second
// release beside the first.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { jobLockKeys } from '../../src/server/jobs/run-once';
import type { MakeNationalReleaseResponse, NationalReleaseRow } from '../../src/shared/api/operator';
import { headersFor, seedAuthzFixtures, signIn, USERS } from './authz/fixtures';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { NOW } from './support/fixtures';
import { publishedMunicipality } from './support/national-fixtures';
import { operatorHeaders } from './support/operator';

describeEachDatabase('the operator makes a national release', (dialect) => {
  let env: TestEnvironment;
  let operator: Record<string, string>;
  const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: unknown) =>
    env.app.inject({
      method,
      url: `/api/v1/operator/national-releases${url}`,
      headers,
      ...(payload !== undefined && { payload: payload as string }),
    });

  beforeAll(async () => {
    env = await createEnvironment(dialect);
    await seedAuthzFixtures(env.database.kysely);
    operator = await operatorHeaders(env);
    for (const m of ['a', 'b', 'c', 'd', 'e']) await publishedMunicipality(env.database, m, [4, 4, 4, 4, 5]);
  });
  afterAll(() => env?.dispose());

  it('releases the year once, lists it, and writes nothing new when nothing changed', async () => {
    const first = await call('POST', '', operator, { year: 2026 });
    expect(first.statusCode).toBe(200);
    const made = first.json<MakeNationalReleaseResponse>();
    // The offices (kontor) and the municipalities as a whole, five municipalities each.
    expect(made.released.map((r) => [r.unitType, r.version]).sort()).toEqual([
      ['*', 1],
      ['kontor', 1],
    ]);
    const again = (await call('POST', '', operator, { year: 2026 })).json<MakeNationalReleaseResponse>();
    expect(again.released).toEqual([]);
    expect(again.unchanged.sort()).toEqual(['*', 'kontor']);

    const list = await call('GET', '?year=2026', operator);
    expect(list.statusCode).toBe(200);
    const rows = list.json<{ releases: NationalReleaseRow[] }>().releases;
    expect(rows.map((r) => [r.unitType, r.version, r.municipalities, r.minMunicipalities])).toEqual([
      ['*', 1, 5, 5],
      ['kontor', 1, 5, 5],
    ]);
    expect(rows.every((r) => r.releasedAt === NOW.toISOString())).toBe(true);
    const none = await call('GET', '?year=2025', operator);
    expect(none.json<{ releases: NationalReleaseRow[] }>().releases).toEqual([]);
  });

  it('a year with too few municipalities releases nothing and says so', async () => {
    await publishedMunicipality(env.database, 'a', [3, 3, 3, 3, 3], 5, '2025-03-01');
    const res = await call('POST', '', operator, { year: 2025 });
    expect(res.statusCode).toBe(200);
    expect(res.json<MakeNationalReleaseResponse>()).toMatchObject({ released: [], tooFew: ['*', 'kontor'] });
    const list = await call('GET', '?year=2025', operator);
    expect(list.json<{ releases: NationalReleaseRow[] }>().releases).toEqual([]);
  });

  it('refuses a bad year or body with a stable code, and staff, even an admin, with 401', async () => {
    for (const body of [
      { year: 1999 },
      { year: 2101 },
      { year: 2026.5 },
      { year: '2026' },
      {},
      { year: 2026, x: 1 },
    ]) {
      const res = await call('POST', '', operator, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('MALFORMED_REQUEST');
    }
    for (const query of ['?year=abc', '?year=1999', '?year=20260', '?year=2026&x=1']) {
      const res = await call('GET', query, operator);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('MALFORMED_REQUEST');
    }
    const admin = headersFor(await signIn(env.database.kysely, USERS.admin.id, NOW));
    expect((await call('POST', '', admin, { year: 2026 })).statusCode).toBe(401);
    expect((await call('GET', '', admin)).statusCode).toBe(401);
    expect((await call('GET', '', {})).statusCode).toBe(401);
  });

  // PostgreSQL only: the claim across processes (SQLite has one process by the instance lock).
  if (dialect === 'postgres')
    it('says 409 while another process holds the release claim, and releases once it is free', async () => {
      await publishedMunicipality(env.database, 'f', [1, 1, 1, 1, 1]);
      const other = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await other.connect();
      try {
        const [k1, k2] = jobLockKeys('national-release');
        await other.query('begin');
        await other.query('select pg_advisory_xact_lock($1::int, $2::int)', [k1, k2]);
        const held = await call('POST', '', operator, { year: 2026 });
        expect(held.statusCode).toBe(409);
        expect(held.json<{ error: { code: string } }>().error.code).toBe('CONFLICT');
        await other.query('commit');
      } finally {
        await other.end();
      }
      const free = (await call('POST', '', operator, { year: 2026 })).json<MakeNationalReleaseResponse>();
      expect(free.released.map((r) => [r.unitType, r.version]).sort()).toEqual([
        ['*', 2],
        ['kontor', 2],
      ]);
    });
});
