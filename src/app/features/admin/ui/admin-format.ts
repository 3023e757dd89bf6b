// Numbers and day counts the staff screens show, in Norwegian style: "65,1 %" (decimal comma and a
// non-breaking space before %), "10 000". nb and nn share number formats; en uses en-GB.
import { addDays, osloDate } from '../../../../shared/dates';
import type { Language } from '../../../../shared/languages';

const numberLocale = (lng: Language) => (lng === 'en' ? 'en-GB' : 'nb-NO');

/** 0.651 → "65,1 %" (nb/nn) or "65.1%" (en). */
export function formatPercent(rate: number, lng: Language): string {
  return new Intl.NumberFormat(numberLocale(lng), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rate);
}

/** 10000 → "10 000" with a non-breaking space (nb/nn). */
export function formatCount(value: number, lng: Language): string {
  return new Intl.NumberFormat(numberLocale(lng)).format(value);
}

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

/** A new round's default period: opens today, closes 13 days later, two full weeks inclusive. */
export function defaultPeriod(today: string = osloDate()): { opensOn: string; closesOn: string } {
  return { opensOn: today, closesOn: addDays(today, 13) };
}
