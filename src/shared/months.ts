// Whole calendar months on YYYY-MM-DD dates, for the retention periods ("24 months after it was
// published"): the day of the month stays, or becomes the month's last day when the month is
// shorter (2024-02-29 plus 12 months is 2025-02-28). Shared: the server's retention job decides
// with them, and the staff app says with the same rule on which day a round's answers go.
import { addDays } from './dates';

export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/**
 * The first Oslo day on which the retention job deletes the answers of a round published on
 * `publishedOn`: the job deletes once `publishedOn <= today - months` (server/retention/
 * answer-retention.ts). Usually `publishedOn + months`; a few days later when the month it lands
 * in is shorter (published 31 January, one month: 1 March).
 */
export function answerDeletionDate(publishedOn: string, months: number): string {
  let day = addMonths(publishedOn, months);
  while (addMonths(day, -months) < publishedOn) day = addDays(day, 1);
  return day;
}
