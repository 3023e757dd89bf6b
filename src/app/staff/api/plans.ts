// The staff side of src/shared/api/plans.ts: the unit's follow-up plan (focus factors, goals,
// measures, consultation, reviews), the leader's due list, the follow-up overview and the previous
// round's plan. Every change answers with the whole plan, so a screen shows what the server kept.
import type {
  AddFocusFactorRequest,
  ConsultationParty,
  ConsultationRequest,
  CreatePlanRequest,
  DueListResponse,
  GoalRequest,
  MeasureRequest,
  OverviewResponse,
  Plan,
  PlanListResponse,
  PlanSettings,
  PlanStatus,
  PreviousPlanResponse,
  PublicLinkResponse,
  ResponsibleCandidatesResponse,
  ReviewRequest,
  UpdateFocusFactorRequest,
  UpdateGoalRequest,
  UpdateMeasureRequest,
  UpdatePlanRequest,
} from '../../../shared/api/plans';
import { apiPath, STAFF_PATHS } from '../../../shared/api/paths';
import type { StaffRequest } from './client';

const query = (params: Record<string, string | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const plansApi = (request: StaffRequest) => ({
  list: (roundId?: string) =>
    request<PlanListResponse>('GET', `${apiPath(STAFF_PATHS.plans)}${query({ roundId })}`),
  settings: () => request<PlanSettings>('GET', apiPath(STAFF_PATHS.planSettings)),
  saveSettings: (body: PlanSettings) => request<PlanSettings>('PUT', apiPath(STAFF_PATHS.planSettings), body),
  due: () => request<DueListResponse>('GET', apiPath(STAFF_PATHS.planDue)),
  overview: (roundId: string, unitId?: string) =>
    request<OverviewResponse>('GET', `${apiPath(STAFF_PATHS.planOverview)}${query({ roundId, unitId })}`),
  previous: (roundId: string, unitId: string) =>
    request<PreviousPlanResponse>('GET', `${apiPath(STAFF_PATHS.planPrevious)}${query({ roundId, unitId })}`),

  get: (planId: string) => request<Plan>('GET', apiPath(STAFF_PATHS.plan, { planId })),
  create: (body: CreatePlanRequest) => request<Plan>('POST', apiPath(STAFF_PATHS.plans), body),
  update: (planId: string, body: UpdatePlanRequest) =>
    request<Plan>('PATCH', apiPath(STAFF_PATHS.plan, { planId }), body),
  transition: (planId: string, to: PlanStatus) =>
    request<Plan>('POST', apiPath(STAFF_PATHS.planTransition, { planId }), { to }),
  consult: (planId: string, party: ConsultationParty, body: ConsultationRequest) =>
    request<Plan>('PUT', apiPath(STAFF_PATHS.planConsultation, { planId, party }), body),
  markSeen: (planId: string, party: ConsultationParty) =>
    request<Plan>('POST', apiPath(STAFF_PATHS.planConsultationSeen, { planId, party }), {}),

  addFocus: (planId: string, body: AddFocusFactorRequest) =>
    request<Plan>('POST', apiPath(STAFF_PATHS.planFocusFactors, { planId }), body),
  updateFocus: (planId: string, itemId: string, body: UpdateFocusFactorRequest) =>
    request<Plan>('PATCH', apiPath(STAFF_PATHS.planFocusFactor, { planId, itemId }), body),
  deleteFocus: (planId: string, itemId: string) =>
    request<Plan>('DELETE', apiPath(STAFF_PATHS.planFocusFactor, { planId, itemId })),

  addGoal: (planId: string, focusId: string, body: GoalRequest) =>
    request<Plan>('POST', apiPath(STAFF_PATHS.planGoals, { planId, itemId: focusId }), body),
  updateGoal: (planId: string, itemId: string, body: UpdateGoalRequest) =>
    request<Plan>('PATCH', apiPath(STAFF_PATHS.planGoal, { planId, itemId }), body),
  deleteGoal: (planId: string, itemId: string) =>
    request<Plan>('DELETE', apiPath(STAFF_PATHS.planGoal, { planId, itemId })),

  addMeasure: (planId: string, focusId: string, body: MeasureRequest) =>
    request<Plan>('POST', apiPath(STAFF_PATHS.planMeasures, { planId, itemId: focusId }), body),
  updateMeasure: (planId: string, itemId: string, body: UpdateMeasureRequest) =>
    request<Plan>('PATCH', apiPath(STAFF_PATHS.planMeasure, { planId, itemId }), body),
  deleteMeasure: (planId: string, itemId: string) =>
    request<Plan>('DELETE', apiPath(STAFF_PATHS.planMeasure, { planId, itemId })),

  review: (planId: string, body: ReviewRequest) =>
    request<Plan>('POST', apiPath(STAFF_PATHS.planReviews, { planId }), body),
  /** A new "Dette gjør vi" token; the old one stops working at once. Shown only in this answer. */
  renewPublicLink: (planId: string) =>
    request<PublicLinkResponse>('POST', apiPath(STAFF_PATHS.planPublicLink, { planId })),
  candidates: (planId: string) =>
    request<ResponsibleCandidatesResponse>('GET', apiPath(STAFF_PATHS.planCandidates, { planId })),
});

export type PlansApi = ReturnType<typeof plansApi>;
