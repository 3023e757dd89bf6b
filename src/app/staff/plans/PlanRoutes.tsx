// The follow-up screens under /admin/oppfolging (issue 12, KS's follow-up method), and the slots
// the shell gives the report and the start page. They wait for their own texts: `followup`, and
// `factors` for the factor names and the card texts the measure suggestions come from.
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { LazyTexts } from '../../ui/LazyTexts';
import type { StaffSlots } from '../ui/StaffSlots';
import { DueSlot } from './DueList';
import { OverviewScreen } from './OverviewScreen';
import { PlanListScreen } from './PlanListScreen';
import { PlanScreen } from './PlanScreen';
import { PlanUnitScreen } from './PlanUnitScreen';
import { PrintPlanScreen } from './PrintPlanScreen';
import { ReportPlanButton, ReportPreviousPlan } from './ReportSlots';
import './plans.css';

export function PlanRoutes({
  notFound,
  overview,
}: {
  notFound: ReactNode;
  overview: (screen: ReactNode) => ReactNode;
}) {
  return (
    <LazyTexts namespaces={['followup', 'factors']}>
      <Routes>
        <Route index element={<PlanListScreen />} />
        <Route path="oversikt" element={overview(<OverviewScreen />)} />
        <Route path="runde/:roundId/enhet/:unitId" element={<PlanUnitScreen />} />
        <Route path="plan/:planId" element={<PlanScreen />} />
        <Route path="plan/:planId/utskrift" element={<PrintPlanScreen />} />
        <Route path="*" element={notFound} />
      </Routes>
    </LazyTexts>
  );
}

/** What the follow-up shows in the report and on the start page. */
export const PLAN_SLOTS: StaffSlots = {
  reportActions: (report) => <ReportPlanButton report={report} />,
  reportFollowUp: (report) => <ReportPreviousPlan report={report} />,
  home: () => <DueSlot />,
};
