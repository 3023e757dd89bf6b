import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatDecimal,
  formatPercent,
  roundToTenth,
} from '../../../src/app/ui/format';

const NBSP = '\u00a0';
const MINUS = '\u2212';

describe('Norwegian number formatting', () => {
  it('writes averages with one decimal and a decimal comma in nb and nn, a point in en', () => {
    expect(formatDecimal(4.25, 'nb')).toBe('4,3');
    expect(formatDecimal(4, 'nn')).toBe('4,0');
    expect(formatDecimal(4.25, 'en')).toBe('4.3');
    expect(formatDecimal(-1.26, 'nb')).toBe(`${MINUS}1,3`);
  });

  it('rounds half away from zero on the decimal the server sent, not on the binary double', () => {
    // 4.35 is 4.3499999… as a double; printed "4,4" everywhere, so bands must agree.
    expect(roundToTenth(4.35)).toBe(4.4);
    expect(roundToTenth(3.95)).toBe(4);
    expect(roundToTenth(4.44)).toBe(4.4);
    expect(roundToTenth(-0.15)).toBe(-0.2);
    expect(roundToTenth(-0.04)).toBe(0);
    expect(formatDecimal(4.35, 'nb')).toBe('4,4');
  });

  it('writes a share as "65,1 %" with a no-break space in nb and nn, "65.1%" in en', () => {
    expect(formatPercent(482 / 740, 'nb')).toBe(`65,1${NBSP}%`);
    expect(formatPercent(0.5, 'nn')).toBe(`50,0${NBSP}%`);
    expect(formatPercent(482 / 740, 'en')).toBe('65.1%');
    expect(formatPercent(0.234, 'nb', 0)).toBe(`23${NBSP}%`);
  });

  it('signs a change with a plus or a real minus, and shows no change as 0,0', () => {
    expect(formatChange(0.2, 'nb')).toBe('+0,2');
    expect(formatChange(-0.1, 'nb')).toBe(`${MINUS}0,1`);
    expect(formatChange(-0.1, 'en')).toBe(`${MINUS}0.1`);
    expect(formatChange(0, 'nn')).toBe('0,0');
    expect(formatChange(-0.04, 'nb')).toBe('0,0');
  });

  it('groups thousands with a no-break space in nb and nn', () => {
    expect(formatCount(10000, 'nb')).toBe(`10${NBSP}000`);
    expect(formatCount(10000, 'en')).toBe('10,000');
  });
});
