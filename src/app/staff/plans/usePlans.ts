// The follow-up data each screen loads, one request each (src/app/staff/api/plans.ts).
import { useCallback, useState } from 'react';
import type {
  DueListResponse,
  OverviewResponse,
  Plan,
  PlanListResponse,
  PreviousPlanResponse,
  ResponsibleCandidatesResponse,
} from '../../../shared/api/plans';
import { plansApi, type PlansApi } from '../api/plans';
import { useSession } from '../session/SessionContext';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { useStaffQuery, type StaffQuery } from '../ui/useStaffQuery';

export const usePlanList = (roundId?: string): StaffQuery<PlanListResponse> =>
  useStaffQuery((request) => plansApi(request).list(roundId), `plans:${roundId ?? ''}`);

export const useDue = (): StaffQuery<DueListResponse> =>
  useStaffQuery((request) => plansApi(request).due(), 'plans-due');

export const useOverview = (roundId: string, unitId?: string): StaffQuery<OverviewResponse> =>
  useStaffQuery(
    (request) => plansApi(request).overview(roundId, unitId),
    `plans-overview:${roundId}:${unitId ?? ''}`,
  );

export const usePreviousPlan = (roundId: string, unitId: string): StaffQuery<PreviousPlanResponse> =>
  useStaffQuery(
    (request) => plansApi(request).previous(roundId, unitId),
    `plans-previous:${roundId}:${unitId}`,
  );

export const useCandidates = (planId: string): StaffQuery<ResponsibleCandidatesResponse> =>
  useStaffQuery((request) => plansApi(request).candidates(planId), `plan-candidates:${planId}`);

/** One plan; `setPlan` shows the plan a change answered with (see usePlanChange). */
export function usePlan(planId: string) {
  const query = useStaffQuery((request) => plansApi(request).get(planId), `plan:${planId}`);
  const [changed, setPlan] = useState<Plan>();
  const plan = changed?.id === planId ? changed : query.data;
  return { plan, loadError: query.error, isLoading: query.isLoading && !plan, setPlan };
}

/**
 * A change to the plan from one form or button: busy while it runs, its failure kept here (so
 * the message shows where the person acted), and the plan it answers with shown everywhere.
 * `run` returns the new plan, or undefined when the change failed.
 */
export function useChange(setPlan: (plan: Plan) => void) {
  const { request } = useSession();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<StaffApiError>();
  const run = useCallback(
    async (action: (api: PlansApi) => Promise<Plan>): Promise<Plan | undefined> => {
      setIsBusy(true);
      setError(undefined);
      try {
        const plan = await action(plansApi(request));
        setPlan(plan);
        return plan;
      } catch (caught) {
        setError(toStaffApiError(caught));
        return undefined;
      } finally {
        setIsBusy(false);
      }
    },
    [request, setPlan],
  );
  return { run, isBusy, error };
}
