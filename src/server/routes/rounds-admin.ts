// Survey rounds for the admin: create, edit, move through draft → open → closed → published, and
// follow the response rate per unit (admin: every unit; leader: their own units).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  AdminRoundSchema,
  CreateRoundRequestSchema,
  IdParamsSchema,
  ROUND_TRANSITIONS,
  RoundListResponseSchema,
  RoundProgressResponseSchema,
  UpdateRoundRequestSchema,
  type AdminRound,
  type RoundListResponse,
  type RoundProgressResponse,
  type RoundTransition,
  type UpdateRoundRequest,
} from '../../shared/api/organisation';
import { addDays, isIsoDate, osloDate } from '../../shared/dates';
import { DEFAULT_QUESTIONNAIRE } from '../../shared/questionnaire/default-v1';
import { ApiError, notFound } from '../api-error';
import { unitsInScope } from '../auth/scope';
import type { Database } from '../db/database';
import { findMunicipality } from '../repositories/municipalities';
import { unitIdsUnder } from '../repositories/organisation';
import { findQuestionnaire, saveQuestionnaire } from '../repositories/questionnaires';
import {
  createAdminRound,
  findAdminRound,
  listAdminRounds,
  roundProgress,
  updateAdminRound,
  type RoundChanges,
} from '../repositories/rounds-admin';
import { findUnit } from '../repositories/units';
import { isAdmin, staffOf } from './staff-request';

/** Two weeks, first and last day included. */
const DEFAULT_LENGTH_DAYS = 13;

/** What may still change in each state (see UpdateRoundRequestSchema). */
const EDITABLE: Record<AdminRound['status'], readonly (keyof UpdateRoundRequest)[] | 'all'> = {
  draft: 'all',
  open: ['name', 'closesOn', 'threshold', 'graceDays'],
  closed: ['name', 'threshold', 'graceDays'],
  published: ['name', 'threshold', 'graceDays'],
};

const invalidDate = (message: string) => new ApiError('INVALID_DATE', message);

