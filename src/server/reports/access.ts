// Who may read which report when (the rules are stated in shared/api/reports.ts): the roles that
// read reports, the roles that read open answers, and when a round's report becomes available.
import type { StaffRole } from '../../shared/api/staff';
import { addDays } from '../../shared/dates';
import type { RoundRecord } from '../repositories/rounds';

export const REPORT_ROLES = [
  'admin',
  'leader',
  'union_rep',
  'safety_rep',
] as const satisfies readonly StaffRole[];

/** Admin alone is not enough: open answers go to the unit's own leader and representatives. */
export const OPEN_ANSWER_ROLES = [
  'leader',
  'union_rep',
  'safety_rep',
] as const satisfies readonly StaffRole[];

/**
 * Leaders and reps: once published. Admin: also once closed and past its grace days, when late
 * answers can no longer arrive and change the figures.
 */
export function isReportAvailable(
  round: Pick<RoundRecord, 'status' | 'closesOn' | 'graceDays'>,
  isAdmin: boolean,
  today: string,
): boolean {
  if (round.status === 'published') return true;
  return isAdmin && round.status === 'closed' && today > addDays(round.closesOn, round.graceDays);
}
