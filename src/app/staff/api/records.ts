// The processing record (GDPR Art. 30): the staff side of src/shared/api/records.ts.
import { apiPath, STAFF_PATHS } from '../../../shared/api/paths';
import type { ProcessingRecord } from '../../../shared/api/records';
import type { StaffRequest } from './client';

export const recordsApi = (request: StaffRequest) => ({
  processingRecord: () => request<ProcessingRecord>('GET', apiPath(STAFF_PATHS.processingRecord)),
});
