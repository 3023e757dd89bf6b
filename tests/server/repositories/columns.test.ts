import { describe, expect, it } from 'vitest';
import { fromFlag, toFlag } from '../../../src/server/repositories/columns';

describe('stored flags', () => {
  it('reads 0/1 from SQLite, integers or booleans from PostgreSQL, and counts as text', () => {
    expect([1, '1', true].map(fromFlag)).toEqual([true, true, true]);
    expect([0, '0', false, null, undefined, 2].map(fromFlag)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('writes 0/1 and leaves an absent value out of a partial update', () => {
    expect([toFlag(true), toFlag(false), toFlag(undefined)]).toEqual([1, 0, undefined]);
  });
});
