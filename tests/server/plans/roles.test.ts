// Who may do what with a plan, beyond the matrix's one status per actor: a leader edits plans of
// the units their role reaches (a sector leader those below it), the unit's reps read it and mark
// only their own consultation, admin reads every plan but changes none and sets the number of
// focus factors; a leader of another unit gets nothing. The staff view names the responsible
// account; the responsible account must hold a role on the unit.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  Plan,
  PlanListResponse,
  PlanSettings,
  ResponsibleCandidatesResponse,
} from '../../../src/shared/api/plans';
import { describeEachDatabase } from '../support/databases';
import { codeOf, IDS, planWorld, type PlanWorld } from './world';

describeEachDatabase('who may do what with a follow-up plan', (dialect) => {
  let world: PlanWorld;
  let plan: Plan;
  beforeAll(async () => {
    world = await planWorld(dialect);
    const res = await world.as.heimly.post('/plans', { roundId: IDS.laterRound, unitId: IDS.heimly });
    plan = res.json<Plan>();
  });
  afterAll(() => world.env.dispose());

  it('lets the reps and admin read the plan, and a leader of another unit not', async () => {
    for (const who of ['safety', 'union', 'admin', 'sector'] as const) {
      expect((await world.as[who].get(`/plans/${plan.id}`)).statusCode).toBe(200);
    }
    const other = await world.as.lunden.get(`/plans/${plan.id}`);
    expect([other.statusCode, codeOf(other)]).toEqual([403, 'FORBIDDEN_UNIT']);
    const admin = (await world.as.admin.get(`/plans/${plan.id}`)).json<Plan>();
    expect(admin.can).toEqual({ edit: false, markSeen: [] });
  });

  it('lets no rep or admin change it, and a sector leader may', async () => {
    for (const who of ['safety', 'union', 'admin'] as const) {
      const res = await world.as[who].patch(`/plans/${plan.id}`, { reviewIntervalMonths: 4 });
      expect([res.statusCode, codeOf(res)]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    const sector = await world.as.sector.patch(`/plans/${plan.id}`, { reviewIntervalMonths: 4 });
    expect(sector.json<Plan>().reviewIntervalMonths).toBe(4);
    const lunden = await world.as.lunden.patch(`/plans/${plan.id}`, { reviewIntervalMonths: 2 });
    expect([lunden.statusCode, codeOf(lunden)]).toEqual([403, 'FORBIDDEN_UNIT']);
  });

  it('lets the union rep mark only the union consultation', async () => {
    const wrong = await world.as.union.post(`/plans/${plan.id}/consultations/safetyRep/seen`);
    expect([wrong.statusCode, codeOf(wrong)]).toEqual([403, 'FORBIDDEN_ROLE']);
    const seen = await world.as.union.post(`/plans/${plan.id}/consultations/unionRep/seen`);
    expect(seen.json<Plan>().consultations.unionRep.seenBy?.accountId).toBe('p-union-heimly');
    const leader = await world.as.heimly.post(`/plans/${plan.id}/consultations/unionRep/seen`);
    expect([leader.statusCode, codeOf(leader)]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('lists the plan for the unit to its people, and not to a leader elsewhere', async () => {
    const list = (await world.as.safety.get(`/plans?roundId=${IDS.laterRound}`)).json<PlanListResponse>();
    expect(list.units.map((u) => [u.unitId, u.plan?.id ?? null])).toEqual([[IDS.heimly, plan.id]]);
    const lunden = (await world.as.lunden.get('/plans')).json<PlanListResponse>();
    expect(lunden.roundId).toBe(IDS.laterRound);
    expect(lunden.units.map((u) => u.unitId)).toEqual([IDS.lunden]);
  });

  it('names accounts with a role on the unit as candidates, and refuses any other as responsible', async () => {
    const candidates = (
      await world.as.heimly.get(`/plans/${plan.id}/responsible-candidates`)
    ).json<ResponsibleCandidatesResponse>();
    expect(candidates.accounts.map((a) => [a.accountId, a.roles])).toEqual([
      ['p-leader-heimly', ['leader']],
      ['p-leader-sector', ['leader']],
      ['p-safety-heimly', ['safety_rep']],
      ['p-union-heimly', ['union_rep']],
    ]);
    const focus = (
      await world.as.heimly.post(`/plans/${plan.id}/focus-factors`, {
        factorId: 'autonomi',
        kind: 'keep',
        why: '',
      })
    ).json<Plan>().focusFactors[0]!;
    const measures = `/plans/${plan.id}/focus-factors/${focus.id}/measures`;
    const base = { text: 'Felles planleggingsdag', deadline: '2026-06-01' };
    const foreign = await world.as.heimly.post(measures, {
      ...base,
      responsible: { accountId: 'p-leader-lunden' },
    });
    expect([foreign.statusCode, codeOf(foreign)]).toEqual([400, 'INVALID_REFERENCE']);
    const ok = await world.as.heimly.post(measures, {
      ...base,
      responsible: { accountId: 'p-safety-heimly' },
    });
    expect(ok.json<Plan>().focusFactors[0]!.measures[0]!.responsible).toEqual({
      kind: 'account',
      accountId: 'p-safety-heimly',
      displayName: 'Navn p-safety-heimly',
    });
  });

  it('lets admin alone set the number of focus factors, 1 to 3', async () => {
    expect((await world.as.heimly.get('/plans/settings')).json<PlanSettings>()).toEqual({
      focusFactorCount: 2,
    });
    const leader = await world.as.heimly.put('/plans/settings', { focusFactorCount: 3 });
    expect([leader.statusCode, codeOf(leader)]).toEqual([403, 'FORBIDDEN_ROLE']);
    const high = await world.as.admin.put('/plans/settings', { focusFactorCount: 4 });
    expect([high.statusCode, codeOf(high)]).toEqual([400, 'MALFORMED_REQUEST']);
    const ok = await world.as.admin.put('/plans/settings', { focusFactorCount: 3 });
    expect(ok.json<PlanSettings>()).toEqual({ focusFactorCount: 3 });
    expect((await world.as.heimly.get(`/plans/${plan.id}`)).json<Plan>().focusFactorCount).toBe(3);
  });
});
