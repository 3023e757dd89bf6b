// The authorisation matrix: every API route × every actor (and no session), each cell one exact
// status. Rows come from every table-*.ts next to this file (each exports `rows`); a route that no
// table mentions fails the suite, so a new endpoint cannot ship without saying who may call it.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listApiRoutes } from '../../../src/server/app';
import { describeEachDatabase } from '../support/databases';
import { createEnvironment, type TestEnvironment } from '../support/environment';
import { NOW } from '../support/fixtures';
import {
  MATRIX_ACTORS,
  headersFor,
  seedAuthzFixtures,
  signInAll,
  signInOperator,
  type MatrixActor,
  type MatrixRow,
} from './fixtures';

const tables = import.meta.glob<{ rows: readonly MatrixRow[] }>('./table-*.ts', { eager: true });
const ROWS = Object.entries(tables).flatMap(([file, table]) =>
  table.rows.map((row) => ({ file: file.replace('./', ''), row })),
);

function request(row: MatrixRow): InjectOptions {
  const [method, pattern] = row.route.split(' ') as [InjectOptions['method'], string];
  return { method, url: row.url ?? pattern, ...(row.body !== undefined && { payload: row.body as object }) };
}

describeEachDatabase('the authorisation matrix', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
    await seedAuthzFixtures(env.database.kysely);
    await env.app.ready();
  });
  afterAll(() => env.dispose());

  it('has a row for every API route, and no row for a route that does not exist', () => {
    const registered = listApiRoutes(env.app).map((r) => `${r.method} ${r.url}`);
    const covered = new Set(ROWS.map(({ row }) => row.route));
    expect(registered.filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((route) => !registered.includes(route))).toEqual([]);
  });

  for (const { file, row } of ROWS) {
    it(`${row.route}${row.note ? ` (${row.note})` : ''} · ${file}`, async () => {
      const sessions = {
        ...(await signInAll(env.database.kysely, NOW)),
        operator: await signInOperator(env.database.kysely, NOW),
      };
      const actual = {} as Record<MatrixActor, number>;
      for (const actor of MATRIX_ACTORS) {
        const auth = actor === 'none' ? {} : headersFor(sessions[actor]);
        // A row's own cookie (a meeting phone's) goes beside the actor's session cookie.
        const cookie = [row.headers?.cookie, 'cookie' in auth ? auth.cookie : undefined]
          .filter(Boolean)
          .join('; ');
        const headers = { ...row.headers, ...auth, ...(cookie !== '' && { cookie }) };
        const res = await env.app.inject({ ...request(row), headers });
        actual[actor] = res.statusCode;
      }
      expect(actual).toEqual(row.expect);
    });
  }
});
