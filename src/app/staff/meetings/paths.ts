// The meeting screens' addresses under /admin/moter (see MeetingRoutes.tsx), and the two screens
// of other features a meeting links to (the unit's report and plan). Those are written here from
// ADMIN_PATHS rather than imported, because a staff feature may not import another one.
import { ADMIN_PATHS } from '../ui/staff-paths';

const id = encodeURIComponent;

export const MEETING_PATHS = {
  /** The unit's meetings in a round, and the form that starts one. */
  unit: (roundId: string, unitId: string) =>
    `${ADMIN_PATHS.meetings}/runde/${id(roundId)}/enhet/${id(unitId)}`,
  /** The presenter view for the room's screen. */
  presenter: (meetingId: string) => `${ADMIN_PATHS.meetings}/${id(meetingId)}`,
  reports: ADMIN_PATHS.reports,
  report: (roundId: string, unitId: string) => `${ADMIN_PATHS.reports}/${id(roundId)}/${id(unitId)}`,
  plan: (planId: string) => `${ADMIN_PATHS.followup}/plan/${id(planId)}`,
  unitPlan: (roundId: string, unitId: string) =>
    `${ADMIN_PATHS.followup}/runde/${id(roundId)}/enhet/${id(unitId)}`,
} as const;
