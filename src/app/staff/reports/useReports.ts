// The report data each screen loads, one request each (see reports-api.ts).
import type {
  HeatmapResponse,
  NationalFigureListResponse,
  ReportRoundListResponse,
  UnitReportResponse,
} from '../../../shared/api/reports';
import { useEffect } from 'react';
import { useStaffQuery, type StaffQuery } from '../ui/useStaffQuery';
import { useLanguage } from '../../i18n/useLanguage';
import { reportsApi } from '../api/reports';

export const useReportRounds = (): StaffQuery<ReportRoundListResponse> =>
  useStaffQuery((request) => reportsApi(request).rounds(), 'report-rounds');

/** A report is shown in its municipality's language unless the person has picked one. */
export function useUnitReport(roundId: string, unitId: string): StaffQuery<UnitReportResponse> {
  const query = useStaffQuery(
    (request) => reportsApi(request).unitReport(roundId, unitId),
    `report:${roundId}:${unitId}`,
  );
  const { preferLanguage } = useLanguage();
  const language = query.data?.municipality.language;
  useEffect(() => {
    if (language) preferLanguage(language);
  }, [language, preferLanguage]);
  return query;
}

export const useHeatmap = (roundId: string): StaffQuery<HeatmapResponse> =>
  useStaffQuery((request) => reportsApi(request).heatmap(roundId), `heatmap:${roundId}`);

export const useNationalFigures = (): StaffQuery<NationalFigureListResponse> =>
  useStaffQuery((request) => reportsApi(request).nationalFigures(), 'national-figures');
