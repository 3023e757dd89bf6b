// Owns the check behind every /rounds/:roundId/units/:unitId/... route: the round is the caller's
// municipality's, covers the unit (in its frozen frame once it has opened: a unit added or moved
// in below it afterwards is not part of it, UNKNOWN_UNIT), and (for codes and kiosk enrolments)
// has not ended.
import type { Kysely } from 'kysely';
import { ApiError, notFound } from '../api-error';
import type { DB } from '../db/schema';
import { roundUnitIds } from '../repositories/round-frames';
import { findRound, type StoredRound } from '../repositories/rounds';
import { takesNewCodesAndKiosks } from './lifecycle';

export async function roundForUnit(
  db: Kysely<DB>,
  municipalityId: string,
  params: { roundId: string; unitId: string },
  options: { mustTakeAnswers: boolean },
): Promise<StoredRound> {
  const round = await findRound(db, municipalityId, params.roundId);
  if (!round) throw notFound('No such round');
  if (!(await roundUnitIds(db, round)).has(params.unitId)) {
    throw new ApiError('UNKNOWN_UNIT', 'The unit is not part of this round');
  }
  if (options.mustTakeAnswers && !takesNewCodesAndKiosks(round.status)) {
    throw new ApiError('ROUND_CLOSED', `The round is ${round.status}`);
  }
  return round;
}
