// Deleting a round for good (issue 15): the preview names what goes; a wrong or missing name
// deletes nothing; the right name leaves no row of the round in any table with a round_id (found
// from the database's own catalogue, so a table added later is checked too), nor of its plans'
// and meetings' child tables, logs 'round.delete' with the name, and leaves the other rounds as
// they were. Only the admin may.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DialectName } from '../../../src/server/db/database';
import type { DB } from '../../../src/server/db/schema';
import type { RoundDeletionPreview } from '../../../src/shared/api/retention';
import { AUTHZ, headersFor, signIn, USERS } from '../authz/fixtures';
import { MEETING_FIXTURES } from '../authz/meeting-fixtures';
import { PLAN_FIXTURES } from '../authz/plan-fixtures';
import { storeAnswers } from '../support/answers';
import { describeEachDatabase } from '../support/databases';
import { dumpTables } from '../support/dump';
import type { TestEnvironment } from '../support/environment';
import { NOW, ROUNDS, seedFixtureCodes } from '../support/fixtures';
import { signedIn, staffEnvironment, type StaffClient } from '../support/staff';
import { auditEntries, expectCode, PRIVACY_OFFICER, signedInPrivacyOfficer } from './world';

/** The round the tests delete: the authorisation world's published round, with its plans and meetings. */
const DOOMED = AUTHZ.publishedRound;

async function tablesWithRoundId(db: Kysely<DB>, dialect: DialectName): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select m.name as name from sqlite_master m
          join pragma_table_info(m.name) p where m.type = 'table' and p.name = 'round_id'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.columns
          where column_name = 'round_id' and table_schema = current_schema()`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

async function countIn(
  db: Kysely<DB>,
  table: string,
  column: string,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)}
    where ${sql.ref(column)} in (${sql.join(ids)})`.execute(db);
  return Number(rows.rows[0]?.n);
}

/** Rows of every round_id table per round, for "the other rounds are untouched". */
async function rowsPerRound(db: Kysely<DB>, tables: readonly string[]) {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    out[table] = rows.rows
      .map((r) => JSON.stringify(r, (_, v: unknown) => (v instanceof Uint8Array ? [...v] : v)))
      .sort();
  }
  return out;
}

/** A row in every table the round can have rows in, beside what the authorisation world seeded. */
async function fillRound(env: TestEnvironment) {
  const db = env.database.kysely;
  await storeAnswers(
    env.database,
    { roundId: DOOMED, unitId: 'unit' },
    6,
    () => 4,
    (i) => `svar ${i}`,
  );
  await seedFixtureCodes(db, DOOMED, ['unit']);
  await db
    .insertInto('background_counts')
    .values({
      round_id: DOOMED,
      question_id: 'gender',
      option_value: 'female',
      statement_id: 's1',
      value: 4,
      count: 6,
    })
    .execute();
  await db
    .insertInto('background_totals')
    .values({ round_id: DOOMED, question_id: 'gender', option_value: 'female', responses: 6 })
    .execute();
  await db
    .insertInto('background_profiles')
    .values({ round_id: DOOMED, unit_id: 'unit', profile: '{}', responses: 6 })
    .execute();
  await db
    .insertInto('background_breakdowns')
    .values({ round_id: DOOMED, fingerprint: 'f', breakdowns: 'null' })
    .execute();
  await db
    .insertInto('refused_counts')
    .values({ round_id: DOOMED, unit_id: 'unit', reason: 'CODE_UNKNOWN', count: 2 })
    .execute();
  await db
    .insertInto('rejected_counts')
    .values({ round_id: DOOMED, unit_id: 'unit', reason: 'INVALID_RESPONSE', count: 1 })
    .execute();
  await db
    .insertInto('rejected_items')
    .values({ id_hash: 'doomed-rejected', round_id: DOOMED, keep_until: '2026-04-01' })
    .execute();
  await db
    .insertInto('kiosks')
    .values({
      id: 'doomed-kiosk',
      municipality_id: 'm1',
      unit_id: 'unit',
      round_id: DOOMED,
      credential_hash: 'doomed-credential',
      label: 'Pauserommet',
      enrolled_at: '2026-01-06T08:00:00.000Z',
      revoked_on: null,
      last_sync_at: null,
    })
    .execute();
  await db
    .insertInto('kiosk_enrolments')
    .values({
      token_hash: 'doomed-link',
      unit_id: 'unit',
      round_id: DOOMED,
      label: null,
      expires_at: '2026-03-11T08:00:00.000Z',
    })
    .execute();
  await db
    .insertInto('round_seal_keys')
    .values({ round_id: DOOMED, key_id: 'k1', wrapped: new Uint8Array([1, 2, 3]) })
    .execute();
  await db
    .insertInto('sealed_inbox')
    .values({
      receipt: 'doomed-sealed',
      round_id: DOOMED,
      unit_id: 'unit',
      key_id: 'k1',
      sealed: new Uint8Array([4, 5, 6]),
    })
    .execute();
  await db.insertInto('ingest_receipts').values({ receipt: 'doomed-receipt', round_id: DOOMED }).execute();
  await db
    .insertInto('round_phases')
    .values({ round_id: DOOMED, phase: 'analysisMeeting', starts_on: '2026-01-26', ends_on: '2026-01-26' })
    .execute();
  await db
    .insertInto('code_guesses')
    .values({ scope: `round:${DOOMED}`, window_hour: 1, hits: 3 })
    .execute();
  await db
    .insertInto('plan_reviews')
    .values({
      id: 'doomed-review',
      plan_id: PLAN_FIXTURES.planA,
      held_on: '2026-02-01',
      summary: 'Bra',
      recorded_by: null,
      position: 0,
    })
    .execute();
  await db
    .insertInto('plan_review_items')
    .values({ review_id: 'doomed-review', measure_id: PLAN_FIXTURES.measureA, decision: 'keep' })
    .execute();
  const meetingId = MEETING_FIXTURES.meetingA;
  await db
    .insertInto('meeting_contributions')
    .values({
      id: 'doomed-text',
      meeting_id: meetingId,
      step_index: 1,
      phase: 'individual',
      group_no: 1,
      label: null,
      text: 'Vi hjelper hverandre',
      shown: 0,
      client_key: 'c1',
    })
    .execute();
  await db
    .insertInto('meeting_counters')
    .values({ meeting_id: meetingId, writer: 'w', slot: 's', count: 1 })
    .execute();
  await db
    .insertInto('meeting_ballots')
    .values({
      meeting_id: meetingId,
      step_index: 1,
      client_key: 'b1',
      participant_id: 'authz-phone-a',
      dots: 2,
    })
    .execute();
  await db
    .insertInto('meeting_vote_dots')
    .values({ meeting_id: meetingId, step_index: 1, option_id: 'o1', dots: 2 })
    .execute();
}

