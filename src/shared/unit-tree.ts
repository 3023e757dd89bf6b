// Owns every walk over a unit tree held in memory: the staff screens, the server's CSV check, the
// report's round tree and the round-unit check all use these instead of walking parents by hand.
// Every walk is safe against a cycle in bad data (it stops at a unit it has already seen), and a
// unit whose parent is not in the list (outside the caller's scope or the round) counts as a root.

export interface TreeUnit {
  id: string;
  parentId: string | null;
}

export interface TreeNode<T> {
  item: T;
  depth: number;
  children: TreeNode<T>[];
}

const byName = (a: { name?: string }, b: { name?: string }) =>
  (a.name ?? '').localeCompare(b.name ?? '', 'nb');

/** Children per parent id; units whose parent is missing from the list sit under null. */
export function childrenByParent<T extends TreeUnit>(items: readonly T[]): Map<string | null, T[]> {
  const ids = new Set(items.map((i) => i.id));
  const byParent = new Map<string | null, T[]>();
  for (const item of items) {
    const key = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    const siblings = byParent.get(key);
    if (siblings) siblings.push(item);
    else byParent.set(key, [item]);
  }
  return byParent;
}

/**
 * The list as a tree, siblings in Norwegian name order (or `compare`). With `rootId`, only that
 * unit and what lies below it. Units caught in a cycle are left out rather than recursed for ever.
 */
export function buildTree<T extends TreeUnit & { name?: string }>(
  items: readonly T[],
  options: { rootId?: string; compare?: (a: T, b: T) => number } = {},
): TreeNode<T>[] {
  const compare = options.compare ?? byName;
  const byParent = childrenByParent(items);
  const placed = new Set<string>();
  const grow = (siblings: readonly T[], depth: number): TreeNode<T>[] =>
    siblings
      .filter((item) => !placed.has(item.id) && placed.add(item.id))
      .sort(compare)
      .map((item) => ({ item, depth, children: grow(byParent.get(item.id) ?? [], depth + 1) }));
  if (options.rootId === undefined) return grow(byParent.get(null) ?? [], 0);
  const root = items.find((i) => i.id === options.rootId);
  return root ? grow([root], 0) : [];
}

/** Depth-first, parents before children: for selects and tables that show the tree by indent. */
export function flattenTree<T>(nodes: readonly TreeNode<T>[]): TreeNode<T>[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The units parents first, siblings by name: every unit comes after its parent. */
export function sortParentsFirst<T extends TreeUnit & { name?: string }>(items: readonly T[]): T[] {
  return flattenTree(buildTree(items)).map((node) => node.item);
}

/** The unit and every unit below it, in the list given. Empty when the unit is not in it. */
export function subtreeIds(items: readonly TreeUnit[], rootId: string): Set<string> {
  const byParent = childrenByParent(items);
  const found = new Set<string>();
  if (!items.some((i) => i.id === rootId)) return found;
  const stack = [rootId];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    if (found.has(at)) continue;
    found.add(at);
    for (const child of byParent.get(at) ?? []) stack.push(child.id);
  }
  return found;
}

/** The parent chain above `id`, nearest first (without `id`). Stops at a repeat, so a cycle ends it. */
export function ancestorIds(parentOf: ReadonlyMap<string, string | null>, id: string): string[] {
  const chain: string[] = [];
  const seen = new Set([id]);
  for (let at = parentOf.get(id) ?? null; at !== null && !seen.has(at); at = parentOf.get(at) ?? null) {
    chain.push(at);
    seen.add(at);
  }
  return chain;
}

/** Whether following parents from `id` ever comes back to `id`. */
export function isInCycle(parentOf: ReadonlyMap<string, string | null>, id: string): boolean {
  const seen = new Set<string>();
  for (let at = parentOf.get(id) ?? null; at !== null; at = parentOf.get(at) ?? null) {
    if (at === id) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}
