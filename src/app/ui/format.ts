// Norwegian formatting rules: "5. juni 2026", "kl. 13.00", "3.–6. juni", decimal comma, "65,1 %"
// and "10 000" with no-break spaces. Chromium's Intl has no nynorsk month names, so nb and nn use
// our own lists; nb and nn share number formats, en uses en-GB.
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

/** Time of day in Norway: "13.05" (nb/nn) or "13:05" (en). */
export function formatTime(at: Date, lng: Language): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Oslo',
  }).formatToParts(at);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return lng === 'en' ? `${hour}:${minute}` : `${hour}.${minute}`;
}

const osloIsoDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "28. november 2026 kl. 13.05" — for the last sync. */
export function formatDateTime(at: Date, lng: Language, atWord: (time: string) => string): string {
  return `${formatDate(osloIsoDate.format(at), lng)} ${atWord(formatTime(at, lng))}`;
}

// ---- Numbers ---------------------------------------------------------------------------------

const numberLocale = (lng: Language) => (lng === 'en' ? 'en-GB' : 'nb-NO');
/** The real minus sign (U+2212), not the hyphen: Norwegian typography, and en-GB Intl uses the hyphen. */
const MINUS = '\u2212';

/**
 * Rounds to one decimal the way the formatted text does (half away from zero on the shortest
 * decimal form, so 4.35 → 4.4 although the double is 4.3499…): a colour band must match the
 * number printed in it.
 */
export function roundToTenth(value: number): number {
  const tenths = Math.round(Math.abs(Number((value * 10).toPrecision(12))));
  return value < 0 && tenths !== 0 ? -tenths / 10 : tenths / 10;
}

const oneDecimal = (lng: Language) =>
  new Intl.NumberFormat(numberLocale(lng), { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 4.25 → "4,3" (nb/nn) or "4.3" (en); one decimal always, a real minus when negative. */
export function formatDecimal(value: number, lng: Language): string {
  const rounded = roundToTenth(value);
  const text = oneDecimal(lng).format(Math.abs(rounded));
  return rounded < 0 ? `${MINUS}${text}` : text;
}

/** A change between rounds: "+0,2", "−0,1" (real minus), "0,0". */
export function formatChange(change: number, lng: Language): string {
  const rounded = roundToTenth(change);
  return rounded > 0 ? `+${formatDecimal(rounded, lng)}` : formatDecimal(rounded, lng);
}

/**
 * A share 0..1 as a percentage, one decimal unless told: 0.651 → "65,1 %" (nb/nn, with a no-break
 * space) or "65.1%" (en).
 */
export function formatPercent(share: number, lng: Language, decimals = 1): string {
  return new Intl.NumberFormat(numberLocale(lng), {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(share);
}

/** 10000 → "10 000" with a no-break space (nb/nn), "10,000" (en). */
export function formatCount(value: number, lng: Language): string {
  return new Intl.NumberFormat(numberLocale(lng)).format(value);
}
