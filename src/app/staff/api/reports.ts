// The staff side of src/shared/api/reports.ts: reports, the heat map and the national figures.
// Everything comes computed from aggregate counts; no request here returns a single answer.
import type {
  HeatmapResponse,
  NationalFigureListResponse,
  NationalImportResponse,
  ReportRoundListResponse,
  UnitReportResponse,
} from '../../../shared/api/reports';
import { apiPath, STAFF_PATHS } from '../../../shared/api/paths';
import { RawBody, type StaffRequest } from './client';

export const reportsApi = (request: StaffRequest) => ({
  rounds: () => request<ReportRoundListResponse>('GET', apiPath(STAFF_PATHS.reportRounds)),
  unitReport: (roundId: string, unitId: string) =>
    request<UnitReportResponse>('GET', apiPath(STAFF_PATHS.unitReport, { roundId, unitId })),
  heatmap: (roundId: string) => request<HeatmapResponse>('GET', apiPath(STAFF_PATHS.heatmap, { roundId })),

  nationalFigures: () => request<NationalFigureListResponse>('GET', apiPath(STAFF_PATHS.nationalFigures)),
  /** All or nothing; a bad file fails with CSV_INVALID and the bad lines in the error body. */
  importNationalFigures: (csv: string) =>
    request<NationalImportResponse>(
      'POST',
      apiPath(STAFF_PATHS.nationalImport),
      new RawBody(csv, 'text/csv; charset=utf-8'),
    ),
});

export type ReportsApi = ReturnType<typeof reportsApi>;
