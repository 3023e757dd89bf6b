import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatDateTime, formatTime } from '../../../src/app/ui/format';

describe('Norwegian date and time formatting', () => {
  it('writes dates as "5. juni 2026" in bokmål and nynorsk, without relying on Intl for nn', () => {
    expect(formatDate('2026-06-05', 'nb')).toBe('5. juni 2026');
    expect(formatDate('2026-12-31', 'nn')).toBe('31. desember 2026');
    expect(formatDate('2026-06-05', 'en')).toBe('5 June 2026');
  });

  it('joins periods with an en dash and drops what the two ends share', () => {
    expect(formatDateRange('2026-06-03', '2026-06-16', 'nb')).toBe('3.–16. juni 2026');
    expect(formatDateRange('2026-05-28', '2026-06-10', 'nn')).toBe('28. mai–10. juni 2026');
    expect(formatDateRange('2026-12-28', '2027-01-08', 'nb')).toBe('28. desember 2026–8. januar 2027');
  });

  it('shows the time of day in Norway as 13.05 whatever the device zone', () => {
    const at = new Date('2026-11-28T12:05:00Z');
    expect(formatTime(at, 'nb')).toBe('13.05');
    expect(formatTime(at, 'en')).toBe('13:05');
    expect(formatDateTime(at, 'nn', (time) => `kl. ${time}`)).toBe('28. november 2026 kl. 13.05');
  });
});
