// The report screens' addresses under /admin (see ReportRoutes.tsx).
import { ADMIN_PATHS } from '../ui/staff-paths';

const id = encodeURIComponent;

export const REPORT_PATHS = {
  list: ADMIN_PATHS.reports,
  report: (roundId: string, unitId: string) => `${ADMIN_PATHS.reports}/${id(roundId)}/${id(unitId)}`,
  print: (roundId: string, unitId: string) => `${ADMIN_PATHS.reports}/${id(roundId)}/${id(unitId)}/utskrift`,
  heatmap: (roundId: string) => `${ADMIN_PATHS.reports}/${id(roundId)}/varmekart`,
  national: ADMIN_PATHS.nationalFigures,
} as const;
