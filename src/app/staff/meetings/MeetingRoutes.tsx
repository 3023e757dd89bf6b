// The meeting screens under /admin/moter (issue 13): the unit's meetings with the start form, and
// the presenter view; and the slots through which the report and the plan link here. They wait for
// their own texts: `presenter`, `meeting` (the shared displays: timer, reveal, roles) and
// `factors` (the factor names).
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { LazyTexts } from '../../ui/LazyTexts';
import type { StaffSlots } from '../ui/StaffSlots';
import { MeetingsButton } from './MeetingsButton';
import { PresenterScreen } from './PresenterScreen';
import { UnitMeetingsScreen } from './UnitMeetingsScreen';
import './presenter.css';

export const MEETING_NAMESPACES = ['presenter', 'meeting', 'factors'] as const;

export function MeetingRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <LazyTexts namespaces={MEETING_NAMESPACES}>
      <Routes>
        <Route path="runde/:roundId/enhet/:unitId" element={<UnitMeetingsScreen />} />
        <Route path=":meetingId" element={<PresenterScreen />} />
        <Route path="*" element={notFound} />
      </Routes>
    </LazyTexts>
  );
}

/** What the meetings add to the report and the plan: a button to the unit's meetings. */
export const MEETING_SLOTS: StaffSlots = {
  reportActions: (report) =>
    report.isMunicipality ? null : <MeetingsButton roundId={report.round.id} unitId={report.unit.id} />,
  planActions: (plan) => <MeetingsButton roundId={plan.roundId} unitId={plan.unitId} />,
};
