// Owns the anonymity rule of the reports: which groups get no figures. Pure and generic over a
// tree of groups with count vectors, so the same rule serves the unit tree and background groups.
//
// THE RULE
//
// Model. Every node u of the tree (a unit) holds the answers given on it, `own(u)`, a vector of
// counts: dimension 0 is responses, the others whatever the figure is built from (for a factor: how
// many answered each of its statements). A figure shown for u covers its whole subtree, T(u) = own(u)
// plus the owns of all its descendants: it reveals the sums of T(u)'s answers. How many answered
// where is not secret (response counts per unit are shown while the round runs). What must never be
// recoverable, from any combination of the figures shown, is a sum or distribution over fewer than
// `threshold` answers.
//
// 1. Too few ('too-few'). u is suppressed when T(u) has fewer than `threshold` responses, or when
//    any other dimension of T(u) is above 0 but below `threshold` (a statement answered by only 2 of
//    10 people would give those 2 answers away).
//
// 2. Nothing by subtraction ('protects-other'). For a visible node u, its residual R(u) is T(u)
//    minus the subtrees of its maximal visible proper descendants: the answers that u's figure
//    covers and no visible figure below it does. Residuals of distinct visible nodes are disjoint and
//    together cover every answer under a visible node, and T(u) = R(u) + the T of u's maximal visible
//    descendants, so (by induction from the leaves) the visible figures determine exactly the
//    residuals and their unions. Hence the rule: every visible node's residual is, in every
//    dimension, 0 or at least `threshold`. Then any group of answers that can be worked out is a
//    union of residuals, so it has 0 or at least `threshold` answers in every dimension.
//
// Enforcing 2. Visit the visible nodes deepest first. If u's residual breaks the rule in dimension
// k (0 < R_k(u) < threshold), suppress one of u's maximal visible descendants v, chosen among those
// whose subtree has answers in a violating dimension: first one whose own residual is positive in a
// violating dimension (that fixes the dimension at once), then the one with the fewest responses
// (lose the least), then the first in tree order. Suppressing v merges R(v) into R(u) and touches no
// other residual, so nodes already visited stay valid. u itself is never the one hidden, so parents,
// and above all the root (the municipality), stay visible. Repeat until u passes, then go on.
//   - A suitable v always exists: T_k(u) >= R_k(u) > 0, and u passed rule 1, so T_k(u) >= threshold
//     > R_k(u); the difference lies in the subtrees of u's maximal visible descendants, so one of
//     them has T_k(v) > 0. (A visible node without visible descendants has R = T, which passes.)
//   - It terminates: every step suppresses one more node, and there are finitely many.
//   - Finally, a node suppressed in this way whose residual ended up empty in every dimension is
//     shown again: its figure is the sum of visible figures below it, so hiding it protects nothing,
//     and showing it changes no other residual.
//
// Merge lemma. If every visible residual keeps the rule, so does every smaller visible set:
// suppressing one more node adds its residual (valid) to that of its nearest visible ancestor
// (valid) or drops it from the figures altogether, and a sum of vectors that are each 0 or at least
// `threshold` in a dimension is again 0 or at least `threshold`. So the union of two valid
// suppression sets is valid for the dimensions of both: analyse.ts shows a factor only where a unit
// is visible both under the responses-only rule and under that factor's rule.
//
// Background breakdowns are the same rule on a two-level tree (suppressPartition): the root is the
// whole round, its children the groups of one question; answers in no group (a response that
// skipped the background part) are the root's own. The root's residual is "the complement": the
// whole minus the visible groups.
//
// Crossings between families (a unit and a background group, two groups of different questions)
// are protected by ./cross-suppression.ts, which hides more background groups where needed and
// then has this rule applied again with those groups forced hidden.

export type Suppression = 'too-few' | 'protects-other';

export interface SuppressionNode {
  id: string;
  parentId: string | null;
  /** Counts per dimension of the answers on the node itself; dimension 0 = responses. */
  own: readonly number[];
}

type Vector = number[];

