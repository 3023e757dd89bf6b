// Norwegian formatting rules: decimal comma, "65,1 %" and "10 000" with no-break spaces; nb and nn
// share number formats, en uses en-GB. The dates ("5. juni 2026", "3.–6. juni") and times ("kl.
// 13.00") are in date-format.ts and time-format.ts, re-exported here, so the start screen can take
// the dates alone.
import type { Language } from '../../shared/languages';

export { formatDate, formatDateRange } from './date-format';
export { formatDateTime, formatTime } from './time-format';

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
