// Survey rounds for the admin: create, edit, move through draft → open → closed → published, and
// follow the response rate per unit (admin: every unit; leader: their own units). The rules are in
// ../rounds/; this file validates, authorizes and calls them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  AdminRoundSchema,
  CreateRoundRequestSchema,
  IdParamsSchema,
  RoundListResponseSchema,
  RoundProgressResponseSchema,
  UpdateRoundRequestSchema,
  type AdminRound,
  type RoundListResponse,
  type RoundProgressResponse,
} from '../../shared/api/organisation';
import { osloDate } from '../../shared/dates';
import { unitsInScope } from '../auth/scope';
import type { Database } from '../db/database';
import {
  createRound,
  editRound,
  loadRound,
  toAdminRound,
  transitionRound,
  visibleRounds,
} from '../rounds/admin-rounds';
import { releaseRound } from '../release/release-round';
import { TRANSITIONS } from '../rounds/lifecycle';
import { leaderProgressScope, roundProgress } from '../rounds/progress';
import { isAdmin } from '../auth/policy';
import { staffOf } from './staff-request';
import { audit, bodyField, fixed, fromReply, param } from '../audit/specs';

export const roundAdminRoutes: FastifyPluginAsyncTypebox<{
  database: Database;
  now: () => Date;
  sealKey: Uint8Array;
}> = (app, { database, now, sealKey }) => {
  const db = database.kysely;

  app.get(
    STAFF_PATHS.rounds,
    {
      config: { access: { allow: ['admin', 'leader'] } },
      schema: { response: { 200: RoundListResponseSchema } },
    },
    async (request): Promise<RoundListResponse> => {
      const staff = staffOf(request);
      // A leader sees the rounds that reach at least one of their units.
      const scope = isAdmin(staff) ? undefined : await unitsInScope(db, staff, ['leader']);
      return { rounds: await visibleRounds(db, staff.municipalityId, scope) };
    },
  );

  app.post(
    STAFF_PATHS.rounds,
    {
      config: {
        access: { allow: ['admin'] },
        audit: audit('round.create', { unit: bodyField('unitId'), round: fromReply('id') }),
      },
      schema: { body: CreateRoundRequestSchema, response: { 201: AdminRoundSchema } },
    },
    async (request, reply): Promise<AdminRound> => {
      const { municipalityId } = staffOf(request);
      const round = await createRound(db, municipalityId, request.body, osloDate(now()));
      reply.code(201);
      return round;
    },
  );

  app.patch(
    STAFF_PATHS.round,
    {
      config: { access: { allow: ['admin'] }, audit: audit('round.update', { round: param('id') }) },
      schema: { params: IdParamsSchema, body: UpdateRoundRequestSchema, response: { 200: AdminRoundSchema } },
    },
    async (request): Promise<AdminRound> => {
      const { municipalityId } = staffOf(request);
      return editRound(db, municipalityId, request.params.id, request.body, osloDate(now()));
    },
  );

  for (const transition of TRANSITIONS) {
    app.post(
      // One route per transition, so an unknown one is a 404 like any other unknown path.
      STAFF_PATHS.roundTransition.replace(':transition', transition),
      {
        config: {
          access: { allow: ['admin'] },
          audit: audit('round.transition', { round: param('id'), detail: fixed(transition) }),
        },
        schema: { params: IdParamsSchema, response: { 200: AdminRoundSchema } },
      },
      async (request): Promise<AdminRound> => {
        const { municipalityId } = staffOf(request);
        const round = await transitionRound(
          db,
          municipalityId,
          request.params.id,
          transition,
          osloDate(now()),
        );
        // A published round takes no more answers (the ingest checks again under the release's
        // lock), so its sealed ones are released now, all of them (../release/). Should this fail,
        // the first report request or the scheduler releases them before anything is read.
        if (transition === 'publish') await releaseRound(database, sealKey, round.id);
        return round;
      },
    );
  }

  app.get(
    STAFF_PATHS.roundProgress,
    {
      config: { access: { allow: ['admin', 'leader'] } },
      schema: { params: IdParamsSchema, response: { 200: RoundProgressResponseSchema } },
    },
    async (request): Promise<RoundProgressResponse> => {
      const staff = staffOf(request);
      const round = await loadRound(db, staff.municipalityId, request.params.id);
      const scope = isAdmin(staff) ? undefined : await leaderProgressScope(db, staff, round);
      return { round: toAdminRound(round), ...(await roundProgress(db, round, scope)) };
    },
  );
  return Promise.resolve();
};