interface Tree {
  ids: readonly string[];
  parent: readonly number[];
  children: readonly (readonly number[])[];
  /** Parents before children (breadth first). */
  order: readonly number[];
  own: readonly Vector[];
  total: readonly Vector[];
}

/**
 * The suppressed nodes, by id, with the reason; a node not in the map is visible. `forced` nodes
 * are hidden from the start ('protects-other' unless too few) and stay hidden: the rule then
 * protects what remains, as for any other hidden node (./cross-suppression.ts forces groups).
 */
export function suppressTree(
  nodes: readonly SuppressionNode[],
  threshold: number,
  forced: ReadonlySet<string> = new Set(),
): Map<string, Suppression> {
  if (!(threshold >= 1)) throw new Error(`threshold must be at least 1, got ${threshold}`);
  const tree = buildTree(nodes);
  const status = tree.ids.map((id, i): Suppression | undefined =>
    tooFew(tree.total[i] ?? [], threshold) ? 'too-few' : forced.has(id) ? 'protects-other' : undefined,
  );
  const hidden = tree.own.map((v) => [...v]);
  for (const u of [...tree.order].reverse()) {
    hidden[u] = hiddenMass(tree, u, status, hidden);
    if (status[u] === undefined) protectResidual(tree, u, threshold, status, hidden);
  }
  restoreNeedless(tree, status, forced);
  const result = new Map<string, Suppression>();
  status.forEach((s, i) => {
    if (s) result.set(tree.ids[i] ?? '', s);
  });
  return result;
}

/**
 * Background groups: `total` is the whole, each group a part of it (every response in at most one
 * group; what is in none counts as the whole's own). Returns the suppressed group ids.
 */
export function suppressPartition(
  total: readonly number[],
  groups: readonly { id: string; counts: readonly number[] }[],
  threshold: number,
  forced: ReadonlySet<string> = new Set(),
): Map<string, Suppression> {
  const rest = [...total];
  for (const g of groups) g.counts.forEach((c, k) => (rest[k] = (rest[k] ?? 0) - c));
  if (rest.some((c) => c < 0)) throw new Error('background groups add up to more than the whole');
  const root = { id: 'whole', parentId: null, own: rest };
  const nodes = [root, ...groups.map((g) => ({ id: `group:${g.id}`, parentId: root.id, own: g.counts }))];
  const byNode = suppressTree(nodes, threshold, new Set([...forced].map((id) => `group:${id}`)));
  const result = new Map<string, Suppression>();
  for (const g of groups) {
    const s = byNode.get(`group:${g.id}`);
    if (s) result.set(g.id, s);
  }
  return result;
}

function buildTree(nodes: readonly SuppressionNode[]): Tree {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  if (index.size !== nodes.length) throw new Error('suppression nodes have duplicate ids');
  const dims = Math.max(1, ...nodes.map((n) => n.own.length));
  const own = nodes.map((n) => Array.from({ length: dims }, (_, k) => n.own[k] ?? 0));
  if (own.some((v) => v.some((c) => !(c >= 0)))) throw new Error('counts must be non-negative');
  const parent = nodes.map((n) => {
    if (n.parentId === null) return -1;
    const p = index.get(n.parentId);
    if (p === undefined) throw new Error(`unknown parent ${n.parentId} of ${n.id}`);
    return p;
  });
  const children = nodes.map((): number[] => []);
  parent.forEach((p, i) => children[p]?.push(i));
  const order = parent.flatMap((p, i) => (p === -1 ? [i] : []));
  for (let q = 0; q < order.length; q++) order.push(...(children[order[q] ?? -1] ?? []));
  if (order.length !== nodes.length) throw new Error('suppression nodes contain a cycle');
  const total = own.map((v) => [...v]);
  for (const u of [...order].reverse()) {
    const p = parent[u] ?? -1;
    if (p !== -1) addInto(total[p] ?? [], total[u] ?? []);
  }
  return { ids: nodes.map((n) => n.id), parent, children, order, own, total };
}

