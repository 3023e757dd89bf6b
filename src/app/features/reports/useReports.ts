// The report data each screen loads, one request each (see reports-api.ts).
import type {
  HeatmapResponse,
  NationalFigureListResponse,
  ReportRoundListResponse,
  UnitReportResponse,
} from '../../../shared/api/reports';
import { useStaffQuery, type StaffQuery } from '../admin/ui/useStaffQuery';
import { reportsApi } from './reports-api';

export const useReportRounds = (): StaffQuery<ReportRoundListResponse> =>
  useStaffQuery((request) => reportsApi(request).rounds(), 'report-rounds');

export const useUnitReport = (roundId: string, unitId: string): StaffQuery<UnitReportResponse> =>
  useStaffQuery((request) => reportsApi(request).unitReport(roundId, unitId), `report:${roundId}:${unitId}`);

export const useHeatmap = (roundId: string): StaffQuery<HeatmapResponse> =>
  useStaffQuery((request) => reportsApi(request).heatmap(roundId), `heatmap:${roundId}`);

export const useNationalFigures = (): StaffQuery<NationalFigureListResponse> =>
  useStaffQuery((request) => reportsApi(request).nationalFigures(), 'national-figures');
