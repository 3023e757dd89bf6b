// A progress plan as the server answers it, for the preparation screens' tests: the round of the
// fake staff API with every phase at its default dates.
import type { AdminRound } from '../../../../src/shared/api/organisation';
import type { PreparationPlan } from '../../../../src/shared/api/preparation';
import { defaultPhases, type PreparationPhase } from '../../../../src/shared/preparation';
import { jsonReply, roundFixture, type StaffServer } from '../support/staff-server';

export function planFor(round: AdminRound = roundFixture()): PreparationPlan {
  return {
    round,
    phases: defaultPhases(round.opensOn, round.closesOn).map((p) => ({ ...p, note: '', custom: false })),
  };
}

/** Serves `plans` on GET /preparation and GET/PUT /rounds/:id/preparation (a PUT lays its phases over). */
export function servePlans(server: StaffServer, plans: PreparationPlan[]) {
  server.on('GET', '/preparation', () => jsonReply(200, { plans }));
  server.on('GET', '/rounds/([^/]+)/preparation', (_req, [id]) => {
    const plan = plans.find((p) => p.round.id === id);
    return plan ? jsonReply(200, plan) : undefined;
  });
  server.on('PUT', '/rounds/([^/]+)/preparation', (req, [id]) => {
    const plan = plans.find((p) => p.round.id === id);
    if (!plan) return undefined;
    const body = req.body as {
      phases: { phase: PreparationPhase; startsOn: string; endsOn: string; note?: string }[];
    };
    const fresh = planFor(plan.round);
    plan.phases = fresh.phases.map((p) => {
      const set = body.phases.find((c) => c.phase === p.phase);
      return set ? { ...p, ...set, note: set.note ?? '', custom: true } : p;
    });
    return jsonReply(200, plan);
  });
}
