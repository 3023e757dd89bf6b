import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CurrentRoundResponse, IngestResponse } from '../../src/shared/api/respondent';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default-v1';
import { DEMO_CODE_COUNT, DEMO_IDS, seedDemo, seedDemoCodes } from '../../src/server/demo/seed-demo';
import { isValidCode } from '../../src/shared/codes';
import { DEMO_REPORT_IDS, seedDemoReports } from '../../src/server/demo/seed-demo-reports';
import type { UnitReportResponse } from '../../src/shared/api/reports';
import type { Plan } from '../../src/shared/api/plans';
import { DEMO_PLAN_IDS } from '../../src/server/demo/seed-demo-plans';
import { describeEachDatabase } from './support/databases';
import { headersFor, signIn } from './authz/fixtures';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { NOW, TEST_CODE_HASHER } from './support/fixtures';

describeEachDatabase('the demo seed', (dialect) => {
  let env: TestEnvironment;
  let codes: string[] = [];
  beforeAll(async () => {
    env = await createEnvironment(dialect, { seed: false });
  });
  afterAll(() => env.dispose());

  it('creates Demo kommune with one open round for Avdeling 2, and changes nothing when run again', async () => {
    await seedDemo(env.database, NOW);
    codes = await seedDemoCodes(env.database, TEST_CODE_HASHER);
    await seedDemo(env.database, new Date('2026-04-01T12:00:00Z'));
    expect(await seedDemoCodes(env.database, TEST_CODE_HASHER)).toEqual([]);
    const db = env.database.kysely;
    expect(await db.selectFrom('municipalities').selectAll().execute()).toEqual([
      {
        id: DEMO_IDS.municipality,
        name: 'Demo kommune',
        number: '9999',
        language: 'nb',
        plan_focus_factors: 2,
        // 014-operator: its respondents' entry address /k/demo-kommune, made from the name.
        entry_slug: 'demo-kommune',
        // 018-audit-and-retention: the defaults (8 idle hours, 24 months each, no uustatus link).
        session_idle_hours: 8,
        answer_retention_months: 24,
        audit_retention_months: 24,
        accessibility_statement_url: null,
        // 021-record-contacts: none until an admin writes them.
        controller_contact: null,
        dpo_contact: null,
      },
    ]);
    const units = await db
      .selectFrom('units')
      .select(['name', 'parent_id', 'unit_type', 'open_kiosk'])
      .orderBy('name')
      .execute();
    // Avdeling 2 is in open kiosk mode: an enrolled tablet there takes answers without codes.
    expect(units).toEqual([
      { name: 'Avdeling 2', parent_id: DEMO_IDS.unit, unit_type: 'sykehjem', open_kiosk: 1 },
      { name: 'Helse og omsorg', parent_id: null, unit_type: null, open_kiosk: 0 },
      { name: 'Solbakken sykehjem', parent_id: DEMO_IDS.sector, unit_type: 'sykehjem', open_kiosk: 0 },
    ]);
    // 20 one-time codes for Avdeling 2, so any browser can answer; only their hashes are stored.
    expect(codes).toHaveLength(DEMO_CODE_COUNT);
    expect(codes.every(isValidCode)).toBe(true);
    const stored = await db.selectFrom('one_time_codes').select(['code_hash', 'unit_id']).execute();
    expect(stored).toHaveLength(DEMO_CODE_COUNT);
    expect(stored.every((c) => c.unit_id === DEMO_IDS.department && !codes.includes(c.code_hash))).toBe(true);
    expect(await db.selectFrom('rounds').select('id').execute()).toHaveLength(1);
  });

  it('serves the demo round with the default questionnaire, open from two days ago to twelve days ahead', async () => {
    const res = await env.app.inject('/api/v1/rounds/current');
    expect(res.statusCode).toBe(200);
    const body = res.json<CurrentRoundResponse>();
    expect(body.round).toMatchObject({
      name: 'Medarbeiderundersøkelsen 2026',
      opensOn: '2026-03-08',
      closesOn: '2026-03-22',
      status: 'open',
      defaultLanguage: 'nb',
      threshold: 5,
      openQuestionEnabled: true,
      backgroundEnabled: true,
      unit: { id: DEMO_IDS.department, name: 'Avdeling 2' },
    });
    expect(body.questionnaire).toEqual(DEFAULT_QUESTIONNAIRE);
  });

  it('accepts a full answer to the demo round', async () => {
    const answers = Object.fromEntries(DEFAULT_QUESTIONNAIRE.statements.map((s, i) => [s.id, (i % 5) + 1]));
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      payload: {
        formatVersion: 1,
        responses: [
          {
            id: crypto.randomUUID(),
            roundId: DEMO_IDS.round,
            unitId: DEMO_IDS.department,
            questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
            answeredOn: '2026-03-10',
            answers,
            background: { gender: 'declined' },
            openText: 'Godt arbeidsmiljø',
            code: codes[0],
          },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<IngestResponse>().results[0]?.status).toBe('accepted');
  });
});

describeEachDatabase('the demo report rounds', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect, { seed: false });
    await seedDemo(env.database, NOW);
    await seedDemoReports(env.database, TEST_CODE_HASHER, NOW);
  });
  afterAll(() => env.dispose());

  it('adds two published rounds with made-up answers once, and nothing when run again', async () => {
    const db = env.database.kysely;
    const totals = () =>
      db
        .selectFrom('aggregate_totals')
        .select(['round_id', 'unit_id', 'responses'])
        .where('round_id', '!=', DEMO_IDS.round)
        .orderBy('round_id')
        .orderBy('unit_id')
        .execute();
    const before = await totals();
    await seedDemoReports(env.database, TEST_CODE_HASHER, NOW);
    expect(await totals()).toEqual(before);
    const later = before.filter((t) => t.round_id === DEMO_REPORT_IDS.laterRound);
    // Sector staff 6, Avdeling 1 14, Avdeling 2 11, Heimly 18, Lunden 4.
    expect(later.map((t) => Number(t.responses)).reduce((a, b) => a + b, 0)).toBe(53);
    expect(Number(later.find((t) => t.unit_id === DEMO_REPORT_IDS.lunden)?.responses)).toBe(4);
    const stored = await db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', DEMO_REPORT_IDS.laterRound)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(53);
    const rounds = await db.selectFrom('rounds').select(['id', 'status']).orderBy('id').execute();
    expect(rounds).toEqual([
      { id: DEMO_IDS.round, status: 'open' },
      { id: DEMO_REPORT_IDS.earlierRound, status: 'published' },
      { id: DEMO_REPORT_IDS.laterRound, status: 'published' },
    ]);
  });

  it("gives the demo leader Solbakken's report with figures, and Lunden's as too few answers", async () => {
    const as = async (userId: string) => headersFor(await signIn(env.database.kysely, userId, NOW));
    const report = async (userId: string, unitId: string) =>
      env.app.inject({
        url: `/api/v1/reports/rounds/${DEMO_REPORT_IDS.laterRound}/units/${unitId}`,
        headers: await as(userId),
      });
    const solbakken = (await report(DEMO_IDS.leader, DEMO_IDS.unit)).json<UnitReportResponse>();
    expect(solbakken.suppressed).toBe(false);
    expect(solbakken.factors).toHaveLength(10);
    expect(solbakken.previousRound?.id).toBe(DEMO_REPORT_IDS.earlierRound);
    expect(solbakken.national.source).toBe('imported');
    // Lunden is not the leader's unit; HR reads it.
    expect((await report(DEMO_IDS.leader, DEMO_REPORT_IDS.lunden)).statusCode).toBe(403);
    const lunden = (await report(DEMO_IDS.admin, DEMO_REPORT_IDS.lunden)).json<UnitReportResponse>();
    expect(lunden).toMatchObject({ suppressed: true, suppressedReason: 'too-few', factors: [] });
  });

  it("holds Solbakken's follow-up plan from the 2025 round, with one review, once", async () => {
    await seedDemoReports(env.database, TEST_CODE_HASHER, NOW);
    const plans = await env.database.kysely.selectFrom('plans').select(['id', 'unit_id']).execute();
    expect(plans).toEqual([{ id: DEMO_PLAN_IDS.plan, unit_id: DEMO_IDS.unit }]);
    const headers = headersFor(await signIn(env.database.kysely, DEMO_IDS.leader, NOW));
    const res = await env.app.inject({ url: `/api/v1/plans/${DEMO_PLAN_IDS.plan}`, headers });
    expect(res.statusCode).toBe(200);
    const plan = res.json<Plan>();
    expect(plan).toMatchObject({
      roundId: DEMO_REPORT_IDS.laterRound,
      roundName: 'Medarbeiderundersøkelsen 2025',
      unitName: 'Solbakken sykehjem',
      basedOnUnitId: null,
      status: 'in_progress',
      agreedBy: { accountId: DEMO_IDS.leader },
      can: { edit: true, markSeen: [] },
    });
    expect(plan.consultations.safetyRep.seenBy?.displayName).toBe('Demo verneombud, Solbakken');
    expect(plan.focusFactors.map((f) => [f.factorId, f.kind, f.goals.length])).toEqual([
      ['mestringsklima', 'keep', 1],
      ['rolleklarhet', 'improve', 1],
    ]);
    // The figures are those of Solbakken's report in that round.
    const report = await env.app.inject({
      url: `/api/v1/reports/rounds/${DEMO_REPORT_IDS.laterRound}/units/${DEMO_IDS.unit}`,
      headers,
    });
    const rows = report.json<UnitReportResponse>().factors;
    for (const focus of plan.focusFactors) {
      expect(focus.figure).not.toBeNull();
      expect(focus.figure).toBe(rows.find((r) => r.factorId === focus.factorId)?.unit?.average);
    }
    const measures = plan.focusFactors.flatMap((f) => f.measures);
    expect(measures.map((m) => [m.responsible.kind, m.status, m.overdue])).toEqual([
      ['role', 'done', false],
      ['account', 'in_progress', false],
      ['role', 'not_started', true],
    ]);
    expect(measures.every((m) => /^\d{4}-\d{2}-\d{2}$/.test(m.deadline))).toBe(true);
    expect(plan.reviews).toHaveLength(1);
    expect(plan.reviews[0]!.items.map((i) => i.decision)).toEqual(['adjust', 'keep']);
    expect(plan.nextReviewOn! > '2026-03-10').toBe(true);
    // The demo safety rep of Solbakken reads it and may mark it seen.
    const rep = headersFor(await signIn(env.database.kysely, DEMO_PLAN_IDS.safetyRep, NOW));
    const seen = await env.app.inject({ url: `/api/v1/plans/${DEMO_PLAN_IDS.plan}`, headers: rep });
    expect(seen.json<Plan>().can).toEqual({ edit: false, markSeen: ['safetyRep'] });
  });
});
