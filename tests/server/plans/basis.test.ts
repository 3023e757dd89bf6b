// The small-unit rule and the figure rule, against the real reports of the demo rounds: a unit with
// its own report records its own figure; Lunden, hidden in the later round (4 answers), plans on the
// nearest ancestor with a report and says so, with that report's figure; the figure is the
// report's, to the decimal, and a client can never send one. Then the next round: the previous
// plan with the figure then and now and the measures done, and "continue" / "change" carry-over.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Plan, PreviousPlanResponse } from '../../../src/shared/api/plans';
import type { UnitReportResponse } from '../../../src/shared/api/reports';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default-v1';
import { insertRound } from '../../../src/server/repositories/rounds';
import { describeEachDatabase } from '../support/databases';
import { round } from '../support/fixtures';
import { codeOf, IDS, planWorld, type PlanWorld } from './world';

describeEachDatabase('what a follow-up plan stands on', (dialect) => {
  let world: PlanWorld;
  beforeAll(async () => {
    world = await planWorld(dialect);
  });
  afterAll(() => world.env.dispose());

  const report = async (roundId: string, unitId: string) =>
    (await world.as.admin.get(`/reports/rounds/${roundId}/units/${unitId}`)).json<UnitReportResponse>();
  const figureIn = (r: UnitReportResponse, factorId: string) =>
    r.factors.find((f) => f.factorId === factorId)?.unit?.average ?? null;

  async function planWith(roundId: string, unitId: string, factorId: string, body: object = {}) {
    const created = await world.as.lunden.post('/plans', { roundId, unitId, ...body });
    expect(created.statusCode).toBe(201);
    const plan = created.json<Plan>();
    if (plan.focusFactors.length > 0) return plan;
    const res = await world.as.lunden.post(`/plans/${plan.id}/focus-factors`, {
      factorId,
      kind: 'improve',
      why: 'Valgt på møtet.',
    });
    expect(res.statusCode).toBe(201);
    return res.json<Plan>();
  }

  it('plans on its own report when it has one, with its own figure', async () => {
    const own = await report(IDS.earlierRound, IDS.lunden);
    expect(own.suppressed).toBe(false);
    const plan = await planWith(IDS.earlierRound, IDS.lunden, 'rolleklarhet');
    expect(plan.basedOnUnitId).toBeNull();
    expect(plan.focusFactors[0]!.figure).toBe(figureIn(own, 'rolleklarhet'));
    expect(plan.focusFactors[0]!.figure).not.toBeNull();
  });

  it("plans a hidden unit on the nearest ancestor's report, and says so", async () => {
    const own = await report(IDS.laterRound, IDS.lunden);
    expect(own.suppressed).toBe(true);
    const sector = await report(IDS.laterRound, IDS.sector);
    expect(sector.suppressed).toBe(false);
    const list = await world.as.lunden.get(`/plans?roundId=${IDS.laterRound}`);
    expect(list.json<{ units: { basedOnUnitId: string | null }[] }>().units[0]!.basedOnUnitId).toBe(
      IDS.sector,
    );
    const plan = await planWith(IDS.laterRound, IDS.lunden, 'mestringsklima', {});
    expect(plan).toMatchObject({ basedOnUnitId: IDS.sector, basedOnUnitName: 'Helse og omsorg' });
    expect(plan.focusFactors[0]!.figure).toBe(figureIn(sector, 'mestringsklima'));
  });

  it('records no figure at all when no report above the unit shows one', async () => {
    await insertRound(world.env.database.kysely, {
      ...round('p-round-empty', {}),
      municipalityId: IDS.municipality,
      unitId: IDS.lunden,
      status: 'published',
      questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
      opensOn: '2026-01-05',
      closesOn: '2026-01-20',
    });
    expect((await report('p-round-empty', IDS.lunden)).suppressed).toBe(true);
    const plan = await planWith('p-round-empty', IDS.lunden, 'autonomi');
    // The round's own unit is Lunden: nothing above it to plan on, and nothing shown.
    expect(plan.basedOnUnitId).toBeNull();
    expect(plan.focusFactors[0]!.figure).toBeNull();
  });

  it('never takes a figure from the client', async () => {
    const plans = await world.as.lunden.get(`/plans?roundId=${IDS.laterRound}`);
    const planId = plans.json<{ units: { plan: { id: string } | null }[] }>().units[0]!.plan!.id;
    const res = await world.as.lunden.post(`/plans/${planId}/focus-factors`, {
      factorId: 'autonomi',
      kind: 'keep',
      why: '',
      figure: 4.9,
    });
    expect([res.statusCode, codeOf(res)]).toEqual([400, 'MALFORMED_REQUEST']);
  });

  it("shows the previous round's plan with the figure then and now, and the measures done", async () => {
    const earlier = (await world.as.lunden.get(`/plans?roundId=${IDS.earlierRound}`)).json<{
      units: { plan: { id: string } | null }[];
    }>().units[0]!.plan!.id;
    const previousPlan = (await world.as.lunden.get(`/plans/${earlier}`)).json<Plan>();
    const focus = previousPlan.focusFactors[0]!;
    const measures = `/plans/${earlier}/focus-factors/${focus.id}/measures`;
    await world.as.lunden.post(`/plans/${earlier}/focus-factors/${focus.id}/goals`, {
      text: 'Klare roller',
      howWeKnow: '',
    });
    await world.as.lunden.post(measures, {
      text: 'Rollekort',
      responsible: { role: 'Leder' },
      deadline: '2025-05-01',
      status: 'done',
    });
    await world.as.lunden.post(measures, {
      text: 'Vaktbok',
      responsible: { role: 'Sekretær' },
      deadline: '2025-06-01',
    });

    const res = await world.as.lunden.get(`/plans/previous?roundId=${IDS.laterRound}&unitId=${IDS.lunden}`);
    expect(res.statusCode).toBe(200);
    const sector = await report(IDS.laterRound, IDS.sector);
    expect(res.json<PreviousPlanResponse>().previous).toEqual({
      planId: earlier,
      roundId: IDS.earlierRound,
      roundName: previousPlan.roundName,
      status: 'draft',
      focusFactors: [
        {
          id: focus.id,
          factorId: 'rolleklarhet',
          kind: 'improve',
          why: 'Valgt på møtet.',
          earlierFigure: focus.figure,
          newFigure: figureIn(sector, 'rolleklarhet'),
          goals: [{ text: 'Klare roller', howWeKnow: '' }],
          measuresDone: [{ text: 'Rollekort', deadline: '2025-05-01' }],
          measuresTotal: 2,
        },
      ],
    });
    const none = await world.as.lunden.get(
      `/plans/previous?roundId=${IDS.earlierRound}&unitId=${IDS.lunden}`,
    );
    expect(none.json<PreviousPlanResponse>()).toEqual({ previous: null });
  });

  it('starts a new plan from the previous one: continue keeps goals and open measures, figures are new', async () => {
    const previous = (
      await world.as.lunden.get(`/plans/previous?roundId=${IDS.laterRound}&unitId=${IDS.lunden}`)
    ).json<PreviousPlanResponse>().previous!;
    // The later round already has Lunden's plan from above; a department of Solbakken has none
    // before, so carry-over is tried on a unit without a previous plan: refused.
    const foreign = await world.as.solbakken.post('/plans', {
      roundId: IDS.laterRound,
      unitId: IDS.department,
      carryOver: [{ focusFactorId: previous.focusFactors[0]!.id, choice: 'continue' }],
    });
    expect([foreign.statusCode, codeOf(foreign)]).toEqual([400, 'INVALID_REFERENCE']);

    const later = (await world.as.lunden.get(`/plans?roundId=${IDS.laterRound}`)).json<{
      units: { plan: { id: string } | null }[];
    }>().units[0]!.plan!.id;
    await world.env.database.kysely.deleteFrom('plan_focus_factors').where('plan_id', '=', later).execute();
    await world.env.database.kysely.deleteFrom('plans').where('id', '=', later).execute();
    const res = await world.as.lunden.post('/plans', {
      roundId: IDS.laterRound,
      unitId: IDS.lunden,
      carryOver: [{ focusFactorId: previous.focusFactors[0]!.id, choice: 'continue' }],
    });
    expect(res.statusCode).toBe(201);
    const plan = res.json<Plan>();
    const sector = await report(IDS.laterRound, IDS.sector);
    expect(plan.focusFactors).toEqual([
      {
        id: plan.focusFactors[0]!.id,
        factorId: 'rolleklarhet',
        kind: 'improve',
        why: 'Valgt på møtet.',
        figure: figureIn(sector, 'rolleklarhet'),
        carriedFrom: { focusFactorId: previous.focusFactors[0]!.id, choice: 'continue' },
        goals: [{ id: plan.focusFactors[0]!.goals[0]!.id, text: 'Klare roller', howWeKnow: '' }],
        measures: [expect.objectContaining({ text: 'Vaktbok', status: 'not_started', overdue: true })],
      },
    ]);
  });
});
