// The unit of a /rounds/:roundId/units/:unitId/... route, for the access check. Whether the round
// covers the unit and still takes codes and kiosks is ../rounds/round-unit.ts.
import type { FastifyRequest } from 'fastify';

export type RoundUnitRequest = FastifyRequest<{ Params: { roundId: string; unitId: string } }>;

/** For `config.access.unit`: the unit in the path. */
export const unitFromPath = (request: FastifyRequest) => (request as RoundUnitRequest).params.unitId;
