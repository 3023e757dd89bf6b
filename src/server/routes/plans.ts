// Follow-up plans (issue 12): the plans list, one plan, its rhythm, consultations, transitions and
// public link, the leader's due list, the overview, the previous round's plan, the focus-factor
// setting and the public "Dette gjør vi" view. Focus factors, goals, measures and reviews are in
// ./plan-items.ts. Leaders change plans of their units; leaders and reps of the unit read them and
// a rep marks their consultation seen; admin reads every plan and the overview. The rules are in
// ../plans/; this file validates, authorizes and calls them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { RESPONDENT_PATHS, STAFF_PATHS } from '../../shared/api/paths';
import {
  ConsultationRequestSchema,
  CreatePlanRequestSchema,
  DueListResponseSchema,
  OverviewQuerySchema,
  OverviewResponseSchema,
  PlanListQuerySchema,
  PlanListResponseSchema,
  PlanParamsSchema,
  PlanPartyParamsSchema,
  PlanSchema,
  PlanSettingsSchema,
  PlanTransitionRequestSchema,
  PreviousPlanQuerySchema,
  PreviousPlanResponseSchema,
  PUBLIC_PLAN_CACHE_CONTROL,
  PublicLinkResponseSchema,
  PublicPlanParamsSchema,
  PublicPlanResponseSchema,
  ResponsibleCandidatesResponseSchema,
  UpdatePlanRequestSchema,
} from '../../shared/api/plans';
import { osloDate } from '../../shared/dates';
import { ApiError } from '../api-error';
import { createPlan } from '../plans/create-plan';
import { dueListFor } from '../plans/due';
import { markSeen, recordConsultation, transition, updateSettings } from '../plans/edit-plan';
import { listPlansFor, responsibleCandidates } from '../plans/list-plans';
import { OVERVIEW_ROLES, overviewFor } from '../plans/overview';
import { previousPlanFor } from '../plans/previous-plan';
import { readPublicPlan, renewPublicLink } from '../plans/public-link';
import { ownPlan, planUnitId, readPlan } from '../plans/read-plan';
import { focusFactorCount, setFocusFactorCount } from '../repositories/plans';
import { findRound } from '../repositories/rounds';
import { planItemRoutes, type PlanRouteOptions } from './plan-items';
import { staffOf } from './staff-request';
import { PLAN_CHANGE, PLAN_CREATE, PLAN_PUBLIC_LINK, PLAN_SETTINGS } from '../audit/plan-and-meeting';

const READERS = ['admin', 'leader', 'union_rep', 'safety_rep'] as const;

