// Turns the flat unit list (parents first) into a tree for display. A unit whose parent is not in
// the list, because it is outside the person's scope, is shown as a root.
export interface TreeNode<T> {
  item: T;
  depth: number;
  children: TreeNode<T>[];
}

interface TreeItem {
  id: string;
  parentId: string | null;
  name: string;
}

export function buildTree<T extends TreeItem>(items: readonly T[]): TreeNode<T>[] {
  const ids = new Set(items.map((i) => i.id));
  const byParent = new Map<string | null, T[]>();
  for (const item of items) {
    const key = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), item]);
  }
  // The ids already placed stop a cycle in bad data from recursing for ever.
  const placed = new Set<string>();
  const grow = (parent: string | null, depth: number): TreeNode<T>[] =>
    (byParent.get(parent) ?? [])
      .filter((item) => !placed.has(item.id) && placed.add(item.id))
      .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
      .map((item) => ({ item, depth, children: grow(item.id, depth + 1) }));
  return grow(null, 0);
}

/** Depth-first, parents before children: for selects and tables that show the tree by indent. */
export function flattenTree<T>(nodes: readonly TreeNode<T>[]): TreeNode<T>[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}
