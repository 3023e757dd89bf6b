// Retention settings and deleting a round for good: the staff side of src/shared/api/retention.ts.
import { apiPath, STAFF_PATHS } from '../../../shared/api/paths';
import type {
  DeleteRoundResponse,
  MunicipalitySettings,
  RoundDeletionPreview,
} from '../../../shared/api/retention';
import type { StaffRequest } from './client';

export const retentionApi = (request: StaffRequest) => ({
  settings: () => request<MunicipalitySettings>('GET', apiPath(STAFF_PATHS.municipalitySettings)),
  saveSettings: (body: MunicipalitySettings) =>
    request<MunicipalitySettings>('PUT', apiPath(STAFF_PATHS.municipalitySettings), body),
  deletionPreview: (roundId: string) =>
    request<RoundDeletionPreview>('GET', apiPath(STAFF_PATHS.roundDeletion, { id: roundId })),
  deleteRound: (roundId: string, confirmName: string) =>
    request<DeleteRoundResponse>('DELETE', apiPath(STAFF_PATHS.round, { id: roundId }), { confirmName }),
});
