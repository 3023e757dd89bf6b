import { describe, expect, it } from 'vitest';
import { fingerprints } from '../../../src/server/reports/count-cache';

const total = (round_id: string, unit_id: string, responses: number) => ({ round_id, unit_id, responses });

describe('the count cache key (fingerprints of the totals)', () => {
  it('does not depend on the order the totals were read in', () => {
    const a = fingerprints([total('r1', 'u1', 3), total('r1', 'u2', 5), total('r2', 'u1', 1)]);
    const b = fingerprints([total('r2', 'u1', 1), total('r1', 'u2', 5), total('r1', 'u1', 3)]);
    expect(b).toEqual(a);
    expect([...a.keys()].sort()).toEqual(['r1', 'r2']);
  });

  it('changes for a round when any of its units gets an answer, and only for that round', () => {
    const before = fingerprints([total('r1', 'u1', 3), total('r1', 'u2', 5), total('r2', 'u1', 1)]);
    const after = fingerprints([total('r1', 'u1', 3), total('r1', 'u2', 6), total('r2', 'u1', 1)]);
    expect(after.get('r1')).not.toBe(before.get('r1'));
    expect(after.get('r2')).toBe(before.get('r2'));
  });

  it('tells a moved answer apart: the same sum over other units is another key', () => {
    const one = fingerprints([total('r1', 'u1', 4), total('r1', 'u2', 4)]);
    const other = fingerprints([total('r1', 'u1', 5), total('r1', 'u2', 3)]);
    expect(other.get('r1')).not.toBe(one.get('r1'));
  });
});
