// Retention of answer rows (issue 15): a published round past the municipality's answer retention
// loses its answer rows (and only those), is marked, and the deletion is logged once; its report's
// figures, a later round's trend against it and the heat map stay as they were, and its open
// answers are reported as deleted. Run twice, or by two processes at once, it deletes and logs once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeatmapResponse, UnitReportResponse } from '../../../src/shared/api/reports';
import type { AdminRound } from '../../../src/shared/api/organisation';
import { runRetention, startRetention } from '../../../src/server/retention/schedule';
import { deleteExpiredAnswers } from '../../../src/server/retention/answer-retention';
import { addMonths } from '../../../src/shared/months';
import { describeEachDatabase } from '../support/databases';
import type { TestEnvironment } from '../support/environment';
import { QUESTIONNAIRE, TODAY } from '../support/fixtures';
import { signedIn, staffEnvironment, type StaffClient } from '../support/staff';
import { auditEntries, countOf, publishedRoundWithAnswers } from './world';

/** Nearly two years after the fixture's today: OLD (published 2026-01-15) is past 24 months, NEW is not. */
const LATER = new Date('2028-02-01T11:00:00Z');
const OLD = 'retention-old';
const NEW = 'retention-new';

describe('addMonths', () => {
  it('keeps the day of the month, or takes the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 24)).toBe('2028-01-15');
    expect(addMonths('2028-02-01', -24)).toBe('2026-02-01');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-12-10', 1)).toBe('2027-01-10');
  });
});

