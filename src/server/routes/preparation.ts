// The round's progress plan (issue 12): every staff role reads the plans of the rounds that reach
// their units; the admin dates the phases. The rules are in ../rounds/preparation.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema } from '../../shared/api/organisation';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  PreparationListResponseSchema,
  PreparationPlanSchema,
  UpdatePreparationRequestSchema,
  type PreparationListResponse,
  type PreparationPlan,
} from '../../shared/api/preparation';
import type { StaffRole } from '../auth/policy';
import type { Database } from '../db/database';
import { readPlan, savePlan, visiblePlans } from '../rounds/preparation';
import { staffOf } from './staff-request';
import { audit, param } from '../audit/specs';

/** Every role but the privacy officer, who reads the audit log and the settings, not the rounds' plans. */
const SURVEY_STAFF = ['admin', 'leader', 'union_rep', 'safety_rep'] as const satisfies readonly StaffRole[];

export const preparationRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = (app, { database }) => {
  const db = database.kysely;

  app.get(
    STAFF_PATHS.preparation,
    {
      config: { access: { allow: SURVEY_STAFF } },
      schema: { response: { 200: PreparationListResponseSchema } },
    },
    async (request): Promise<PreparationListResponse> => ({
      plans: await visiblePlans(db, staffOf(request)),
    }),
  );

  app.get(
    STAFF_PATHS.roundPreparation,
    {
      config: { access: { allow: SURVEY_STAFF } },
      schema: { params: IdParamsSchema, response: { 200: PreparationPlanSchema } },
    },
    async (request): Promise<PreparationPlan> => readPlan(db, staffOf(request), request.params.id),
  );

  app.put(
    STAFF_PATHS.roundPreparation,
    {
      config: { access: { allow: ['admin'] }, audit: audit('round.preparation', { round: param('id') }) },
      schema: {
        params: IdParamsSchema,
        body: UpdatePreparationRequestSchema,
        response: { 200: PreparationPlanSchema },
      },
    },
    async (request): Promise<PreparationPlan> =>
      savePlan(db, staffOf(request).municipalityId, request.params.id, request.body.phases),
  );
  return Promise.resolve();
};
