import { describe, expect, it } from 'vitest';
import { defaultKioskLabel, enrolmentFailure } from '../../../src/server/kiosks/enrolment';

describe('kiosk enrolment rules', () => {
  it('says why a link fails: never issued, used, or expired', () => {
    expect(enrolmentFailure(undefined)).toBe('This enrolment link is unknown');
    expect(enrolmentFailure({ used: true })).toBe('This enrolment link has been used');
    expect(enrolmentFailure({ used: false })).toBe('This enrolment link has expired');
  });

  it('numbers an unnamed kiosk after those its unit already has in the round', () => {
    expect(defaultKioskLabel(0)).toBe('Nettbrett 1');
    expect(defaultKioskLabel(2)).toBe('Nettbrett 3');
  });
});
