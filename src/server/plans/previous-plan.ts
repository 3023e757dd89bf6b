// The unit's plan from the previous round, beside the new round's figures: what the next report
// shows for each earlier focus factor (the figure then, the figure now, the measures carried out)
// and what "start from previous" offers to continue or change. The new figure is the new round's
// basis report's, and only once that report is available to the caller.
import type { Kysely } from 'kysely';
import type { PreviousPlanResponse } from '../../shared/api/plans';
import type { FactorId } from '../../shared/factors';
import { notFound } from '../api-error';
import { isAdmin, type StaffPrincipal } from '../auth/policy';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import { loadContents, plansOfUnit, type PlanRow } from '../repositories/plans';
import { findRound, findRounds, type RoundRecord } from '../repositories/rounds';
import { isReportAvailable } from '../reports/access';
import { planBasis } from './basis';

/** The unit's plan in the latest round of the municipality that opened before `round`. */
export async function previousPlanOf(
  db: Kysely<DB>,
  round: Pick<RoundRecord, 'id' | 'municipalityId' | 'opensOn'>,
  unitId: string,
): Promise<PlanRow | undefined> {
  const plans = (await plansOfUnit(db, unitId)).filter(
    (p) => p.round_id !== round.id && p.municipality_id === round.municipalityId,
  );
  const rounds = await findRounds(
    db,
    plans.map((p) => p.round_id),
  );
  const earlier = plans
    .map((plan) => ({ plan, round: rounds.get(plan.round_id)! }))
    .filter((p) => p.round && p.round.opensOn < round.opensOn)
    .sort((a, b) => (a.round.opensOn < b.round.opensOn ? 1 : a.round.opensOn > b.round.opensOn ? -1 : 0));
  return earlier[0]?.plan;
}

export async function previousPlanFor(
  database: Database,
  staff: StaffPrincipal,
  query: { roundId: string; unitId: string },
  today: string,
): Promise<PreviousPlanResponse> {
  const db = database.kysely;
  const round = await findRound(db, staff.municipalityId, query.roundId);
  if (!round) throw notFound('No such round');
  const previous = await previousPlanOf(db, round, query.unitId);
  if (!previous) return { previous: null };
  const content = (await loadContents(db, [previous.id])).get(previous.id)!;
  const previousRound = (await findRounds(db, [previous.round_id])).get(previous.round_id)!;
  const basis = isReportAvailable(round, isAdmin(staff), today)
    ? await planBasis(database, round, query.unitId)
    : undefined;
  return {
    previous: {
      planId: previous.id,
      roundId: previous.round_id,
      roundName: previousRound.name,
      status: previous.status,
      focusFactors: content.focus.map((f) => {
        const measures = content.measures.filter((m) => m.focus_factor_id === f.id);
        return {
          id: f.id,
          factorId: f.factor_id as FactorId,
          kind: f.kind,
          why: f.why,
          earlierFigure: f.figure,
          newFigure: basis?.figures[f.factor_id as FactorId] ?? null,
          goals: content.goals
            .filter((g) => g.focus_factor_id === f.id)
            .map((g) => ({ text: g.text, howWeKnow: g.how_we_know })),
          measuresDone: measures
            .filter((m) => m.status === 'done')
            .map((m) => ({ text: m.text, deadline: m.deadline })),
          measuresTotal: measures.length,
        };
      }),
    },
  };
}
