import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_SPECS } from '../../../src/shared/api/errors';

describe('the error table', () => {
  it.each(ERROR_CODES)('gives %s an error status and a default message', (code) => {
    const { status, message } = ERROR_SPECS[code];
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(message.trim()).not.toBe('');
  });

  it('has an entry for exactly the listed codes', () => {
    expect(Object.keys(ERROR_SPECS).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('keeps a wrong password at login (401) apart from a refused password change (403)', () => {
    expect(ERROR_SPECS.INVALID_CREDENTIALS.status).toBe(401);
    expect(ERROR_SPECS.CURRENT_PASSWORD_WRONG.status).toBe(403);
    expect(ERROR_SPECS.UNAUTHENTICATED.status).toBe(401);
  });
});