function addInto(target: Vector, add: readonly number[]): void {
  for (let k = 0; k < target.length; k++) target[k] = (target[k] ?? 0) + (add[k] ?? 0);
}

function tooFew(total: readonly number[], threshold: number): boolean {
  return total.some((c, k) => (k === 0 ? c < threshold : c > 0 && c < threshold));
}

/** Dimensions in which the residual breaks the rule (above 0, below the threshold). */
function violations(residual: readonly number[], threshold: number): number[] {
  const bad: number[] = [];
  for (let k = 0; k < residual.length; k++) {
    const c = residual[k] ?? 0;
    if (c > 0 && c < threshold) bad.push(k);
  }
  return bad;
}

/**
 * The answers of u that no visible node below u covers: own(u) plus the hidden mass of its
 * suppressed children. For a visible u this is its residual R(u). Children are final when u is
 * visited (deepest first, and a visit changes nothing outside the visited node's subtree).
 */
function hiddenMass(tree: Tree, u: number, status: readonly (Suppression | undefined)[], hidden: Vector[]) {
  const mass = [...(tree.own[u] ?? [])];
  for (const c of tree.children[u] ?? []) if (status[c] !== undefined) addInto(mass, hidden[c] ?? []);
  return mass;
}

/** Suppresses maximal visible descendants of the visible node u until R(u) keeps the rule. */
function protectResidual(
  tree: Tree,
  u: number,
  threshold: number,
  status: (Suppression | undefined)[],
  hidden: Vector[],
): void {
  const residual = hidden[u] ?? [];
  let bad = violations(residual, threshold);
  if (bad.length === 0) return;
  const candidates = visibleFrontier(tree, tree.children[u] ?? [], status);
  while (bad.length > 0) {
    const pick = chooseToSuppress(tree, candidates, bad, hidden);
    // Cannot happen (see "A suitable v always exists" above); fail loudly rather than show a leak.
    if (pick === undefined) throw new Error('complementary suppression found no candidate');
    const v = candidates[pick] ?? -1;
    status[v] = 'protects-other';
    addInto(residual, hidden[v] ?? []);
    candidates.splice(pick, 1, ...visibleFrontier(tree, tree.children[v] ?? [], status));
    bad = violations(residual, threshold);
  }
}

/** The topmost visible nodes at or below `start`, looking through suppressed nodes. */
function visibleFrontier(
  tree: Tree,
  start: readonly number[],
  status: readonly (Suppression | undefined)[],
): number[] {
  const found: number[] = [];
  const stack = [...start].reverse();
  for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
    if (status[x] === undefined) found.push(x);
    else stack.push(...[...(tree.children[x] ?? [])].reverse());
  }
  return found;
}

/** Index into `candidates` of the node to suppress, or undefined when none has answers in `bad`. */
function chooseToSuppress(
  tree: Tree,
  candidates: readonly number[],
  bad: readonly number[],
  hidden: readonly Vector[],
): number | undefined {
  let best: { index: number; fixes: boolean; responses: number } | undefined;
  for (const [index, v] of candidates.entries()) {
    const total = tree.total[v] ?? [];
    if (!bad.some((k) => (total[k] ?? 0) > 0)) continue;
    const fixes = bad.some((k) => (hidden[v]?.[k] ?? 0) > 0);
    const responses = total[0] ?? 0;
    if (!best || (fixes && !best.fixes) || (fixes === best.fixes && responses < best.responses)) {
      best = { index, fixes, responses };
    }
  }
  return best?.index;
}

/** Shows again every 'protects-other' node whose residual is empty: hiding it protects nothing. */
function restoreNeedless(tree: Tree, status: (Suppression | undefined)[], forced: ReadonlySet<string>): void {
  const hidden: Vector[] = tree.own.map((v) => [...v]);
  for (const u of [...tree.order].reverse()) {
    hidden[u] = hiddenMass(tree, u, status, hidden);
    const needless = (hidden[u] ?? []).every((c) => c === 0) && !forced.has(tree.ids[u] ?? '');
    if (status[u] === 'protects-other' && needless) status[u] = undefined;
  }
}
