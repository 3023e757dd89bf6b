// The report screens under /admin/rapporter, plus the national figures (admin). They ride in the
// lazy staff chunk (they share its session, client and tables) and wait for their own texts:
// `reports`, and `factors` for the factor names and definitions.
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { LazyTexts } from '../../ui/LazyTexts';
import { HeatmapScreen } from './HeatmapScreen';
import { NationalFiguresScreen } from './NationalFiguresScreen';
import { PrintReportScreen } from './PrintReportScreen';
import { ReportListScreen } from './ReportListScreen';
import { ReportScreen } from './ReportScreen';
import './reports.css';

/**
 * /admin/rapporter/*. The shell hands in its not-found screen: a feature may not import the shell,
 * and an unknown report address should look like any other unknown staff address.
 */
export function ReportRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <LazyTexts namespaces={['reports', 'factors']}>
      <Routes>
        <Route index element={<ReportListScreen />} />
        <Route path=":roundId/varmekart" element={<HeatmapScreen />} />
        <Route path=":roundId/:unitId" element={<ReportScreen />} />
        <Route path=":roundId/:unitId/utskrift" element={<PrintReportScreen />} />
        <Route path="*" element={notFound} />
      </Routes>
    </LazyTexts>
  );
}

/** /admin/nasjonale-tall */
export function NationalFiguresRoute() {
  return (
    <LazyTexts namespaces={['reports', 'factors']}>
      <NationalFiguresScreen />
    </LazyTexts>
  );
}
