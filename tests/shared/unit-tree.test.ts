import { describe, expect, it } from 'vitest';
import {
  ancestorIds,
  buildTree,
  flattenTree,
  isInCycle,
  sortParentsFirst,
  subtreeIds,
} from '../../src/shared/unit-tree';

const units = [
  { id: 'c', parentId: 'a', name: 'Østre' },
  { id: 'a', parentId: null, name: 'Kommune' },
  { id: 'b', parentId: 'a', name: 'Aust' },
  { id: 'd', parentId: 'b', name: 'Stue 1' },
  { id: 'x', parentId: 'outside', name: 'Utenfor' },
];

describe('unit tree walks', () => {
  it('puts every unit after its parent, siblings in Norwegian name order, orphans as roots', () => {
    expect(sortParentsFirst(units).map((u) => u.id)).toEqual(['a', 'b', 'd', 'c', 'x']);
    expect(flattenTree(buildTree(units)).map((n) => [n.item.id, n.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['d', 2],
      ['c', 1],
      ['x', 0],
    ]);
  });

  it('builds the tree below one root only', () => {
    expect(flattenTree(buildTree(units, { rootId: 'b' })).map((n) => n.item.id)).toEqual(['b', 'd']);
    expect(buildTree(units, { rootId: 'nope' })).toEqual([]);
  });

  it('finds a subtree and nothing for an unknown root', () => {
    expect([...subtreeIds(units, 'b')].sort()).toEqual(['b', 'd']);
    expect([...subtreeIds(units, 'a')].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(subtreeIds(units, 'nope').size).toBe(0);
  });

  it('ends every walk on a cycle in bad data', () => {
    const cyclic = [
      { id: 'p', parentId: 'q', name: 'P' },
      { id: 'q', parentId: 'p', name: 'Q' },
      { id: 'r', parentId: 'q', name: 'R' },
    ];
    expect([...subtreeIds(cyclic, 'p')].sort()).toEqual(['p', 'q', 'r']);
    const parentOf = new Map(cyclic.map((u) => [u.id, u.parentId]));
    expect(ancestorIds(parentOf, 'r')).toEqual(['q', 'p']);
    expect(isInCycle(parentOf, 'p')).toBe(true);
    expect(isInCycle(parentOf, 'r')).toBe(false);
    expect(buildTree(cyclic)).toEqual([]);
  });

  it('lists ancestors nearest first', () => {
    const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
    expect(ancestorIds(parentOf, 'd')).toEqual(['b', 'a']);
    expect(ancestorIds(parentOf, 'a')).toEqual([]);
  });
});
