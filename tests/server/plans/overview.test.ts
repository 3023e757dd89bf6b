// The follow-up overview and the leader's due list, counted by hand over the demo sector (units
// counted: Avdeling 1, Avdeling 2, Heimly, Lunden, the units without units below them): one plan
// agreed with an overdue measure and an overdue review, one draft; and bad input to the plan
// routes: oversized and empty texts, numbers out of range, an unknown factor, dates that are no
// dates, all with their stable code and nothing stored.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DueListResponse, OverviewResponse, Plan } from '../../../src/shared/api/plans';
import { PLAN_TEXT_LIMITS } from '../../../src/shared/api/plans';
import { describeEachDatabase } from '../support/databases';
import { codeOf, IDS, planWorld, type PlanWorld } from './world';

describeEachDatabase('the follow-up overview and due list', (dialect) => {
  let world: PlanWorld;
  let heimly: Plan;
  beforeAll(async () => {
    world = await planWorld(dialect);
    const { as } = world;
    heimly = (await as.heimly.post('/plans', { roundId: IDS.laterRound, unitId: IDS.heimly })).json<Plan>();
    const url = `/plans/${heimly.id}`;
    for (const [factorId, kind] of [
      ['mestringsklima', 'keep'],
      ['rolleklarhet', 'improve'],
    ] as const) {
      const focus = (await as.heimly.post(`${url}/focus-factors`, { factorId, kind, why: '' }))
        .json<Plan>()
        .focusFactors.find((f) => f.factorId === factorId)!;
      await as.heimly.post(`${url}/focus-factors/${focus.id}/goals`, { text: 'Mål', howWeKnow: '' });
      await as.heimly.post(`${url}/focus-factors/${focus.id}/measures`, {
        text: kind === 'keep' ? 'Gjort tiltak' : 'Forsinket tiltak',
        responsible: { role: 'Leder' },
        deadline: kind === 'keep' ? '2026-03-20' : '2026-03-01',
        status: kind === 'keep' ? 'done' : 'in_progress',
      });
    }
    await as.safety.post(`${url}/consultations/safetyRep/seen`);
    await as.heimly.post(`${url}/transition`, { to: 'agreed' });
    await as.heimly.patch(url, { nextReviewOn: '2026-03-01' });
    const lunden = (
      await as.lunden.post('/plans', { roundId: IDS.laterRound, unitId: IDS.lunden })
    ).json<Plan>();
    await as.lunden.post(`/plans/${lunden.id}/focus-factors`, {
      factorId: 'rolleklarhet',
      kind: 'keep',
      why: '',
    });
  });
  afterAll(() => world.env.dispose());

  it('counts the sector: agreed share, plans and measures by status, overdue, factors chosen', async () => {
    const res = await world.as.admin.get(`/plans/overview?roundId=${IDS.laterRound}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<OverviewResponse>();
    // The demo's own plan for Solbakken (in progress, three measures, one overdue) counts too.
    expect(body).toMatchObject({
      unit: { id: IDS.sector, name: 'Helse og omsorg' },
      units: 5,
      unitsWithAgreedPlan: 2,
      agreedShare: 0.4,
      plansByStatus: { draft: 1, agreed: 1, in_progress: 1, evaluated: 0, closed: 0 },
      measuresByStatus: { not_started: 1, in_progress: 2, stuck: 0, done: 2, dropped: 0 },
      overdueMeasures: 2,
      overdueReviews: 1,
    });
    expect(body.factors.filter((f) => f.keep + f.improve > 0)).toEqual([
      { factorId: 'rolleklarhet', keep: 1, improve: 2 },
      { factorId: 'mestringsklima', keep: 2, improve: 0 },
    ]);
    expect(
      body.rows.map((r) => [
        r.unitId,
        r.status,
        r.measures,
        r.measuresDone,
        r.overdueMeasures,
        r.reviewOverdue,
      ]),
    ).toEqual([
      [IDS.heimly, 'agreed', 2, 1, 1, true],
      [IDS.lunden, 'draft', 0, 0, 0, false],
      [IDS.unit, 'in_progress', 3, 1, 1, false],
      [IDS.avdeling1, null, 0, 0, 0, false],
      [IDS.department, null, 0, 0, 0, false],
    ]);
  });

  it('gives a leader the overview of their own unit only, and reps none', async () => {
    const own = await world.as.heimly.get(`/plans/overview?roundId=${IDS.laterRound}&unitId=${IDS.heimly}`);
    expect(own.json<OverviewResponse>()).toMatchObject({ units: 1, unitsWithAgreedPlan: 1, agreedShare: 1 });
    const whole = await world.as.heimly.get(`/plans/overview?roundId=${IDS.laterRound}`);
    expect([whole.statusCode, codeOf(whole)]).toEqual([403, 'FORBIDDEN_UNIT']);
    const rep = await world.as.safety.get(`/plans/overview?roundId=${IDS.laterRound}&unitId=${IDS.heimly}`);
    expect([rep.statusCode, codeOf(rep)]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it("lists what is due and overdue for the leader, overdue first, and a sector leader's drafts", async () => {
    const due = (await world.as.heimly.get('/plans/due')).json<DueListResponse>();
    expect(due.items.map((i) => [i.kind, i.text, i.dueOn, i.overdue])).toEqual([
      ['review', null, '2026-03-01', true],
      ['measure', 'Forsinket tiltak', '2026-03-01', true],
    ]);
    const sector = (await world.as.sector.get('/plans/due')).json<DueListResponse>();
    expect(sector.items.map((i) => [i.kind, i.unitId])).toEqual([
      ['measure', IDS.unit],
      ['review', IDS.heimly],
      ['measure', IDS.heimly],
      ['draft', IDS.lunden],
    ]);
  });

  it('refuses bad input with a stable code and stores nothing', async () => {
    const url = `/plans/${heimly.id}`;
    const before = await world.env.database.kysely.selectFrom('plan_measures').selectAll().execute();
    const lunden = (await world.as.lunden.get(`/plans?roundId=${IDS.laterRound}`)).json<{
      units: { plan: { id: string } | null }[];
    }>().units[0]!.plan!.id;
    const drafted = (await world.as.lunden.get(`/plans/${lunden}`)).json<Plan>().focusFactors[0]!;
    const measures = `/plans/${lunden}/focus-factors/${drafted.id}/measures`;
    const measure = { text: 'Tiltak', responsible: { role: 'Leder' }, deadline: '2026-05-01' };
    const cases: [string, Promise<{ statusCode: number; json: <T>() => T }>, number, string][] = [
      [
        'too long',
        world.as.lunden.post(measures, { ...measure, text: 'x'.repeat(PLAN_TEXT_LIMITS.measure + 1) }),
        400,
        'MALFORMED_REQUEST',
      ],
      ['blank', world.as.lunden.post(measures, { ...measure, text: '   ' }), 400, 'MALFORMED_REQUEST'],
      [
        'control character',
        world.as.lunden.post(measures, { ...measure, text: 'a\u0007b' }),
        400,
        'INVALID_TEXT',
      ],
      [
        'not a date',
        world.as.lunden.post(measures, { ...measure, deadline: '1. mai' }),
        400,
        'MALFORMED_REQUEST',
      ],
      [
        'no such day',
        world.as.lunden.post(measures, { ...measure, deadline: '2026-02-30' }),
        400,
        'INVALID_DATE',
      ],
      [
        'unknown status',
        world.as.lunden.post(measures, { ...measure, status: 'maybe' }),
        400,
        'MALFORMED_REQUEST',
      ],
      [
        'two responsibles',
        world.as.lunden.post(measures, {
          ...measure,
          responsible: { role: 'A', accountId: 'p-leader-lunden' },
        }),
        400,
        'MALFORMED_REQUEST',
      ],
      [
        'unknown factor',
        world.as.lunden.post(`/plans/${lunden}/focus-factors`, { factorId: 'lykke', kind: 'keep', why: '' }),
        400,
        'MALFORMED_REQUEST',
      ],
      [
        'unknown kind',
        world.as.lunden.post(`/plans/${lunden}/focus-factors`, {
          factorId: 'autonomi',
          kind: 'maybe',
          why: '',
        }),
        400,
        'MALFORMED_REQUEST',
      ],
      [
        'interval out of range',
        world.as.heimly.patch(url, { reviewIntervalMonths: 13 }),
        400,
        'MALFORMED_REQUEST',
      ],
      ['interval zero', world.as.heimly.patch(url, { reviewIntervalMonths: 0 }), 400, 'MALFORMED_REQUEST'],
      [
        'unknown status to move to',
        world.as.heimly.post(`${url}/transition`, { to: 'done' }),
        400,
        'MALFORMED_REQUEST',
      ],
      [
        'unknown party',
        world.as.heimly.put(`${url}/consultations/boss`, { consultedOn: null }),
        400,
        'MALFORMED_REQUEST',
      ],
      [
        'review in the future',
        world.as.heimly.post(`${url}/reviews`, { heldOn: '2026-12-01', summary: 'Ja', items: [] }),
        400,
        'INVALID_DATE',
      ],
      [
        'measure of another plan',
        world.as.heimly.patch(`${url}/measures/${before[0]?.id ?? 'x'}x`, { notes: '' }),
        404,
        'NOT_FOUND',
      ],
      [
        'focus factor of another plan',
        world.as.heimly.post(`${url}/focus-factors/${drafted.id}/measures`, measure),
        404,
        'NOT_FOUND',
      ],
      ['no such plan', world.as.heimly.get('/plans/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND'],
      [
        'unpublished round',
        world.as.heimly.post('/plans', { roundId: IDS.round, unitId: IDS.heimly }),
        409,
        'REPORT_NOT_AVAILABLE',
      ],
    ];
    for (const [what, sent, status, code] of cases) {
      const res = await sent;
      expect([res.statusCode, res.json<{ error?: { code: string } }>().error?.code], what).toEqual([
        status,
        code,
      ]);
    }
    expect(await world.env.database.kysely.selectFrom('plan_measures').selectAll().execute()).toEqual(before);
  });
});