export const planRoutes: FastifyPluginAsyncTypebox<PlanRouteOptions> = async (app, options) => {
  const { database, now, hasher } = options;
  const db = database.kysely;
  const today = () => osloDate(now());
  const planUnit = (request: FastifyRequest) =>
    planUnitId(db, (request.params as { planId?: string }).planId);
  const leaderOfPlan = { allow: ['leader'] as const, unit: planUnit };
  const readerOfPlan = { allow: READERS, unit: planUnit };
  const context = (request: FastifyRequest) => ({ database, staff: staffOf(request), today: today() });
  const planReply = (request: FastifyRequest, planId: string) =>
    readPlan(db, staffOf(request), planId, today());

  app.get(
    STAFF_PATHS.plans,
    {
      config: { access: { allow: READERS } },
      schema: { querystring: PlanListQuerySchema, response: { 200: PlanListResponseSchema } },
    },
    async (request) => listPlansFor(database, staffOf(request), request.query.roundId),
  );

  app.post(
    STAFF_PATHS.plans,
    {
      config: {
        access: { allow: ['leader'], unit: (request) => (request.body as { unitId?: string }).unitId },
        audit: PLAN_CREATE,
      },
      schema: { body: CreatePlanRequestSchema, response: { 201: PlanSchema } },
    },
    async (request, reply) => {
      const id = await createPlan(database, staffOf(request), request.body, today());
      reply.code(201);
      return planReply(request, id);
    },
  );

  app.get(
    STAFF_PATHS.planSettings,
    { config: { access: { allow: READERS } }, schema: { response: { 200: PlanSettingsSchema } } },
    async (request) => ({ focusFactorCount: await focusFactorCount(db, staffOf(request).municipalityId) }),
  );

  app.put(
    STAFF_PATHS.planSettings,
    {
      config: { access: { allow: ['admin'] }, audit: PLAN_SETTINGS },
      schema: { body: PlanSettingsSchema, response: { 200: PlanSettingsSchema } },
    },
    async (request) => {
      const { municipalityId } = staffOf(request);
      await setFocusFactorCount(db, municipalityId, request.body.focusFactorCount);
      return { focusFactorCount: await focusFactorCount(db, municipalityId) };
    },
  );

  app.get(
    STAFF_PATHS.planDue,
    { config: { access: { allow: ['leader'] } }, schema: { response: { 200: DueListResponseSchema } } },
    async (request) => dueListFor(db, staffOf(request), today()),
  );

  app.get(
    STAFF_PATHS.planOverview,
    {
      config: {
        access: {
          allow: OVERVIEW_ROLES,
          unit: async (request) => {
            const query = request.query as { roundId?: string; unitId?: string };
            if (query.unitId !== undefined) return query.unitId;
            const round =
              query.roundId === undefined
                ? undefined
                : await findRound(db, request.staff!.municipalityId, query.roundId);
            return round?.unitId;
          },
        },
      },
      schema: { querystring: OverviewQuerySchema, response: { 200: OverviewResponseSchema } },
    },
    async (request) => overviewFor(database, staffOf(request), request.query, today()),
  );

  app.get(
    STAFF_PATHS.planPrevious,
    {
      config: {
        access: { allow: READERS, unit: (request) => (request.query as { unitId?: string }).unitId },
      },
      schema: { querystring: PreviousPlanQuerySchema, response: { 200: PreviousPlanResponseSchema } },
    },
    async (request) => previousPlanFor(database, staffOf(request), request.query, today()),
  );

  app.get(
    STAFF_PATHS.plan,
    { config: { access: readerOfPlan }, schema: { params: PlanParamsSchema, response: { 200: PlanSchema } } },
    async (request) => planReply(request, request.params.planId),
  );

  app.patch(
    STAFF_PATHS.plan,
    {
      config: { access: leaderOfPlan, audit: PLAN_CHANGE },
      schema: { params: PlanParamsSchema, body: UpdatePlanRequestSchema, response: { 200: PlanSchema } },
    },
    async (request) => {
      await updateSettings(context(request), request.params.planId, request.body);
      return planReply(request, request.params.planId);
    },
  );

  app.post(
    STAFF_PATHS.planTransition,
    {
      config: { access: leaderOfPlan, audit: PLAN_CHANGE },
      schema: { params: PlanParamsSchema, body: PlanTransitionRequestSchema, response: { 200: PlanSchema } },
    },
    async (request) => {
      await transition(context(request), request.params.planId, request.body.to);
      return planReply(request, request.params.planId);
    },
  );

  app.put(
    STAFF_PATHS.planConsultation,
    {
      config: { access: leaderOfPlan, audit: PLAN_CHANGE },
      schema: {
        params: PlanPartyParamsSchema,
        body: ConsultationRequestSchema,
        response: { 200: PlanSchema },
      },
    },
    async (request) => {
      const { planId, party } = request.params;
      await recordConsultation(context(request), planId, party, request.body.consultedOn);
      return planReply(request, planId);
    },
  );

  app.post(
    STAFF_PATHS.planConsultationSeen,
    {
      config: { access: { allow: ['safety_rep', 'union_rep'], unit: planUnit }, audit: PLAN_CHANGE },
      schema: { params: PlanPartyParamsSchema, response: { 200: PlanSchema } },
    },
    async (request) => {
      const { planId, party } = request.params;
      await markSeen(context(request), planId, party);
      return planReply(request, planId);
    },
  );

  app.get(
    STAFF_PATHS.planCandidates,
    {
      config: { access: leaderOfPlan },
      schema: { params: PlanParamsSchema, response: { 200: ResponsibleCandidatesResponseSchema } },
    },
    async (request) => responsibleCandidates(db, staffOf(request), request.params.planId),
  );

  app.post(
    STAFF_PATHS.planPublicLink,
    {
      config: { access: leaderOfPlan, audit: PLAN_PUBLIC_LINK },
      schema: { params: PlanParamsSchema, response: { 201: PublicLinkResponseSchema } },
    },
    async (request, reply) => {
      const plan = await ownPlan(db, staffOf(request), request.params.planId);
      const link = await renewPublicLink(db, plan.id, today());
      void reply.header('cache-control', 'no-store');
      reply.code(201);
      return link;
    },
  );

  app.get(
    RESPONDENT_PATHS.unitPlan,
    {
      config: { access: { allow: 'public' } },
      schema: { params: PublicPlanParamsSchema, response: { 200: PublicPlanResponseSchema } },
    },
    async (request, reply) => {
      const result = await readPublicPlan(db, hasher, request.params.token, {
        address: request.ip,
        now: now(),
      });
      if ('retryAfterSeconds' in result) {
        void reply.header('retry-after', String(result.retryAfterSeconds));
        throw new ApiError('RATE_LIMITED', 'Too many unknown plan links tried; wait a while');
      }
      void reply.header('cache-control', PUBLIC_PLAN_CACHE_CONTROL);
      void reply.header('referrer-policy', 'no-referrer');
      void reply.header('x-robots-tag', 'noindex');
      return result.plan;
    },
  );

  await app.register(planItemRoutes, { database, now, hasher });
};
