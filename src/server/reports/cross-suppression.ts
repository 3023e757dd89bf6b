// Owns the rule that keeps background groups safe across units and across questions (issue 11):
// which more background groups to hide so that no combination of the unit figures and the
// background figures of a round gives away fewer than `threshold` people. Pure.
//
// THE RULE (responses)
//
// Shown on a round are: the subtree of every visible unit (any role's report: admin reads them
// all), and on the municipality report every visible group of every background question, each with
// its number of responses. Every person has a place in each of these families: the nearest visible
// unit at or above their own unit (their residual, see ./suppression.ts), and per question the
// visible group they are in, or that question's "rest" (the whole minus its visible groups:
// hidden groups, and responses that skipped the background part). Call the combination of all
// these places a person's cell. Every shown figure is a sum over whole cells, so whatever can be
// worked out from the figures, by any linear combination, is a combination of cell sums: V, the
// span of the indicators (over cells) of the residuals and the visible groups.
//
// 1. Nothing about small cells alone (the span rule). No non-zero combination of the cells with
//    fewer than `threshold` responses may lie in V. Then no group below the threshold and no
//    single person can be worked out: such a group would be a union of small cells (a group of
//    fewer than `threshold` people holds no cell of `threshold` or more), and its indicator a
//    vector of V on small cells only. The test: V keeps its dimension when every small cell is
//    struck out (rank of the shown sets on the large cells = rank on all cells); a combination
//    lost that way is exactly one that lives on small cells. Residuals are disjoint, so each is
//    one dimension, and the groups are reduced against them block by block before an exact
//    elimination of the few group vectors (integers; out of range counts as a leak).
//    This is weaker than asking every cell to hold 0 or `threshold` (one group crossed with a
//    unit of 1 man and 9 women tells nothing about that man while the other men's units are not
//    told apart), and stronger than pairs: pairs alone let through men + under-30 − everyone =
//    the men under 30 when nobody is a woman over 30, and with three families the combination
//    (A + B − C) / 2 of figures whose pairwise crossings all pass.
// 2. Minimum unique people across two segments (pairs). For a shown unit and a shown group, and
//    two shown groups of different questions, each of A∖B and B∖A holds 0 or at least
//    `threshold` responses (groups of one question are disjoint; units among themselves are
//    ./suppression.ts's). The counts come from the cells.
//
// Both need the joint counts, not only pairs: per unit, how many of its own responses gave each
// background profile (aggregate background_profiles, migration 010).
//
// Enforcing it. Units are never hidden here (their rule is ./suppression.ts; with every group
// hidden the cells are the unit residuals, which that rule keeps at 0 or the threshold, so hiding
// groups always suffices). While the rules fail, one more group is hidden: for a pair, the
// smaller group of it; else among the groups with people in a small cell (or all, if none has),
// the smallest whose hiding alone passes, else the smallest. The caller re-applies each question's
// partition rule with every group hidden so far kept hidden, and asks again, until nothing changes
// (analyse.ts). Every step hides one more group, so it ends.
//
// Not covered: the answer dimensions (how many answered each statement) are checked across units
// and groups only by the families' own rules (per question, per unit tree), not in the cells: the
// counts per cell and statement are not kept. Factor figures of a group are shown only where its
// responses are, so what the check on responses protects, they do not undo; a statement that only
// a few in one cell answered is not protected across families.

/** How many of one unit's own responses gave one background profile. */
export interface ProfileCount {
  unitId: string;
  /** Question id → option value or DECLINED, for every background question. */
  answers: Readonly<Record<string, string>>;
  responses: number;
}

export interface CrossInput {
  threshold: number;
  /** Each unit's nearest visible unit at or above it (the residual it belongs to). */
  regionOf: ReadonlyMap<string, string>;
  /** Each unit's own responses (profiles included). */
  ownResponses: ReadonlyMap<string, number>;
  profiles: readonly ProfileCount[];
  /** Per question, its visible groups with their responses. */
  visible: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Each visible unit's nearest visible unit above it; null for the round's unit. */
  visibleParent: ReadonlyMap<string, string | null>;
}

const REST = '\u0000rest';

interface Cell {
  region: string;
  /** Per question (in `visible` order): a visible group's value or REST. */
  places: string[];
  responses: number;
}

