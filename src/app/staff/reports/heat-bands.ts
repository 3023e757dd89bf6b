// The shade bands of the heat map, after KS's guidance: a factor average above 4 is good, around
// 4.5 ideal. The band follows the number printed in the cell (rounded to one decimal), so "4,0"
// never sits in the "3,5–3,9" shade.
import { roundToTenth } from '../../ui/format';

export const HEAT_BANDS = ['low', 'mid', 'good', 'top'] as const;
export type HeatBand = (typeof HEAT_BANDS)[number];

/** The lower bound of each band but the first. */
export const BAND_LIMITS = { mid: 3.5, good: 4, top: 4.5 } as const;

export function heatBand(average: number): HeatBand {
  const shown = roundToTenth(average);
  if (shown >= BAND_LIMITS.top) return 'top';
  if (shown >= BAND_LIMITS.good) return 'good';
  if (shown >= BAND_LIMITS.mid) return 'mid';
  return 'low';
}