describeEachDatabase('retention of answer rows', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  let leader: StaffClient;
  const report = async (roundId: string, unitId = 'unit') =>
    (await leader.get(`/reports/rounds/${roundId}/units/${unitId}`)).json<UnitReportResponse>();
  const heatmap = async (roundId: string) =>
    (await admin.get(`/reports/rounds/${roundId}/heatmap`)).json<HeatmapResponse>();
  const deletedOn = async (roundId: string) =>
    (
      await env.database.kysely
        .selectFrom('rounds')
        .select('answers_deleted_on')
        .where('id', '=', roundId)
        .executeTakeFirstOrThrow()
    ).answers_deleted_on;

  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
    leader = await signedIn(env, 'leaderA');
    // OLD is the round before NEW for 'unit', so NEW's report compares with it.
    await publishedRoundWithAnswers(env, OLD, { opensOn: '2026-01-10', closesOn: '2026-01-15' }, 8, 2);
    await publishedRoundWithAnswers(env, NEW, { opensOn: '2026-02-01', closesOn: '2026-02-14' }, 7, 4);
  });
  afterAll(() => env.dispose());

  it('sets published_on to the day a round is published through the API', async () => {
    const created = (
      await admin.post('/rounds', {
        name: 'Publiseres i dag',
        unitId: 'other',
        opensOn: TODAY,
        closesOn: '2026-03-20',
        questionnaireVersion: QUESTIONNAIRE.version,
      })
    ).json<AdminRound>();
    for (const step of ['open', 'close', 'publish']) {
      expect((await admin.post(`/rounds/${created.id}/${step}`)).statusCode).toBe(200);
    }
    const row = await env.database.kysely
      .selectFrom('rounds')
      .select(['published_on', 'answers_deleted_on'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ published_on: TODAY, answers_deleted_on: null });
    // The admin's round list says so, for the card that tells when the answers go.
    const listed = (await admin.get('/rounds')).json<{ rounds: AdminRound[] }>().rounds;
    expect(listed.find((r) => r.id === created.id)).toMatchObject({
      publishedOn: TODAY,
      answersDeletedOn: null,
    });
  });

  it('deletes the answer rows of the round past its period only, keeps the counts, and logs it once', async () => {
    const db = env.database.kysely;
    const before = {
      old: await report(OLD),
      new: await report(NEW),
      oldHeat: await heatmap(OLD),
      newHeat: await heatmap(NEW),
      oldCounts: await db.selectFrom('aggregate_counts').selectAll().where('round_id', '=', OLD).execute(),
    };
    expect(before.old.openAnswers).toHaveLength(8);
    expect(before.new.previousRound?.id).toBe(OLD);
    expect(before.new.factors.some((f) => f.previous !== null)).toBe(true);

    const outcome = await runRetention(env.database, LATER);
    expect(outcome.rounds).toContainEqual({ roundId: OLD, answers: 8 });
    expect(outcome.rounds.map((r) => r.roundId)).not.toContain(NEW);

    expect(await countOf(db, 'responses', OLD)).toBe(0);
    expect(await countOf(db, 'responses', NEW)).toBe(7);
    expect(await db.selectFrom('aggregate_counts').selectAll().where('round_id', '=', OLD).execute()).toEqual(
      before.oldCounts,
    );
    expect(await countOf(db, 'aggregate_totals', OLD)).toBeGreaterThan(0);
    expect(await deletedOn(OLD)).toBe('2028-02-01');
    expect(await deletedOn(NEW)).toBeNull();
    const listed = (await admin.get('/rounds')).json<{ rounds: AdminRound[] }>().rounds;
    expect(listed.find((r) => r.id === OLD)?.answersDeletedOn).toBe('2028-02-01');
    expect(listed.find((r) => r.id === NEW)?.answersDeletedOn).toBeNull();

    const entries = await auditEntries(db, 'retention.answers_deleted', OLD);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_id: null, actor_name: null, unit_id: 'unit', detail: '8' });
    expect(await auditEntries(db, 'retention.answers_deleted', NEW)).toHaveLength(0);

    // The figures come from counts: the same before and after; only the open answers are gone, said so.
    const after = await report(OLD);
    expect(after.openAnswers).toBeNull();
    expect(after.openAnswersHidden).toBe('deleted');
    expect({ ...after, openAnswers: null, openAnswersHidden: null }).toEqual({
      ...before.old,
      openAnswers: null,
      openAnswersHidden: null,
    });
    expect(await report(NEW)).toMatchObject({
      factors: before.new.factors,
      previousRound: before.new.previousRound,
    });
    expect((await report(NEW)).openAnswers).toHaveLength(7);
    expect(await heatmap(OLD)).toEqual(before.oldHeat);
    expect(await heatmap(NEW)).toEqual(before.newHeat);
  });

  it('does nothing more when it runs again', async () => {
    const outcome = await runRetention(env.database, LATER);
    expect(outcome.rounds).toEqual([]);
    expect(await auditEntries(env.database.kysely, 'retention.answers_deleted', OLD)).toHaveLength(1);
    expect(await deletedOn(OLD)).toBe('2028-02-01');
  });

  it('deletes and logs a round once when two processes run at the same moment', async () => {
    const id = 'retention-raced';
    await publishedRoundWithAnswers(env, id, { opensOn: '2025-11-01', closesOn: '2025-11-14' }, 5, 3);
    // PostgreSQL: a second pool, as another process. SQLite is one process (the instance lock), and
    // better-sqlite3 waits for a lock synchronously, so there the two runs share the connection.
    const second = dialect === 'postgres' ? env.testDb.connect() : env.database;
    try {
      const results = await Promise.all([
        deleteExpiredAnswers(env.database, LATER),
        deleteExpiredAnswers(second, LATER),
      ]);
      const deleted = results.flatMap((r) => r.rounds).filter((r) => r.roundId === id);
      expect(deleted).toEqual([{ roundId: id, answers: 5 }]);
    } finally {
      if (second !== env.database) await second.close();
    }
    expect(await countOf(env.database.kysely, 'responses', id)).toBe(0);
    expect(await auditEntries(env.database.kysely, 'retention.answers_deleted', id)).toHaveLength(1);
  });

  it('keeps answers for as long as the municipality says: a longer period leaves a round due by the default', async () => {
    const id = 'retention-longer';
    await publishedRoundWithAnswers(env, id, { opensOn: '2025-12-01', closesOn: '2025-12-14' }, 4, 3);
    await env.database.kysely
      .updateTable('municipalities')
      .set({ answer_retention_months: 36 })
      .where('id', '=', 'm1')
      .execute();
    try {
      await runRetention(env.database, LATER);
      expect(await countOf(env.database.kysely, 'responses', id)).toBe(4);
    } finally {
      await env.database.kysely
        .updateTable('municipalities')
        .set({ answer_retention_months: 24 })
        .where('id', '=', 'm1')
        .execute();
    }
  });

  it('runs once at start when scheduled, and stops cleanly', async () => {
    const id = 'retention-scheduled';
    await publishedRoundWithAnswers(env, id, { opensOn: '2025-10-01', closesOn: '2025-10-14' }, 3, 3);
    const errors: unknown[] = [];
    const scheduler = startRetention({
      database: env.database,
      now: () => LATER,
      onError: (e) => errors.push(e),
    });
    await scheduler.stop();
    expect(errors).toEqual([]);
    expect(await countOf(env.database.kysely, 'responses', id)).toBe(0);
    expect(await deletedOn(id)).toBe('2028-02-01');
  });
});
