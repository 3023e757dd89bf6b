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
// these places a person's cell. Every shown figure is a sum over whole cells, so anything that can
// be worked out from the figures, by any linear combination, is a sum over whole cells too. Hence:
// when every cell holds 0 or at least `threshold` responses, no group below the threshold and no
// single person can be worked out. That is what is enforced here.
//
// It implies the pairwise rule ("no two shown groups, and no shown unit and shown group, differ by
// 1 to threshold−1 people": A∖B is a union of cells), and is stronger on purpose: pairs alone let
// through men + under-25 − everyone = men under 25 when nobody is a woman over 25, and with three
// or more families a small cell can be the combination (A + B − C)/2 of figures whose pairwise
// crossings all pass. Checking cells needs the joint counts, not only pairs: per unit, how many of
// its own responses gave each background profile (aggregate background_profiles, migration 010).
//
// Enforcing it. Units are never hidden here (their rule is ./suppression.ts; with every group
// hidden a cell is a unit residual, which that rule already keeps at 0 or the threshold, so hiding
// groups always suffices). While some cell breaks the rule, one more group is hidden: among the
// visible groups that name the cell, the one with the fewest responses; when the cell is in the
// rest of every question, the smallest visible group with people in the same residual. The caller
// then re-applies each question's partition rule with every group hidden so far kept hidden, and
// asks again, until nothing changes (analyse.ts). Every step hides one more group, so it ends.
//
// Not covered: the answer dimensions (how many answered each statement) are checked across units
// and groups only by the families' own rules (per question, per unit tree), not in the cells: the
// counts per cell and statement are not kept. Factor figures of a group are shown only where its
// responses are, so what a cell check on responses protects, they do not undo; a statement that
// only a few in one cell answered is not protected across families.

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
    const key = JSON.stringify([region, places]);
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

/**
 * The next group to hide, as [question id, value], or undefined when every cell holds 0 or at
 * least `threshold` responses.
 */
export function nextGroupToHide(input: CrossInput): [string, string] | undefined {
  const questions = [...input.visible.keys()];
  const all = cells(input);
  const bad = all.find((c) => c.responses > 0 && c.responses < input.threshold);
  if (!bad) return undefined;
  const sizeOf = (q: string, v: string) => input.visible.get(q)?.get(v) ?? 0;
  let named: [string, string][] = questions.flatMap((q, i) => {
    const v = bad.places[i] ?? REST;
    return v === REST ? [] : [[q, v] as [string, string]];
  });
  if (named.length === 0) {
    // In the rest of every question: merge in a visible group that has people in this residual.
    named = all
      .filter((c) => c.region === bad.region)
      .flatMap((c) =>
        questions.flatMap((q, i) => (c.places[i] === REST ? [] : [[q, c.places[i]!] as [string, string]])),
      );
  }
  // Cannot happen: a cell in every rest is the residual itself, which the unit rule keeps at 0 or
  // the threshold unless a visible group takes part of it. Fail loudly rather than show a leak.
  if (named.length === 0) throw new Error('cross suppression found no group to hide');
  return named.reduce((best, g) => (sizeOf(g[0], g[1]) < sizeOf(best[0], best[1]) ? g : best));
}
