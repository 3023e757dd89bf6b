// One-time codes: leaders and the admin issue them per unit (shown once, kept only as keyed
// hashes), see how many are used, and anyone may check a code before answering — rate limited,
// because that is where guessing would happen. Bodies (and so codes) are never logged.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RESPONDENT_PATHS, STAFF_PATHS } from '../../shared/api/paths';
import {
  CodeCheckRequestSchema,
  CodeCheckResponseSchema,
  CodesSummaryResponseSchema,
  CreateCodesRequestSchema,
  CreateCodesResponseSchema,
  RoundUnitParamsSchema,
  type CodeCheckResponse,
  type CodesSummaryResponse,
  type CreateCodesResponse,
} from '../../shared/api/organisation';
import { formatCode } from '../../shared/codes';
import { osloDate } from '../../shared/dates';
import { ApiError } from '../api-error';
import { checkCode } from '../codes/check-code';
import { codeAttempts } from '../codes/code-attempts';
import type { CodeHasher } from '../codes/code-hasher';
import { issueCodes, nodeRandomBytes } from '../codes/issue-codes';
import type { Database } from '../db/database';
import { codesSummary } from '../repositories/codes';
import { roundForUnit } from '../rounds/round-unit';
import { unitFromPath } from './round-unit';
import { staffOf } from './staff-request';
import { audit, bodyField, param } from '../audit/specs';

export const codeRoutes: FastifyPluginAsyncTypebox<{
  database: Database;
  now: () => Date;
  hasher: CodeHasher;
}> = (app, { database, now, hasher }) => {
  const db = database.kysely;
  const attempts = codeAttempts(db, hasher, now);

  app.post(
    STAFF_PATHS.codes,
    {
      config: {
        access: { allow: ['admin', 'leader'], unit: unitFromPath },
        // How many, never which: the codes themselves stay out of the log.
        audit: audit('codes.issue', {
          unit: param('unitId'),
          round: param('roundId'),
          detail: bodyField('count'),
        }),
      },
      schema: {
        params: RoundUnitParamsSchema,
        body: CreateCodesRequestSchema,
        response: { 201: CreateCodesResponseSchema },
      },
    },
    async (request, reply): Promise<CreateCodesResponse> => {
      const staff = staffOf(request);
      const round = await roundForUnit(db, staff.municipalityId, request.params, { mustTakeAnswers: true });
      const target = {
        roundId: round.id,
        unitId: request.params.unitId,
        municipalityId: staff.municipalityId,
      };
      const codes = await issueCodes(db, hasher, nodeRandomBytes, target, request.body.count);
      reply.code(201);
      // No caching anywhere: this is the only time the codes exist outside the printed slips.
      void reply.header('cache-control', 'no-store');
      return { codes: codes.map(formatCode) };
    },
  );

  app.get(
    STAFF_PATHS.codesSummary,
    {
      config: { access: { allow: ['admin', 'leader'], unit: unitFromPath } },
      schema: { params: RoundUnitParamsSchema, response: { 200: CodesSummaryResponseSchema } },
    },
    async (request): Promise<CodesSummaryResponse> => {
      const { municipalityId } = staffOf(request);
      const round = await roundForUnit(db, municipalityId, request.params, { mustTakeAnswers: false });
      return codesSummary(db, round.id, request.params.unitId);
    },
  );

  app.post(
    RESPONDENT_PATHS.codeCheck,
    {
      config: { access: { allow: 'public' } },
      schema: { body: CodeCheckRequestSchema, response: { 200: CodeCheckResponseSchema } },
    },
    async (request, reply): Promise<CodeCheckResponse> => {
      const checked = await checkCode(db, hasher, attempts, {
        code: request.body.code,
        today: osloDate(now()),
        address: request.ip,
      });
      if (checked.limited) {
        void reply.header('retry-after', String(checked.retryAfterSeconds));
        throw new ApiError('RATE_LIMITED', 'Too many unknown codes tried; wait a while');
      }
      void reply.header('cache-control', 'no-store');
      return checked.answer;
    },
  );
  return Promise.resolve();
};
