import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/server/api-error';
import {
  assertReportAvailable,
  isReportAvailable,
  unitReportDetail,
} from '../../../src/server/reports/access';

const round = (status: 'draft' | 'open' | 'closed' | 'published') => ({
  status,
  closesOn: '2026-03-10',
  graceDays: 3,
});

function refusal(run: () => void): { code: string; message: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, message: error.message };
    throw error;
  }
}

describe('report access', () => {
  it('opens a published report to everyone and a closed one to admin only after the grace days', () => {
    expect(isReportAvailable(round('published'), false, '2026-03-11')).toBe(true);
    expect(isReportAvailable(round('closed'), true, '2026-03-13')).toBe(false);
    expect(isReportAvailable(round('closed'), true, '2026-03-14')).toBe(true);
    expect(isReportAvailable(round('closed'), false, '2026-03-14')).toBe(false);
    expect(isReportAvailable(round('open'), true, '2026-04-01')).toBe(false);
  });

  it('refuses with REPORT_NOT_AVAILABLE and says what the round waits for', () => {
    expect(refusal(() => assertReportAvailable(round('published'), false, '2026-03-11'))).toBeUndefined();
    expect(refusal(() => assertReportAvailable(round('closed'), false, '2026-04-01'))).toEqual({
      code: 'REPORT_NOT_AVAILABLE',
      message: 'The report is not published yet',
    });
    expect(refusal(() => assertReportAvailable(round('open'), true, '2026-04-01'))).toEqual({
      code: 'REPORT_NOT_AVAILABLE',
      message: 'The round is open; its report comes when it is published',
    });
  });

  it('reads background groups only for the municipality overview', () => {
    expect(unitReportDetail({ unitId: 'root' }, 'root')).toBe('background');
    expect(unitReportDetail({ unitId: 'root' }, 'child')).toBe('counts');
  });
});
