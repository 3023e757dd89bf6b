// Owns a round's progress plan on the server: the default phases of src/shared/preparation.ts with
// the admin's dated phases laid over them, the rounds whose plans a staff member may read, and the
// admin's change (checked: each phase once, a start never after its end). SQL is in
// ../repositories/preparation.ts.
import type { Kysely } from 'kysely';
import type { PhaseChange, PreparationPlan } from '../../shared/api/preparation';
import { isIsoDate } from '../../shared/dates';
import { defaultPhases, EDITABLE_PHASES, type PreparationPhase } from '../../shared/preparation';
import { ApiError } from '../api-error';
import type { StaffPrincipal } from '../auth/policy';
import { isAdmin } from '../auth/policy';
import { unitsInScope } from '../auth/scope';
import type { DB } from '../db/schema';
import { phasesOfRounds, replacePhases, type StoredPhase } from '../repositories/preparation';
import type { StoredRound } from '../repositories/rounds';
import { loadRound, toAdminRound, visibleRounds } from './admin-rounds';

const EDITABLE = new Set<string>(EDITABLE_PHASES);

/** The round's plan: each phase's default dates unless the admin set them (never the survey's). */
export function planOf(round: StoredRound | PreparationPlan['round'], stored: readonly StoredPhase[]) {
  const set = new Map(stored.filter((p) => EDITABLE.has(p.phase)).map((p) => [p.phase, p]));
  return defaultPhases(round.opensOn, round.closesOn).map(({ phase, startsOn, endsOn }) => {
    const custom = set.get(phase);
    return custom
      ? { phase, startsOn: custom.startsOn, endsOn: custom.endsOn, note: custom.note, custom: true }
      : { phase, startsOn, endsOn, note: '', custom: false };
  });
}

/** The plans of every round that reaches one of the caller's units (admin: every round), newest first. */
export async function visiblePlans(db: Kysely<DB>, staff: StaffPrincipal): Promise<PreparationPlan[]> {
  const scope = isAdmin(staff) ? undefined : await unitsInScope(db, staff);
  const rounds = await visibleRounds(db, staff.municipalityId, scope);
  const stored = await phasesOfRounds(
    db,
    rounds.map((r) => r.id),
  );
  return rounds.map((round) => ({ round, phases: planOf(round, stored.get(round.id) ?? []) }));
}

/** One round's plan; 404 for a round of another municipality or one that reaches none of the caller's units. */
export async function readPlan(
  db: Kysely<DB>,
  staff: StaffPrincipal,
  roundId: string,
): Promise<PreparationPlan> {
  const plan = (await visiblePlans(db, staff)).find((p) => p.round.id === roundId);
  if (!plan) throw new ApiError('NOT_FOUND', 'No such round');
  return plan;
}

function checkChanges(changes: readonly PhaseChange[]): StoredPhase[] {
  const seen = new Set<PreparationPhase>();
  return changes.map((change) => {
    if (seen.has(change.phase))
      throw new ApiError('MALFORMED_REQUEST', `The phase ${change.phase} is given twice`);
    seen.add(change.phase);
    if (!isIsoDate(change.startsOn) || !isIsoDate(change.endsOn) || change.startsOn > change.endsOn) {
      throw new ApiError('INVALID_DATE', `The phase ${change.phase} needs a real start on or before its end`);
    }
    return {
      phase: change.phase,
      startsOn: change.startsOn,
      endsOn: change.endsOn,
      note: change.note?.trim() ?? '',
    };
  });
}

/** The admin's plan for a round of their municipality: the given phases replace the set ones. */
export async function savePlan(
  db: Kysely<DB>,
  municipalityId: string,
  roundId: string,
  changes: readonly PhaseChange[],
): Promise<PreparationPlan> {
  const round = await loadRound(db, municipalityId, roundId);
  const phases = checkChanges(changes);
  await replacePhases(db, round.id, phases);
  return { round: toAdminRound(round), phases: planOf(round, phases) };
}
