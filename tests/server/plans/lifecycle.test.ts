// A plan from draft to closed through the API, on both databases: what agreeing needs (focus
// factors, goals, measures, the safety rep consulted), the reps' "seen", the edit rules of each
// state, the quarterly review (drop sets the measure's status, the next review date follows the
// interval, an agreed plan goes in progress) and the transitions that are refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Plan } from '../../../src/shared/api/plans';
import { describeEachDatabase } from '../support/databases';
import { codeOf, IDS, planWorld, type PlanWorld } from './world';

describeEachDatabase('the follow-up plan lifecycle', (dialect) => {
  let world: PlanWorld;
  let plan: Plan;
  beforeAll(async () => {
    world = await planWorld(dialect);
  });
  afterAll(() => world.env.dispose());

  const url = (suffix = '') => `/plans/${plan.id}${suffix}`;

  it('makes a draft for the unit and round, once', async () => {
    const res = await world.as.heimly.post('/plans', { roundId: IDS.laterRound, unitId: IDS.heimly });
    expect(res.statusCode).toBe(201);
    plan = res.json<Plan>();
    expect(plan).toMatchObject({
      status: 'draft',
      unitId: IDS.heimly,
      unitName: 'Heimly hjemmetjeneste',
      basedOnUnitId: null,
      reviewIntervalMonths: 3,
      nextReviewOn: null,
      focusFactorCount: 2,
      focusFactors: [],
      can: { edit: true, markSeen: [] },
      readiness: { missing: ['focus_factor', 'goal', 'measure', 'safety_rep'] },
    });
    const again = await world.as.heimly.post('/plans', { roundId: IDS.laterRound, unitId: IDS.heimly });
    expect([again.statusCode, codeOf(again)]).toEqual([409, 'PLAN_EXISTS']);
  });

  it('is not agreed before it is ready, and says what is missing', async () => {
    const res = await world.as.heimly.post(url('/transition'), { to: 'agreed' });
    expect([res.statusCode, codeOf(res)]).toEqual([409, 'PLAN_NOT_READY']);
  });

  it('takes two focus factors with goals and measures, and no third at the default setting', async () => {
    const keep = await world.as.heimly.post(url('/focus-factors'), {
      factorId: 'mestringsklima',
      kind: 'keep',
      why: 'Vi hjelper hverandre, det vil vi holde på.',
    });
    expect(keep.statusCode).toBe(201);
    const improve = await world.as.heimly.post(url('/focus-factors'), {
      factorId: 'rolleklarhet',
      kind: 'improve',
      why: 'Uklart hvem som gjør hva på kveldsvakter.',
    });
    expect(improve.statusCode).toBe(201);
    const third = await world.as.heimly.post(url('/focus-factors'), {
      factorId: 'autonomi',
      kind: 'improve',
      why: '',
    });
    expect([third.statusCode, codeOf(third)]).toEqual([409, 'TOO_MANY_FOCUS_FACTORS']);
    const twice = await world.as.heimly.post(url('/focus-factors'), {
      factorId: 'rolleklarhet',
      kind: 'keep',
      why: '',
    });
    expect([twice.statusCode, codeOf(twice)]).toEqual([409, 'FOCUS_FACTOR_TAKEN']);
    plan = improve.json<Plan>();
    for (const focus of plan.focusFactors) {
      const goal = await world.as.heimly.post(url(`/focus-factors/${focus.id}/goals`), {
        text: 'Alle vet hva de har ansvar for.',
        howWeKnow: 'Spørsmålet om ansvar på personalmøtet får ja fra alle.',
      });
      expect(goal.statusCode).toBe(201);
      const measure = await world.as.heimly.post(url(`/focus-factors/${focus.id}/measures`), {
        text: 'Oppgaveliste på vaktrommet',
        responsible: { role: 'Ordstyrer for personalmøtet' },
        deadline: '2026-05-01',
      });
      expect(measure.statusCode).toBe(201);
      plan = measure.json<Plan>();
    }
    expect(plan.focusFactors.map((f) => [f.factorId, f.kind, f.goals.length, f.measures.length])).toEqual([
      ['mestringsklima', 'keep', 1, 1],
      ['rolleklarhet', 'improve', 1, 1],
    ]);
    expect(plan.readiness.missing).toEqual(['safety_rep']);
  });

  it('lets the safety rep mark it seen, which counts as consulted, and the union rep only its own', async () => {
    const wrong = await world.as.safety.post(url('/consultations/unionRep/seen'));
    expect([wrong.statusCode, codeOf(wrong)]).toEqual([403, 'FORBIDDEN_ROLE']);
    const seen = await world.as.safety.post(url('/consultations/safetyRep/seen'));
    expect(seen.statusCode).toBe(200);
    const body = seen.json<Plan>();
    expect(body.consultations.safetyRep).toEqual({
      consultedOn: '2026-03-10',
      seenBy: { accountId: 'p-safety-heimly', displayName: 'Navn p-safety-heimly' },
      seenOn: '2026-03-10',
    });
    expect(body.can).toEqual({ edit: false, markSeen: ['safetyRep'] });
    const union = await world.as.heimly.put(url('/consultations/unionRep'), { consultedOn: '2026-03-09' });
    expect(union.json<Plan>().consultations.unionRep.consultedOn).toBe('2026-03-09');
    const future = await world.as.heimly.put(url('/consultations/unionRep'), { consultedOn: '2026-04-01' });
    expect([future.statusCode, codeOf(future)]).toEqual([400, 'INVALID_DATE']);
  });

  it('is agreed by the leader, with the first review three months on', async () => {
    const res = await world.as.heimly.post(url('/transition'), { to: 'agreed' });
    expect(res.statusCode).toBe(200);
    plan = res.json<Plan>();
    expect(plan).toMatchObject({
      status: 'agreed',
      agreedOn: '2026-03-10',
      agreedBy: { accountId: 'p-leader-heimly' },
      nextReviewOn: '2026-06-10',
      readiness: { missing: [] },
    });
  });

  it('keeps focus factors and goals as agreed, while measures go on', async () => {
    const [focus] = plan.focusFactors;
    const locked = await world.as.heimly.patch(url(`/focus-factors/${focus!.id}`), { why: 'Annet' });
    expect([locked.statusCode, codeOf(locked)]).toEqual([409, 'PLAN_LOCKED']);
    const goal = await world.as.heimly.post(url(`/focus-factors/${focus!.id}/goals`), {
      text: 'Mer',
      howWeKnow: '',
    });
    expect([goal.statusCode, codeOf(goal)]).toEqual([409, 'PLAN_LOCKED']);
    const measure = focus!.measures[0]!;
    const gone = await world.as.heimly.delete(url(`/measures/${measure.id}`));
    expect([gone.statusCode, codeOf(gone)]).toEqual([409, 'PLAN_LOCKED']);
    const status = await world.as.heimly.patch(url(`/measures/${measure.id}`), {
      status: 'in_progress',
      notes: 'Listen henger oppe.',
    });
    expect(status.statusCode).toBe(200);
    expect(status.json<Plan>().focusFactors[0]!.measures[0]).toMatchObject({
      status: 'in_progress',
      notes: 'Listen henger oppe.',
      overdue: false,
    });
  });

  it('records a review: a decision on every open measure, drop sets the status, and the plan goes in progress', async () => {
    const [a, b] = plan.focusFactors.map((f) => f.measures[0]!);
    const partial = await world.as.heimly.post(url('/reviews'), {
      heldOn: '2026-03-10',
      summary: 'Første gjennomgang.',
      items: [{ measureId: a!.id, decision: 'keep' }],
    });
    expect([partial.statusCode, codeOf(partial)]).toEqual([400, 'INVALID_REFERENCE']);
    const res = await world.as.heimly.post(url('/reviews'), {
      heldOn: '2026-03-10',
      summary: 'Listen virker; den andre ga vi opp.',
      items: [
        { measureId: a!.id, decision: 'keep' },
        { measureId: b!.id, decision: 'drop' },
      ],
    });
    expect(res.statusCode).toBe(201);
    plan = res.json<Plan>();
    expect(plan.status).toBe('in_progress');
    expect(plan.nextReviewOn).toBe('2026-06-10');
    expect(plan.focusFactors[1]!.measures[0]!.status).toBe('dropped');
    expect(plan.reviews).toEqual([
      {
        id: plan.reviews[0]!.id,
        heldOn: '2026-03-10',
        summary: 'Listen virker; den andre ga vi opp.',
        items: [
          { measureId: a!.id, decision: 'keep' },
          { measureId: b!.id, decision: 'drop' },
        ],
        recordedBy: { accountId: 'p-leader-heimly', displayName: 'Navn p-leader-heimly' },
      },
    ]);
  });

  it('refuses to go back to draft after a review, and moves on to evaluated and closed', async () => {
    const back = await world.as.heimly.post(url('/transition'), { to: 'draft' });
    expect([back.statusCode, codeOf(back)]).toEqual([409, 'PLAN_INVALID_TRANSITION']);
    const skip = await world.as.heimly.post(url('/transition'), { to: 'closed' });
    expect([skip.statusCode, codeOf(skip)]).toEqual([409, 'PLAN_INVALID_TRANSITION']);
    expect((await world.as.heimly.post(url('/transition'), { to: 'evaluated' })).statusCode).toBe(200);
    const measure = plan.focusFactors[0]!.measures[0]!;
    const late = await world.as.heimly.patch(url(`/measures/${measure.id}`), { status: 'done' });
    expect([late.statusCode, codeOf(late)]).toEqual([409, 'PLAN_LOCKED']);
    const closed = await world.as.heimly.post(url('/transition'), { to: 'closed' });
    expect(closed.json<Plan>().status).toBe('closed');
  });
});
