// What one request writes to the audit log (issue 15): a report read, a heat-map read, an
// open-answers read, an export and a change each write exactly one entry with who, what, which
// unit and round and the minute, and nothing else; a refused request (4xx) writes none; and the
// database itself refuses to change an entry.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AdminRound } from '../../../src/shared/api/organisation';
import type { UnitReportResponse } from '../../../src/shared/api/reports';
import { USERS } from '../authz/fixtures';
import { storeAnswers } from '../support/answers';
import { describeEachDatabase } from '../support/databases';
import type { TestEnvironment } from '../support/environment';
import { QUESTIONNAIRE } from '../support/fixtures';
import { signedIn, staffEnvironment, type StaffClient } from '../support/staff';

/** The fixed clock of the test apps (support/fixtures.ts NOW), to the minute. */
const MINUTE = '2026-03-10T11:00Z';

describeEachDatabase('audit log entries', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  let leader: StaffClient;
  let leaderB: StaffClient;
  let round: AdminRound;

  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
    leader = await signedIn(env, 'leaderA');
    leaderB = await signedIn(env, 'leaderB');
    round = (
      await admin.post('/rounds', {
        name: 'Logget runde',
        unitId: 'unit',
        opensOn: '2026-03-09',
        closesOn: '2026-03-20',
        questionnaireVersion: QUESTIONNAIRE.version,
        openQuestionEnabled: true,
        threshold: 5,
        openAnswerThreshold: 10,
      })
    ).json<AdminRound>();
    await admin.post(`/rounds/${round.id}/open`);
    // 'unit' reaches the open-answer threshold; 'dept' below it only the figures' threshold.
    await storeAnswers(
      env.database,
      { roundId: round.id, unitId: 'unit' },
      10,
      () => 4,
      (i) => `tekst ${i}`,
    );
    await storeAnswers(env.database, { roundId: round.id, unitId: 'dept' }, 6, () => 3);
    await admin.post(`/rounds/${round.id}/close`);
    await admin.post(`/rounds/${round.id}/publish`);
  });
  afterAll(() => env.dispose());

  const allRows = () => env.database.kysely.selectFrom('audit_log').selectAll().execute();

  /** The entries `act` wrote, whole rows. */
  async function written(act: () => Promise<{ statusCode: number }>, status: number) {
    const before = new Set((await allRows()).map((r) => r.id));
    const res = await act();
    expect(res.statusCode).toBe(status);
    return (await allRows()).filter((r) => !before.has(r.id));
  }

  const entry = (
    actor: keyof typeof USERS,
    fields: { action: string; unit: string | null; round: string | null },
  ) => ({
    id: expect.any(String) as string,
    municipality_id: 'm1',
    at: MINUTE,
    actor_id: USERS[actor].id,
    actor_name: `${USERS[actor].username} (${USERS[actor].username})`,
    action: fields.action,
    unit_id: fields.unit,
    round_id: fields.round,
    detail: null,
  });

  it('writes one entry for a unit report read', async () => {
    const rows = await written(() => leader.get(`/reports/rounds/${round.id}/units/dept`), 200);
    expect(rows).toEqual([entry('leaderA', { action: 'report.unit.read', unit: 'dept', round: round.id })]);
  });

  it('writes one open-answers entry for a report whose reply lists open answers', async () => {
    let report: UnitReportResponse | undefined;
    const rows = await written(async () => {
      const res = await leader.get(`/reports/rounds/${round.id}/units/unit`);
      report = res.json<UnitReportResponse>();
      return res;
    }, 200);
    expect(report?.openAnswers).toHaveLength(10);
    expect(rows).toEqual([
      entry('leaderA', { action: 'report.open_answers.read', unit: 'unit', round: round.id }),
    ]);
    // The entry holds none of what was written.
    expect(JSON.stringify(rows)).not.toContain('tekst');
  });

  it("writes a municipality report read for the round's own unit (admin reads no open answers)", async () => {
    const rows = await written(() => admin.get(`/reports/rounds/${round.id}/units/unit`), 200);
    expect(rows).toEqual([
      entry('admin', { action: 'report.municipality.read', unit: 'unit', round: round.id }),
    ]);
  });

  it('writes one entry for a heat-map read', async () => {
    const rows = await written(() => admin.get(`/reports/rounds/${round.id}/heatmap`), 200);
    expect(rows).toEqual([entry('admin', { action: 'report.heatmap.read', unit: null, round: round.id })]);
  });

  it('writes one entry for an export the browser makes (CSV and print)', async () => {
    const csv = await written(
      () =>
        leader.post('/audit/exports', { kind: 'csv', subject: 'report', roundId: round.id, unitId: 'unit' }),
      204,
    );
    expect(csv).toEqual([
      {
        ...entry('leaderA', { action: 'report.export.csv', unit: 'unit', round: round.id }),
        detail: 'report',
      },
    ]);
    const print = await written(
      () => admin.post('/audit/exports', { kind: 'print', subject: 'heatmap', roundId: round.id }),
      204,
    );
    expect(print).toEqual([
      {
        ...entry('admin', { action: 'report.export.print', unit: null, round: round.id }),
        detail: 'heatmap',
      },
    ]);
  });

  it('refuses to log an export of what the caller may not read, and writes nothing', async () => {
    const safety = await signedIn(env, 'safetyA');
    const draft = (await admin.post('/rounds', { name: 'Utkast', unitId: 'unit' })).json<AdminRound>();
    const tries: [StaffClient, object, number, string][] = [
      // A report of a unit outside the leader's own, and one of a unit the round does not hold.
      [leaderB, { kind: 'csv', subject: 'report', roundId: round.id, unitId: 'dept' }, 403, 'FORBIDDEN_UNIT'],
      [leader, { kind: 'csv', subject: 'report', roundId: round.id, unitId: 'other' }, 404, 'NOT_FOUND'],
      // A report that is not out yet.
      [
        leader,
        { kind: 'print', subject: 'report', roundId: draft.id, unitId: 'dept' },
        409,
        'REPORT_NOT_AVAILABLE',
      ],
      // The plan overview: admin and the unit's leader only.
      [leaderB, { kind: 'csv', subject: 'plans', roundId: round.id, unitId: 'dept' }, 403, 'FORBIDDEN_UNIT'],
      [safety, { kind: 'csv', subject: 'plans', roundId: round.id, unitId: 'unit' }, 403, 'FORBIDDEN_ROLE'],
      [admin, { kind: 'csv', subject: 'plans', roundId: round.id, unitId: 'no-such-unit' }, 404, 'NOT_FOUND'],
    ];
    for (const [client, body, status, code] of tries) {
      let answer: { error?: { code?: string } } | undefined;
      const rows = await written(async () => {
        const res = await client.post('/audit/exports', body);
        answer = res.json();
        return res;
      }, status);
      expect(answer?.error?.code, JSON.stringify(body)).toBe(code);
      expect(rows).toEqual([]);
    }
    // The municipality overview is every report role's, and the leader's own overview is theirs.
    expect(
      await written(
        () => leaderB.post('/audit/exports', { kind: 'csv', subject: 'report', roundId: round.id }),
        204,
      ),
    ).toHaveLength(1);
    expect(
      await written(
        () =>
          leader.post('/audit/exports', { kind: 'csv', subject: 'plans', roundId: round.id, unitId: 'dept' }),
        204,
      ),
    ).toHaveLength(1);
  });

  it('writes one entry for a change, with the unit it changed', async () => {
    const rows = await written(() => admin.patch('/units/dept', { employeeCount: 12 }), 200);
    expect(rows).toEqual([entry('admin', { action: 'unit.update', unit: 'dept', round: null })]);
  });

  it('logs a round change with its round, and the transition made', async () => {
    const created = await written(() => admin.post('/rounds', { name: 'Ny', unitId: 'other' }), 201);
    const id = (await allRows()).find((r) => r.action === 'round.create' && r.unit_id === 'other')?.round_id;
    expect(created).toEqual([
      entry('admin', { action: 'round.create', unit: 'other', round: id ?? 'missing' }),
    ]);
  });

  it('logs how many codes were made, never the codes', async () => {
    let codes: string[] = [];
    const rows = await written(async () => {
      const res = await leader.post(`/rounds/round-open/units/unit/codes`, { count: 3 });
      codes = res.json<{ codes: string[] }>().codes;
      return res;
    }, 201);
    expect(rows).toEqual([
      { ...entry('leaderA', { action: 'codes.issue', unit: 'unit', round: 'round-open' }), detail: '3' },
    ]);
    expect(codes).toHaveLength(3);
    const everything = JSON.stringify(await allRows());
    for (const code of codes) expect(everything).not.toContain(code);
  });

  it('writes nothing for a refused request (403, 404, 400, 409)', async () => {
    expect(await written(() => leaderB.get(`/reports/rounds/${round.id}/units/unit`), 200)).toHaveLength(1);
    expect(await written(() => leaderB.get(`/reports/rounds/${round.id}/units/dept`), 403)).toEqual([]);
    expect(await written(() => admin.patch('/units/no-such-unit', { employeeCount: 1 }), 404)).toEqual([]);
    expect(
      await written(
        () => leader.post('/audit/exports', { kind: 'csv', subject: 'report', roundId: 'nope' }),
        404,
      ),
    ).toEqual([]);
    expect(
      await written(
        () => admin.post('/audit/exports', { kind: 'pdf', subject: 'report', roundId: round.id }),
        400,
      ),
    ).toEqual([]);
    expect(await written(() => admin.delete('/units/unit'), 409)).toEqual([]);
    expect(await written(() => leaderB.patch('/units/dept', { employeeCount: 1 }), 403)).toEqual([]);
  });

  it('has the database refuse an UPDATE of an entry', async () => {
    const [first] = await allRows();
    expect(first).toBeDefined();
    await expect(
      env.database.kysely
        .updateTable('audit_log')
        .set({ action: 'unit.delete' })
        .where('id', '=', first!.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    const again = await env.database.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '=', first!.id)
      .executeTakeFirstOrThrow();
    expect(again).toEqual(first);
  });
});
