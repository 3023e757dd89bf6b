// The seeded randomness the statistical tests use (tests/support/seed.ts): the same on every call
// for one label, so a run repeats exactly, and unrelated between labels.
import { describe, expect, it } from 'vitest';
import { seededBytes, seededShuffle, seededUuid } from '../support/seed';

describe('seeded test randomness', () => {
  it('gives the same bytes for the same label and other bytes for another', () => {
    const a = seededBytes('x')(100);
    expect(seededBytes('x')(100)).toEqual(a);
    expect(seededBytes('y')(100)).not.toEqual(a);
  });

  it('continues the stream across calls instead of repeating it', () => {
    const bytes = seededBytes('x');
    const first = bytes(40);
    const second = bytes(40);
    expect(second).not.toEqual(first);
    expect([...first, ...second]).toEqual([...seededBytes('x')(80)]);
  });

  it('shuffles into a permutation of the input, the same one every time', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = seededShuffle(items, 'order');
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(seededShuffle(items, 'order')).toEqual(shuffled);
  });

  it('makes version-4 UUIDs', () => {
    const bytes = seededBytes('ids');
    const ids = Array.from({ length: 20 }, () => seededUuid(bytes));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(20);
  });
});