const PLAN_CHILDREN = [
  'plan_focus_factors',
  'plan_goals',
  'plan_measures',
  'plan_reviews',
  'plan_public_links',
];
const MEETING_CHILDREN = [
  'meeting_participants',
  'meeting_contributions',
  'meeting_counters',
  'meeting_ballots',
  'meeting_vote_dots',
];

describeEachDatabase('deleting a round for good', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  let tables: string[];
  let planIds: string[];
  let meetingIds: string[];

  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
    await fillRound(env);
    const db = env.database.kysely;
    tables = (await tablesWithRoundId(db, dialect)).filter((t) => t !== 'audit_log');
    planIds = (await db.selectFrom('plans').select('id').where('round_id', '=', DOOMED).execute()).map(
      (r) => r.id,
    );
    meetingIds = (await db.selectFrom('meetings').select('id').where('round_id', '=', DOOMED).execute()).map(
      (r) => r.id,
    );
  });
  afterAll(() => env.dispose());

  it('starts with rows of the round in every table that has a round_id', async () => {
    expect(tables.length).toBeGreaterThanOrEqual(20);
    const empty: string[] = [];
    for (const table of tables)
      if ((await countIn(env.database.kysely, table, 'round_id', [DOOMED])) === 0) empty.push(table);
    expect(empty).toEqual([]);
    for (const table of PLAN_CHILDREN)
      expect(await countIn(env.database.kysely, table, 'plan_id', planIds)).toBeGreaterThan(0);
    for (const table of MEETING_CHILDREN)
      expect(await countIn(env.database.kysely, table, 'meeting_id', meetingIds)).toBeGreaterThan(0);
  });

  it('previews what goes, for the admin only', async () => {
    const res = await admin.get(`/rounds/${DOOMED}/deletion`);
    expect(res.statusCode).toBe(200);
    expect(res.json<RoundDeletionPreview>()).toEqual({
      roundId: DOOMED,
      name: DOOMED,
      status: 'published',
      answers: 6,
      sealedAnswers: 1,
      countedAnswers: 6,
      codes: 500,
      kiosks: 1,
      kioskEnrolments: 1,
      plans: 2,
      meetings: 3,
      answersDeletedOn: null,
    });
    expectCode(
      await (await signedIn(env, 'leaderA')).get(`/rounds/${DOOMED}/deletion`),
      403,
      'FORBIDDEN_ROLE',
    );
    expectCode(
      await (await signedInPrivacyOfficer(env)).get(`/rounds/${DOOMED}/deletion`),
      403,
      'FORBIDDEN_ROLE',
    );
    expectCode(await admin.get(`/rounds/${AUTHZ.foreignRound}/deletion`), 404, 'NOT_FOUND');
  });

  it('deletes nothing with a wrong or missing name, or for anyone but the admin', async () => {
    const db = env.database.kysely;
    const before = { dump: await dumpTables(db), rows: await rowsPerRound(db, tables) };
    const adminDelete = (body?: unknown) => deleteAs(env, 'admin', DOOMED, body);
    expectCode(await adminDelete({ confirmName: `${DOOMED} ` }), 400, 'DELETION_NOT_CONFIRMED');
    expectCode(await adminDelete({ confirmName: 'noe annet' }), 400, 'DELETION_NOT_CONFIRMED');
    expectCode(await adminDelete({}), 400, 'MALFORMED_REQUEST');
    expectCode(await adminDelete(), 400, 'MALFORMED_REQUEST');
    expectCode(await deleteAs(env, 'leaderA', DOOMED, { confirmName: DOOMED }), 403, 'FORBIDDEN_ROLE');
    expectCode(await deleteAs(env, 'privacy', DOOMED, { confirmName: DOOMED }), 403, 'FORBIDDEN_ROLE');
    expectCode(
      await deleteAs(env, 'admin', AUTHZ.foreignRound, { confirmName: AUTHZ.foreignRound }),
      404,
      'NOT_FOUND',
    );
    expect(await dumpTables(db)).toEqual(before.dump);
    expect(await rowsPerRound(db, tables)).toEqual(before.rows);
    expect(await auditEntries(db, 'round.delete')).toEqual([]);
  });

  it('with the right name leaves no row of the round anywhere, logs it, and leaves the other rounds as they were', async () => {
    const db = env.database.kysely;
    const others = async () => {
      const all = await rowsPerRound(db, [...tables, 'rounds']);
      return Object.fromEntries(
        Object.entries(all).map(([t, rows]) => [t, rows.filter((r) => !r.includes(`"${DOOMED}"`))]),
      );
    };
    const before = await others();
    expect(before.rounds!.length).toBeGreaterThan(5);
    const res = await deleteAs(env, 'admin', DOOMED, { confirmName: DOOMED });
    expect(res.statusCode).toBe(200);
    expect(res.json<RoundDeletionPreview>()).toMatchObject({
      roundId: DOOMED,
      answers: 6,
      plans: 2,
      meetings: 3,
    });

    for (const table of [...tables, 'rounds']) {
      const column = table === 'rounds' ? 'id' : 'round_id';
      expect({ table, rows: await countIn(db, table, column, [DOOMED]) }).toEqual({ table, rows: 0 });
    }
    for (const table of [...PLAN_CHILDREN, 'plan_review_items']) {
      const column = table === 'plan_review_items' ? 'review_id' : 'plan_id';
      const ids = table === 'plan_review_items' ? ['doomed-review'] : planIds;
      expect({ table, rows: await countIn(db, table, column, ids) }).toEqual({ table, rows: 0 });
    }
    for (const table of MEETING_CHILDREN) {
      expect({ table, rows: await countIn(db, table, 'meeting_id', meetingIds) }).toEqual({ table, rows: 0 });
    }
    expect(await countIn(db, 'code_guesses', 'scope', [`round:${DOOMED}`])).toBe(0);
    expect(await others()).toEqual(before);

    const entries = await auditEntries(db, 'round.delete', DOOMED);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_id: 'authz-admin', unit_id: AUTHZ.sector, detail: DOOMED });
    expect((await admin.get(`/rounds/${DOOMED}/deletion`)).statusCode).toBe(404);
    expectCode(await deleteAs(env, 'admin', DOOMED, { confirmName: DOOMED }), 404, 'NOT_FOUND');
  });

  it('deletes a draft the same way (no frame, no answers)', async () => {
    const res = await deleteAs(env, 'admin', ROUNDS.draft.id, { confirmName: ROUNDS.draft.name });
    expect(res.statusCode).toBe(200);
    expect(res.json<RoundDeletionPreview>()).toMatchObject({ status: 'draft', answers: 0, codes: 1000 });
    expect(await countIn(env.database.kysely, 'rounds', 'id', [ROUNDS.draft.id])).toBe(0);
  });
});

/** DELETE /rounds/:id with a JSON body, as the admin, leaderA or a privacy officer. */
async function deleteAs(
  env: TestEnvironment,
  who: 'admin' | 'leaderA' | 'privacy',
  roundId: string,
  body?: unknown,
) {
  if (who === 'privacy') await signedInPrivacyOfficer(env);
  const userId = who === 'privacy' ? PRIVACY_OFFICER : USERS[who].id;
  const headers = headersFor(await signIn(env.database.kysely, userId, NOW));
  return env.app.inject({
    method: 'DELETE',
    url: `/api/v1/rounds/${roundId}`,
    headers,
    ...(body !== undefined && { payload: body as object }),
  });
}
