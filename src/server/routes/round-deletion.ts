// Deleting a round for good (issue 15), admin only: GET the preview of what goes, then DELETE with
// the round's name as confirmation. The rules are in ../rounds/delete-round.ts; the audit entry is
// written there, in the deleting transaction.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema } from '../../shared/api/organisation';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  DeleteRoundRequestSchema,
  DeleteRoundResponseSchema,
  RoundDeletionPreviewSchema,
  type RoundDeletionPreview,
} from '../../shared/api/retention';
import type { Database } from '../db/database';
import { deleteRoundForGood, roundDeletionPreview } from '../rounds/delete-round';
import { staffOf } from './staff-request';

export const roundDeletionRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = (
  app,
  { database, now },
) => {
  app.get(
    STAFF_PATHS.roundDeletion,
    {
      config: { access: { allow: ['admin'] } },
      schema: { params: IdParamsSchema, response: { 200: RoundDeletionPreviewSchema } },
    },
    async (request): Promise<RoundDeletionPreview> =>
      roundDeletionPreview(database.kysely, staffOf(request).municipalityId, request.params.id),
  );

  app.delete(
    STAFF_PATHS.round,
    {
      config: { access: { allow: ['admin'] } },
      schema: {
        params: IdParamsSchema,
        body: DeleteRoundRequestSchema,
        response: { 200: DeleteRoundResponseSchema },
      },
    },
    async (request): Promise<RoundDeletionPreview> => {
      const { userId, municipalityId } = staffOf(request);
      return deleteRoundForGood(
        database,
        { userId, municipalityId },
        request.params.id,
        request.body.confirmName,
        now(),
      );
    },
  );
  return Promise.resolve();
};
