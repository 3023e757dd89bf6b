// The retention tests' world on top of the staff test world (support/staff.ts): a privacy officer
// of m1 signed in, published rounds with answers written as the release stores them, and counts of
// a round's rows straight from SQL.
import { expect } from 'vitest';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../../src/server/auth/password';
import type { DB } from '../../../src/server/db/schema';
import { insertUser, replaceRoles } from '../../../src/server/repositories/accounts';
import { insertRound, type RoundRecord } from '../../../src/server/repositories/rounds';
import { headersFor, signIn } from '../authz/fixtures';
import { storeAnswers } from '../support/answers';
import type { TestEnvironment } from '../support/environment';
import { NOW, round, seedFixtureCodes } from '../support/fixtures';
import type { StaffClient } from '../support/staff';

export const PRIVACY_OFFICER = 'retention-privacy-officer';

/** A privacy officer of m1 (the matrix's actors come from another piece), signed in. */
export async function signedInPrivacyOfficer(env: TestEnvironment): Promise<StaffClient> {
  const db = env.database.kysely;
  const row = {
    id: PRIVACY_OFFICER,
    username: PRIVACY_OFFICER,
    municipalityId: 'm1',
    displayName: 'Personvernombud',
    passwordHash: await hashPassword('privacy-officer-2026'),
    createdOn: '2026-03-01',
  };
  if (await insertUser(db, row))
    await replaceRoles(db, PRIVACY_OFFICER, [{ role: 'privacy_officer', unitId: null }]);
  const headers = headersFor(await signIn(db, PRIVACY_OFFICER, NOW));
  const send = (method: 'GET' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    env.app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(body !== undefined && { payload: body as object }),
    });
  return {
    get: (url) => send('GET', url),
    post: () => Promise.reject(new Error('not used')),
    put: (url, body) => send('PUT', url, body),
    patch: () => Promise.reject(new Error('not used')),
    delete: (url) => send('DELETE', url),
  };
}

/** A published round of m1 over 'unit' with `answers` answers on 'unit' (open texts "<id> i"). */
export async function publishedRoundWithAnswers(
  env: TestEnvironment,
  id: string,
  fields: Partial<RoundRecord>,
  answers: number,
  value: number,
): Promise<void> {
  await insertRound(
    env.database.kysely,
    round(id, { status: 'published', threshold: 3, openAnswerThreshold: 3, ...fields }),
  );
  await seedFixtureCodes(env.database.kysely, id, ['unit']);
  await storeAnswers(
    env.database,
    { roundId: id, unitId: 'unit' },
    answers,
    (i) => ((i % 2) + value) as 1 | 2 | 3 | 4 | 5,
    (i) => `${id} ${i}`,
  );
}

/** How many rows of `table` belong to the round. */
export async function countOf(
  db: Kysely<DB>,
  table: 'responses' | 'aggregate_counts' | 'aggregate_totals',
  roundId: string,
) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function auditEntries(db: Kysely<DB>, action: string, roundId?: string) {
  let query = db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (roundId !== undefined) query = query.where('round_id', '=', roundId);
  return query.orderBy('at').execute();
}

export function expectCode(res: { statusCode: number; json: () => unknown }, status: number, code: string) {
  expect({ status: res.statusCode, body: res.json() }).toMatchObject({ status, body: { error: { code } } });
}
