// Whole calendar months on YYYY-MM-DD dates, for the retention periods ("24 months after it was
// published"): the day of the month stays, or becomes the month's last day when the month is
// shorter (2024-02-29 plus 12 months is 2025-02-28).
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}
