// The parts of a follow-up plan a leader adds, changes and removes: focus factors, their goals and
// measures, and the quarterly reviews. Each answers with the whole plan as it is now (201 when
// something was added). Only a leader of the plan's unit; the rules are in ../plans/.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  AddFocusFactorRequestSchema,
  GoalRequestSchema,
  MeasureRequestSchema,
  PlanItemParamsSchema,
  PlanParamsSchema,
  PlanSchema,
  ReviewRequestSchema,
  UpdateFocusFactorRequestSchema,
  UpdateGoalRequestSchema,
  UpdateMeasureRequestSchema,
} from '../../shared/api/plans';
import { osloDate } from '../../shared/dates';
import {
  addFocusFactor,
  addGoal,
  addMeasure,
  editFocusFactor,
  editGoal,
  editMeasure,
  removeFocusFactor,
  removeGoal,
  removeMeasure,
} from '../plans/edit-plan';
import { planUnitId, readPlan } from '../plans/read-plan';
import { recordReview } from '../plans/reviews';
import type { CodeHasher } from '../codes/code-hasher';
import type { Database } from '../db/database';
import { staffOf } from './staff-request';
import { PLAN_CHANGE } from '../audit/plan-and-meeting';

export interface PlanRouteOptions {
  database: Database;
  now: () => Date;
  hasher: CodeHasher;
}

export const planItemRoutes: FastifyPluginAsyncTypebox<PlanRouteOptions> = (app, { database, now }) => {
  const db = database.kysely;
  const today = () => osloDate(now());
  const access = {
    allow: ['leader'] as const,
    unit: (request: FastifyRequest) => planUnitId(db, (request.params as { planId?: string }).planId),
  };
  const context = (request: FastifyRequest) => ({ database, staff: staffOf(request), today: today() });
  const planReply = (request: FastifyRequest, planId: string) =>
    readPlan(db, staffOf(request), planId, today());
  const created = { params: PlanParamsSchema, response: { 201: PlanSchema } };
  const createdOnItem = { params: PlanItemParamsSchema, response: { 201: PlanSchema } };
  const onItem = { params: PlanItemParamsSchema, response: { 200: PlanSchema } };

  app.post(
    STAFF_PATHS.planFocusFactors,
    { config: { access, audit: PLAN_CHANGE }, schema: { ...created, body: AddFocusFactorRequestSchema } },
    async (request, reply) => {
      await addFocusFactor(context(request), request.params.planId, request.body);
      reply.code(201);
      return planReply(request, request.params.planId);
    },
  );

  app.patch(
    STAFF_PATHS.planFocusFactor,
    { config: { access, audit: PLAN_CHANGE }, schema: { ...onItem, body: UpdateFocusFactorRequestSchema } },
    async (request) => {
      const { planId, itemId } = request.params;
      await editFocusFactor(context(request), planId, itemId, request.body);
      return planReply(request, planId);
    },
  );

  app.delete(
    STAFF_PATHS.planFocusFactor,
    { config: { access, audit: PLAN_CHANGE }, schema: onItem },
    async (request) => {
      const { planId, itemId } = request.params;
      await removeFocusFactor(context(request), planId, itemId);
      return planReply(request, planId);
    },
  );

  app.post(
    STAFF_PATHS.planGoals,
    { config: { access, audit: PLAN_CHANGE }, schema: { ...createdOnItem, body: GoalRequestSchema } },
    async (request, reply) => {
      const { planId, itemId } = request.params;
      await addGoal(context(request), planId, itemId, request.body);
      reply.code(201);
      return planReply(request, planId);
    },
  );

  app.patch(
    STAFF_PATHS.planGoal,
    { config: { access, audit: PLAN_CHANGE }, schema: { ...onItem, body: UpdateGoalRequestSchema } },
    async (request) => {
      const { planId, itemId } = request.params;
      await editGoal(context(request), planId, itemId, request.body);
      return planReply(request, planId);
    },
  );

  app.delete(
    STAFF_PATHS.planGoal,
    { config: { access, audit: PLAN_CHANGE }, schema: onItem },
    async (request) => {
      const { planId, itemId } = request.params;
      await removeGoal(context(request), planId, itemId);
      return planReply(request, planId);
    },
  );

  app.post(
    STAFF_PATHS.planMeasures,
    { config: { access, audit: PLAN_CHANGE }, schema: { ...createdOnItem, body: MeasureRequestSchema } },
    async (request, reply) => {
      const { planId, itemId } = request.params;
      await addMeasure(context(request), planId, itemId, request.body);
      reply.code(201);
      return planReply(request, planId);
    },
  );

  app.patch(
    STAFF_PATHS.planMeasure,
    { config: { access, audit: PLAN_CHANGE }, schema: { ...onItem, body: UpdateMeasureRequestSchema } },
    async (request) => {
      const { planId, itemId } = request.params;
      await editMeasure(context(request), planId, itemId, request.body);
      return planReply(request, planId);
    },
  );

  app.delete(
    STAFF_PATHS.planMeasure,
    { config: { access, audit: PLAN_CHANGE }, schema: onItem },
    async (request) => {
      const { planId, itemId } = request.params;
      await removeMeasure(context(request), planId, itemId);
      return planReply(request, planId);
    },
  );

  app.post(
    STAFF_PATHS.planReviews,
    { config: { access, audit: PLAN_CHANGE }, schema: { ...created, body: ReviewRequestSchema } },
    async (request, reply) => {
      await recordReview(context(request), request.params.planId, request.body);
      reply.code(201);
      return planReply(request, request.params.planId);
    },
  );
  return Promise.resolve();
};
