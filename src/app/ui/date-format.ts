// Norwegian date formatting: "5. juni 2026", "3.–6. juni 2026". Chromium's Intl has no nynorsk
// month names, so nb and nn use our own list. Its own module (format.ts re-exports it beside the
// times and the number formats) so the start screen's first load carries the dates only.
import type { Language } from '../../shared/languages';

// Month names are the same in bokmål and nynorsk (weekday names differ, but we show none).
const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;

function parseIsoDate(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

/** A calendar date (YYYY-MM-DD) in words: "5. juni 2026" / "5 June 2026". */
export function formatDate(iso: string, lng: Language): string {
  const { y, m, d } = parseIsoDate(iso);
  if (lng === 'en') {
    return new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, d)));
  }
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

/** A period: "3.–16. juni 2026", "28. mai–10. juni 2026", across years in full. */
export function formatDateRange(fromIso: string, toIso: string, lng: Language): string {
  const a = parseIsoDate(fromIso);
  const b = parseIsoDate(toIso);
  if (lng === 'en') return `${formatDate(fromIso, lng)} – ${formatDate(toIso, lng)}`;
  if (a.y !== b.y) return `${formatDate(fromIso, lng)}–${formatDate(toIso, lng)}`;
  if (a.m !== b.m) return `${a.d}. ${MONTHS[a.m - 1]}–${b.d}. ${MONTHS[b.m - 1]} ${b.y}`;
  return `${a.d}.–${b.d}. ${MONTHS[b.m - 1]} ${b.y}`;
}