export const roundAdminRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = (
  app,
  { database, now },
) => {
  const db = database.kysely;

  async function loadRound(municipalityId: string, id: string): Promise<AdminRound> {
    const round = await findAdminRound(db, municipalityId, id);
    if (!round) throw notFound('No such round');
    return round;
  }

  async function checkFields(municipalityId: string, fields: UpdateRoundRequest, merged: AdminRound) {
    if (fields.unitId !== undefined && !(await findUnit(db, municipalityId, fields.unitId))) {
      throw new ApiError('INVALID_REFERENCE', `No unit ${fields.unitId}`);
    }
    if (
      fields.questionnaireVersion !== undefined &&
      !(await findQuestionnaire(db, fields.questionnaireVersion))
    ) {
      throw new ApiError('INVALID_REFERENCE', `No questionnaire ${fields.questionnaireVersion}`);
    }
    for (const date of [merged.opensOn, merged.closesOn])
      if (!isIsoDate(date)) throw invalidDate(`${date} is not a date`);
    if (merged.closesOn < merged.opensOn)
      throw invalidDate('The round must close on or after the day it opens');
  }

  app.get(
    STAFF_PATHS.rounds,
    {
      config: { access: { allow: ['admin', 'leader'] } },
      schema: { response: { 200: RoundListResponseSchema } },
    },
    async (request): Promise<RoundListResponse> => {
      const staff = staffOf(request);
      const rounds = await listAdminRounds(db, staff.municipalityId);
      if (isAdmin(staff)) return { rounds };
      // A leader sees the rounds that reach at least one of their units.
      const scope = await unitsInScope(db, staff, ['leader']);
      const visible: AdminRound[] = [];
      for (const round of rounds) {
        const covered = await unitIdsUnder(db, round.unitId);
        if ([...scope].some((id) => covered.has(id))) visible.push(round);
      }
      return { rounds: visible };
    },
  );

  app.post(
    STAFF_PATHS.rounds,
    {
      config: { access: { allow: ['admin'] } },
      schema: { body: CreateRoundRequestSchema, response: { 201: AdminRoundSchema } },
    },
    async (request, reply): Promise<AdminRound> => {
      const { municipalityId } = staffOf(request);
      const body = request.body;
      const today = osloDate(now());
      const municipality = await findMunicipality(db, municipalityId);
      if (!municipality) throw notFound('No such municipality');
      if (body.questionnaireVersion === undefined) await saveQuestionnaire(db, DEFAULT_QUESTIONNAIRE);
      const opensOn = body.opensOn ?? today;
      const round = {
        municipalityId,
        name: body.name.trim(),
        unitId: body.unitId,
        opensOn,
        closesOn: body.closesOn ?? addDays(opensOn, DEFAULT_LENGTH_DAYS),
        defaultLanguage: body.defaultLanguage ?? municipality.language,
        threshold: body.threshold ?? 5,
        openQuestionEnabled: body.openQuestionEnabled ?? false,
        backgroundEnabled: body.backgroundEnabled ?? true,
        graceDays: body.graceDays ?? 7,
        questionnaireVersion: body.questionnaireVersion ?? DEFAULT_QUESTIONNAIRE.version,
        createdOn: today,
      };
      await checkFields(
        municipalityId,
        { ...body, unitId: body.unitId },
        { ...round, id: '', status: 'draft' },
      );
      reply.code(201);
      return createAdminRound(db, round);
    },
  );

  app.patch(
    STAFF_PATHS.round,
    {
      config: { access: { allow: ['admin'] } },
      schema: { params: IdParamsSchema, body: UpdateRoundRequestSchema, response: { 200: AdminRoundSchema } },
    },
    async (request): Promise<AdminRound> => {
      const { municipalityId } = staffOf(request);
      const round = await loadRound(municipalityId, request.params.id);
      const editable = EDITABLE[round.status];
      const locked = Object.keys(request.body).filter(
        (key) => editable !== 'all' && !editable.includes(key as keyof UpdateRoundRequest),
      );
      if (locked.length > 0) {
        throw new ApiError(
          'ROUND_LOCKED',
          `${locked.join(', ')} cannot change once the round is ${round.status}`,
        );
      }
      const changes: RoundChanges = {
        ...request.body,
        ...(request.body.name && { name: request.body.name.trim() }),
      };
      const merged = { ...round, ...changes };
      await checkFields(municipalityId, request.body, merged);
      if (round.status === 'open' && changes.closesOn !== undefined && changes.closesOn < osloDate(now())) {
        throw invalidDate('An open round cannot be made to close before today');
      }
      if (!(await updateAdminRound(db, round.id, round.status, changes))) {
        throw new ApiError('ROUND_LOCKED', 'The round changed meanwhile; load it again');
      }
      return loadRound(municipalityId, round.id);
    },
  );

  for (const transition of Object.keys(ROUND_TRANSITIONS) as RoundTransition[]) {
    app.post(
      // One route per transition, so an unknown one is a 404 like any other unknown path.
      STAFF_PATHS.roundTransition.replace(':transition', transition),
      {
        config: { access: { allow: ['admin'] } },
        schema: { params: IdParamsSchema, response: { 200: AdminRoundSchema } },
      },
      async (request): Promise<AdminRound> => {
        const { municipalityId } = staffOf(request);
        const round = await loadRound(municipalityId, request.params.id);
        const from = ROUND_TRANSITIONS[transition];
        const next = { open: 'open', close: 'closed', publish: 'published' } as const;
        if (round.status !== from) {
          throw new ApiError(
            'INVALID_TRANSITION',
            `Only a ${from} round can be ${next[transition]}; this one is ${round.status}`,
          );
        }
        const today = osloDate(now());
        const changes: RoundChanges = {};
        if (transition === 'open' && round.closesOn < today) {
          throw new ApiError(
            'INVALID_TRANSITION',
            `The round's period ended on ${round.closesOn}; change closesOn first`,
          );
        }
        // Closing early makes today the last day: answers made up to today (on a kiosk offline,
        // say) still sync within the grace days; later ones are refused.
        if (transition === 'close' && round.opensOn <= today && today < round.closesOn)
          changes.closesOn = today;
        if (!(await updateAdminRound(db, round.id, from, changes, next[transition]))) {
          throw new ApiError('INVALID_TRANSITION', 'The round changed meanwhile; load it again');
        }
        return loadRound(municipalityId, round.id);
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
      const round = await loadRound(staff.municipalityId, request.params.id);
      const scope = isAdmin(staff) ? undefined : await unitsInScope(db, staff, ['leader']);
      return { round, ...(await roundProgress(db, round, scope)) };
    },
  );
  return Promise.resolve();
};
