// The staff side of src/shared/api/reports.ts: reports, the heat map and the national figures.
// Everything comes computed from aggregate counts; no request here returns a single answer.
import type {
  HeatmapResponse,
  NationalFigureListResponse,
  NationalImportResponse,
  ReportRoundListResponse,
  UnitReportResponse,
} from '../../../shared/api/reports';
import { RawBody, type StaffRequest } from './client';

const id = encodeURIComponent;

export const reportsApi = (request: StaffRequest) => ({
  rounds: () => request<ReportRoundListResponse>('GET', '/reports/rounds'),
  unitReport: (roundId: string, unitId: string) =>
    request<UnitReportResponse>('GET', `/reports/rounds/${id(roundId)}/units/${id(unitId)}`),
  heatmap: (roundId: string) => request<HeatmapResponse>('GET', `/reports/rounds/${id(roundId)}/heatmap`),

  nationalFigures: () => request<NationalFigureListResponse>('GET', '/national-figures'),
  /** All or nothing; a bad file fails with CSV_INVALID and the bad lines in the error body. */
  importNationalFigures: (csv: string) =>
    request<NationalImportResponse>(
      'POST',
      '/national-figures/import',
      new RawBody(csv, 'text/csv; charset=utf-8'),
    ),
});

export type ReportsApi = ReturnType<typeof reportsApi>;
