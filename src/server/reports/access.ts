// Who may read which report when (the rules are stated in shared/api/reports.ts): the roles that
// read reports, the roles that read open answers, when a round's report becomes available (and
// what the refusal says before then), and which detail a unit's report is built from.
import type { StaffRole } from '../../shared/api/staff';
import { addDays } from '../../shared/dates';
import { ApiError } from '../api-error';
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

/** REPORT_NOT_AVAILABLE unless isReportAvailable; the message says what the round waits for. */
export function assertReportAvailable(
  round: Pick<RoundRecord, 'status' | 'closesOn' | 'graceDays'>,
  isAdmin: boolean,
  today: string,
): void {
  if (isReportAvailable(round, isAdmin, today)) return;
  throw new ApiError(
    'REPORT_NOT_AVAILABLE',
    round.status === 'closed'
      ? 'The report is not published yet'
      : `The round is ${round.status}; its report comes when it is published`,
  );
}

/** Background groups are shown only on the municipality overview (the round's own unit). */
export function unitReportDetail(
  round: Pick<RoundRecord, 'unitId'>,
  unitId: string,
): 'background' | 'counts' {
  return unitId === round.unitId ? 'background' : 'counts';
}
