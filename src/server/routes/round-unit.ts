// The round and unit of a /rounds/:roundId/units/:unitId/... route, checked together: the round is
// the caller's municipality's, still takes codes and kiosks (draft or open), and covers the unit.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AdminRound } from '../../shared/api/organisation';
import { ApiError, notFound } from '../api-error';
import type { DB } from '../db/schema';
import { unitIdsUnder } from '../repositories/organisation';
import { findAdminRound } from '../repositories/rounds-admin';
import type { StaffPrincipal } from '../auth/policy';

export type RoundUnitRequest = FastifyRequest<{ Params: { roundId: string; unitId: string } }>;

/** For `config.access.unit`: the unit in the path. */
export const unitFromPath = (request: FastifyRequest) => (request as RoundUnitRequest).params.unitId;

export async function roundForUnit(
  db: Kysely<DB>,
  staff: StaffPrincipal,
  params: { roundId: string; unitId: string },
  options: { mustTakeAnswers: boolean },
): Promise<AdminRound> {
  const round = await findAdminRound(db, staff.municipalityId, params.roundId);
  if (!round) throw notFound('No such round');
  if (!(await unitIdsUnder(db, round.unitId)).has(params.unitId)) {
    throw new ApiError('UNKNOWN_UNIT', 'The unit is not part of this round');
  }
  if (options.mustTakeAnswers && (round.status === 'closed' || round.status === 'published')) {
    throw new ApiError('ROUND_CLOSED', `The round is ${round.status}`);
  }
  return round;
}
