import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/server/api-error';

describe('ApiError', () => {
  it('takes its status from the table and its message from the thrower or the table', () => {
    const specific = new ApiError('ROUND_LOCKED', 'name cannot change once the round is open');
    expect(specific).toMatchObject({
      statusCode: 409,
      code: 'ROUND_LOCKED',
      message: 'name cannot change once the round is open',
    });
    expect(new ApiError('NOT_FOUND')).toMatchObject({ statusCode: 404, message: 'Not found' });
  });
});
