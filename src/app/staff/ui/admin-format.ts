// Day counts and periods the staff screens show. The number formats ("65,1 %", "10 000") are
// shared with the reports and live in src/app/ui/format.ts; re-exported here for the admin screens.
import { osloDate } from '../../../shared/dates';
import { defaultClosesOn } from '../../../shared/rounds';

export { formatCount, formatPercent } from '../../ui/format';

/** Whole calendar days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

export type PeriodState =
  { kind: 'notOpen'; days: number } | { kind: 'open'; daysLeft: number } | { kind: 'ended' };

/**
 * Where today is in a period with inclusive dates: before it (days until it opens), inside it
 * (days left counting today, so the last day says 1), or after it.
 */
export function periodState(opensOn: string, closesOn: string, today: string = osloDate()): PeriodState {
  if (today < opensOn) return { kind: 'notOpen', days: daysBetween(today, opensOn) };
  if (today > closesOn) return { kind: 'ended' };
  return { kind: 'open', daysLeft: daysBetween(today, closesOn) + 1 };
}

/**
 * A new round's default period: opens today, closes 13 days later, two full weeks inclusive. The
 * length counts the opening day, as the server's default does (src/server/rounds/defaults.ts).
 */
export function defaultPeriod(today: string = osloDate()): { opensOn: string; closesOn: string } {
  return { opensOn: today, closesOn: defaultClosesOn(today) };
}
