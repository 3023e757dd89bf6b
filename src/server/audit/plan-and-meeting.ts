// The audit declarations of the follow-up plan and meeting routes (issues 12 and 13): which unit
// and round a change was on, read from the plan or meeting the reply describes, or else from the
// unit the access check looked up. The details name what changed in a few words, never a text a
// leader or a participant wrote, and never a meeting's join code.
import type { FastifyRequest } from 'fastify';
import type { AuditSpec } from './hook';
import { accessUnit, audit, firstOf, fixed, fromReply } from './specs';

const planWhere = {
  unit: firstOf(fromReply('unitId'), accessUnit),
  round: fromReply('roundId'),
};

export const PLAN_CREATE: AuditSpec = audit('plan.create', planWhere);
export const PLAN_CHANGE: AuditSpec = audit('plan.update', {
  ...planWhere,
  detail: (request: FastifyRequest) =>
    request.routeOptions.url?.split('/:planId')[1]?.replace(/^\//, '') || null,
});
export const PLAN_PUBLIC_LINK: AuditSpec = audit('plan.update', {
  ...planWhere,
  detail: fixed('public-link'),
});
export const PLAN_SETTINGS: AuditSpec = audit('settings.update', { detail: fixed('plans.focusFactorCount') });

export const MEETING_CHANGE: AuditSpec = audit('meeting.change', {
  unit: firstOf(fromReply('snapshot', 'unitId'), accessUnit),
  round: fromReply('snapshot', 'roundId'),
  detail: (request: FastifyRequest) =>
    request.routeOptions.url?.split('/:meetingId')[1]?.replace(/^\//, '') || 'create',
});