/** Every non-empty cell of the round. */
export function cells(input: CrossInput): Cell[] {
  const questions = [...input.visible.keys()];
  const found = new Map<string, Cell>();
  const add = (region: string, places: string[], n: number) => {
    if (n <= 0) return;
    const key = `${region}\u0000${places.join('\u0001')}`;
    const cell = found.get(key) ?? { region, places, responses: 0 };
    cell.responses += n;
    found.set(key, cell);
  };
  const profiled = new Map<string, number>();
  for (const p of input.profiles) {
    const region = input.regionOf.get(p.unitId);
    if (region === undefined) continue;
    profiled.set(p.unitId, (profiled.get(p.unitId) ?? 0) + p.responses);
    const places = questions.map((q) => {
      const value = p.answers[q];
      return value !== undefined && input.visible.get(q)?.has(value) ? value : REST;
    });
    add(region, places, p.responses);
  }
  const everywhereRest = questions.map(() => REST);
  for (const [unitId, own] of input.ownResponses) {
    const region = input.regionOf.get(unitId);
    if (region !== undefined) add(region, everywhereRest, own - (profiled.get(unitId) ?? 0));
  }
  return [...found.values()];
}

type Group = [question: string, value: string];

/** The rank of integer vectors, exactly (fraction-free elimination; throws when out of range). */
function rank(vectors: number[][]): number {
  const rows: { pivot: number; row: number[] }[] = [];
  for (const vector of vectors) {
    let v = vector;
    for (const { pivot, row } of rows) {
      const a = v[pivot] ?? 0;
      if (a === 0) continue;
      const p = row[pivot] ?? 1;
      v = normalised(v.map((c, j) => c * p - a * (row[j] ?? 0)));
    }
    const pivot = v.findIndex((c) => c !== 0);
    if (pivot >= 0) rows.push({ pivot, row: v });
  }
  return rows.length;
}

function normalised(v: number[]): number[] {
  let g = 0;
  for (const c of v) {
    if (!Number.isSafeInteger(c)) throw new Error('cross suppression: elimination out of range');
    let [x, y] = [g, Math.abs(c)];
    while (y !== 0) [x, y] = [y, x % y];
    g = x;
  }
  return g > 1 ? v.map((c) => c / g) : v;
}

/**
 * The dimension of the shown sets' span over the cells `use` keeps: one per residual with a kept
 * cell, plus the rank of the group indicators reduced against the residuals (in each residual,
 * minus their value at its first kept cell).
 */
function shownRank(
  all: readonly Cell[],
  groups: readonly Group[],
  questions: readonly string[],
  use: (c: Cell) => boolean,
) {
  const kept = all.filter(use);
  const firstOf = new Map<string, Cell>();
  for (const c of kept) if (!firstOf.has(c.region)) firstOf.set(c.region, c);
  const inGroup = (c: Cell, [q, v]: Group) => (c.places[questions.indexOf(q)] === v ? 1 : 0);
  // The rank is that of the columns (one per kept cell); equal columns add nothing, so each
  // distinct one is kept once (a few hundred at most, however many cells).
  const columns = new Map<string, number[]>();
  for (const c of kept) {
    const first = firstOf.get(c.region)!;
    const column = groups.map((g) => inGroup(c, g) - inGroup(first, g));
    if (column.some((x) => x !== 0)) columns.set(column.join(','), column);
  }
  const reduced = groups.map((_, i) => [...columns.values()].map((column) => column[i] ?? 0));
  return firstOf.size + rank(reduced);
}

/** Rule 1 fails: some combination of small cells alone can be worked out. */
function spanLeaks(input: CrossInput, all: readonly Cell[], groups: readonly Group[]): boolean {
  const questions = [...input.visible.keys()];
  const large = (c: Cell) => c.responses >= input.threshold;
  try {
    return shownRank(all, groups, questions, large) < shownRank(all, groups, questions, () => true);
  } catch {
    return true;
  }
}

