// The round's progress plan: the staff side of src/shared/api/preparation.ts.
import { apiPath, STAFF_PATHS } from '../../../shared/api/paths';
import type {
  PreparationListResponse,
  PreparationPlan,
  UpdatePreparationRequest,
} from '../../../shared/api/preparation';
import type { StaffRequest } from './client';

export const preparationApi = (request: StaffRequest) => ({
  plans: () => request<PreparationListResponse>('GET', apiPath(STAFF_PATHS.preparation)),
  plan: (roundId: string) =>
    request<PreparationPlan>('GET', apiPath(STAFF_PATHS.roundPreparation, { id: roundId })),
  save: (roundId: string, body: UpdatePreparationRequest) =>
    request<PreparationPlan>('PUT', apiPath(STAFF_PATHS.roundPreparation, { id: roundId }), body),
});