/** Rule 2: the groups of the first shown pair that differs by 1 to threshold − 1, if any. */
function pairBreach(input: CrossInput, all: readonly Cell[], groups: readonly Group[]): Group[] | undefined {
  const questions = [...input.visible.keys()];
  const small = (n: number) => n > 0 && n < input.threshold;
  const count = groups.length;
  const column = groups.map(([q]) => questions.indexOf(q));
  const groupSize = new Array<number>(count).fill(0);
  const pairMeet = groups.map(() => new Array<number>(count).fill(0));
  // Per visible unit: its own residual's responses and those in each group, then subtree sums.
  const unitSize = new Map<string, number>();
  const unitMeet = new Map<string, number[]>();
  for (const c of all) {
    const mine = groups.flatMap(([, v], i) => (c.places[column[i]!] === v ? [i] : []));
    unitSize.set(c.region, (unitSize.get(c.region) ?? 0) + c.responses);
    const meet = unitMeet.get(c.region) ?? new Array<number>(count).fill(0);
    unitMeet.set(c.region, meet);
    for (const i of mine) {
      groupSize[i] = (groupSize[i] ?? 0) + c.responses;
      meet[i] = (meet[i] ?? 0) + c.responses;
      for (const j of mine) pairMeet[i]![j] = (pairMeet[i]![j] ?? 0) + c.responses;
    }
  }
  const depth = (u: string) => {
    let d = 0;
    for (let at = input.visibleParent.get(u) ?? null; at !== null; at = input.visibleParent.get(at) ?? null)
      d++;
    return d;
  };
  const units = [...input.visibleParent.keys()].sort((a, b) => depth(b) - depth(a));
  for (const u of units) {
    const parent = input.visibleParent.get(u) ?? null;
    if (parent === null) continue;
    unitSize.set(parent, (unitSize.get(parent) ?? 0) + (unitSize.get(u) ?? 0));
    const into = unitMeet.get(parent) ?? new Array<number>(count).fill(0);
    unitMeet.set(parent, into);
    (unitMeet.get(u) ?? []).forEach((n, i) => (into[i] = (into[i] ?? 0) + n));
  }
  for (let i = 0; i < count; i++) {
    const g = groupSize[i] ?? 0;
    for (const u of units) {
      const both = unitMeet.get(u)?.[i] ?? 0;
      if (small((unitSize.get(u) ?? 0) - both) || small(g - both)) return [groups[i]!];
    }
    for (let j = i + 1; j < count; j++) {
      if (column[i] === column[j]) continue;
      const both = pairMeet[i]![j] ?? 0;
      if (small(g - both) || small((groupSize[j] ?? 0) - both)) return [groups[i]!, groups[j]!];
    }
  }
  return undefined;
}

function visibleGroups(input: CrossInput): Group[] {
  return [...input.visible].flatMap(([q, values]) => [...values.keys()].map((v): Group => [q, v]));
}

/** Whether both rules hold once `hidden` is hidden too: its cells merge into the question's rest. */
function passesWithout(input: CrossInput, all: readonly Cell[], hidden: Group): boolean {
  const narrowed = without(input, hidden);
  const column = [...input.visible.keys()].indexOf(hidden[0]);
  const merged = new Map<string, Cell>();
  for (const c of all) {
    const places = c.places.map((p, i) => (i === column && p === hidden[1] ? REST : p));
    const key = `${c.region}\u0000${places.join('\u0001')}`;
    const found = merged.get(key) ?? { region: c.region, places, responses: 0 };
    found.responses += c.responses;
    merged.set(key, found);
  }
  const cellsLeft = [...merged.values()];
  const groups = visibleGroups(narrowed);
  return !pairBreach(narrowed, cellsLeft, groups) && !spanLeaks(narrowed, cellsLeft, groups);
}

function without(input: CrossInput, [q, v]: Group): CrossInput {
  const visible = new Map(input.visible);
  visible.set(q, new Map([...(input.visible.get(q) ?? [])].filter(([value]) => value !== v)));
  return { ...input, visible };
}

/** How many candidates are tried one by one before the smallest is simply taken. */
const TRIED = 3;

/** The next group to hide, as [question id, value], or undefined when both rules hold. */
export function nextGroupToHide(input: CrossInput): Group | undefined {
  const questions = [...input.visible.keys()];
  const all = cells(input);
  const groups = visibleGroups(input);
  const sizeOf = ([q, v]: Group) => input.visible.get(q)?.get(v) ?? 0;
  const bySize = (list: Group[]) => [...list].sort((a, b) => sizeOf(a) - sizeOf(b));
  const pair = pairBreach(input, all, groups);
  if (pair) return bySize(pair)[0];
  if (!spanLeaks(input, all, groups)) return undefined;
  const inSmall = groups.filter(([q, v]) =>
    all.some((c) => c.responses < input.threshold && c.places[questions.indexOf(q)] === v),
  );
  const candidates = bySize(inSmall.length > 0 ? inSmall : groups);
  // Cannot happen: with no visible group the cells are the residuals, which the unit rule keeps
  // at 0 or the threshold. Fail loudly rather than show a leak.
  if (candidates.length === 0) throw new Error('cross suppression found no group to hide');
  return candidates.slice(0, TRIED).find((g) => passesWithout(input, all, g)) ?? candidates[0];
}
