// The anonymity rule of src/server/reports/suppression.ts, proved over random unit trees, and
// with ./cross-suppression.ts over random populations with units and background answers (the real
// analysis, analyse.ts, run on them). The
// reference computations here (subtree totals, residuals, linear spans) are written independently
// of the implementation: naive, by walking ancestor paths, with exact integer arithmetic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  suppressPartition,
  suppressTree,
  type Suppression,
  type SuppressionNode,
} from '../../../src/server/reports/suppression';
import { analyseRound, backgroundBreakdowns } from '../../../src/server/reports/analyse';
import type { BackgroundProfileCounts, RoundData } from '../../../src/server/reports/model';
import {
  DECLINED,
  type BackgroundQuestionId,
  type Questionnaire,
} from '../../../src/shared/questionnaire/types';
import { REPLAY, useFastCheckSeed } from '../../support/seed';

// A fixed seed (TEST_SEED overrides it): the same cases on every run, replayable from the report.
useFastCheckSeed();

// ---- Exact linear algebra ------------------------------------------------------------------------

/**
 * The span of integer vectors, kept as fraction-free row echelon form: each row is zero at the
 * pivots of the rows before it, so a vector lies in the span exactly when reducing it leaves zero.
 */
class Span {
  private readonly rows: { pivot: number; row: bigint[] }[] = [];

  add(vector: readonly bigint[]): void {
    const row = this.reduce(vector);
    const pivot = row.findIndex((c) => c !== 0n);
    if (pivot >= 0) this.rows.push({ pivot, row });
  }

  contains(vector: readonly bigint[]): boolean {
    return this.reduce(vector).every((c) => c === 0n);
  }

  private reduce(vector: readonly bigint[]): bigint[] {
    let v = [...vector];
    for (const { pivot, row } of this.rows) {
      const a = v[pivot] ?? 0n;
      if (a === 0n) continue;
      const p = row[pivot] ?? 1n;
      v = withoutCommonFactor(v.map((c, j) => c * p - a * (row[j] ?? 0n)));
    }
    return v;
  }
}

function withoutCommonFactor(v: bigint[]): bigint[] {
  const gcd = v.reduce((g, c) => {
    let [x, y] = [g, c < 0n ? -c : c];
    while (y !== 0n) [x, y] = [y, x % y];
    return x;
  }, 0n);
  return gcd > 1n ? v.map((c) => c / gcd) : v;
}

function indicator(atoms: readonly number[], members: ReadonlySet<number>): bigint[] {
  return atoms.map((a) => (members.has(a) ? 1n : 0n));
}

// ---- Reference tree computations ---------------------------------------------------------------

interface Case {
  nodes: SuppressionNode[];
  threshold: number;
  dims: number;
}

interface Reference {
  parent: (number | null)[];
  /** Every node of the subtree of i, i included. */
  subtree: Set<number>[];
  total: number[][];
}

function reference({ nodes, dims }: Case): Reference {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const parent = nodes.map((n) => (n.parentId === null ? null : (index.get(n.parentId) ?? null)));
  const ancestorsOf = (i: number) => {
    const path: number[] = [];
    for (let p = parent[i] ?? null; p !== null; p = parent[p] ?? null) path.push(p);
    return path;
  };
  const subtree = nodes.map((_, i) => new Set([i]));
  nodes.forEach((_, i) => ancestorsOf(i).forEach((a) => subtree[a]?.add(i)));
  const total = subtree.map((members) =>
    Array.from({ length: dims }, (_, k) => [...members].reduce((s, m) => s + (nodes[m]?.own[k] ?? 0), 0)),
  );
  return { parent, subtree, total };
}

/** Visible nodes below u with no visible node between them and u. */
function maximalVisibleBelow(ref: Reference, u: number, visible: (i: number) => boolean): number[] {
  return [...(ref.subtree[u] ?? [])].filter((v) => {
    if (v === u || !visible(v)) return false;
    for (let p = ref.parent[v] ?? null; p !== u && p !== null; p = ref.parent[p] ?? null) {
      if (visible(p)) return false;
    }
    return true;
  });
}

function residual(ref: Reference, u: number, visible: (i: number) => boolean): number[] {
  const below = maximalVisibleBelow(ref, u, visible);
  return (ref.total[u] ?? []).map((t, k) => below.reduce((r, v) => r - (ref.total[v]?.[k] ?? 0), t));
}

/** A group with answers in (0, threshold) in this dimension: one nobody may work out. */
const isSmall = (count: number, threshold: number) => count > 0 && count < threshold;

// ---- Generators ----------------------------------------------------------------------------------

/** Own counts: dimension 0 in 0..12, the others never above dimension 0 (answers ≤ responses). */
const ownCounts = (dims: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.array(fc.nat(), { minLength: dims - 1, maxLength: dims - 1 }))
    .map(([responses, rest]) => [responses, ...rest.map((r) => r % (responses + 1))]);

/** 1–30 nodes, node i hangs under a random earlier node; the input order is shuffled. */
const caseArb: fc.Arbitrary<Case> = fc
  .record({ dims: fc.integer({ min: 1, max: 3 }), threshold: fc.integer({ min: 3, max: 7 }) })
  .chain(({ dims, threshold }) =>
    fc
      .array(fc.record({ parent: fc.nat(), own: ownCounts(dims), key: fc.double({ noNaN: true }) }), {
        minLength: 1,
        maxLength: 30,
      })
      .map((raw) => {
        const nodes = raw.map((r, i) => ({
          id: `n${i}`,
          parentId: i === 0 ? null : `n${r.parent % i}`,
          own: r.own,
        }));
        const shuffled = nodes
          .map((n, i) => ({ n, key: raw[i]?.key ?? 0 }))
          .sort((a, b) => a.key - b.key)
          .map(({ n }) => n);
        return { nodes: shuffled, threshold, dims };
      }),
  );

// ---- Properties ----------------------------------------------------------------------------------

function statusOf(c: Case): { result: Map<string, Suppression>; visible: (i: number) => boolean } {
  const result = suppressTree(c.nodes, c.threshold);
  return { result, visible: (i) => !result.has(c.nodes[i]?.id ?? '') };
}

describe('suppressTree over random trees', () => {
  it('(a) suppresses as too few exactly the groups below the threshold (responses, or any answers count)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const ref = reference(c);
        const { result } = statusOf(c);
        c.nodes.forEach((n, i) => {
          const total = ref.total[i] ?? [];
          const tooFew = (total[0] ?? 0) < c.threshold || total.slice(1).some((t) => isSmall(t, c.threshold));
          expect(result.get(n.id) === 'too-few').toBe(tooFew);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('(b) leaves every visible node a residual of 0 or at least the threshold, in every dimension', () => {
    let complementary = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const ref = reference(c);
        const { result, visible } = statusOf(c);
        if ([...result.values()].includes('protects-other')) complementary += 1;
        c.nodes.forEach((_, u) => {
          if (!visible(u)) return;
          for (const r of residual(ref, u, visible)) expect(isSmall(r, c.threshold)).toBe(false);
        });
      }),
      { numRuns: 300 },
    );
    // The generator does reach complementary suppression, so (b) is not proved on easy cases only.
    expect(complementary).toBeGreaterThan(20);
  });

  it('(c) puts no group of fewer than threshold answers, and no suppressed subtree, in the span of the visible figures', () => {
    const groupsArb = fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { maxLength: 8 });
    fc.assert(
      fc.property(caseArb, groupsArb, (c, randomGroups) => {
        const ref = reference(c);
        const { result, visible } = statusOf(c);
        for (let k = 0; k < c.dims; k++) {
          // Atoms: the answer sets of the nodes themselves, where non-empty in this dimension.
          const own = (i: number) => c.nodes[i]?.own[k] ?? 0;
          const atoms = c.nodes.map((_, i) => i).filter((i) => own(i) > 0);
          const span = new Span();
          c.nodes.forEach((_, u) => visible(u) && span.add(indicator(atoms, ref.subtree[u] ?? new Set())));
          const hiddenGroups: Set<number>[] = [];
          c.nodes.forEach((n, s) => {
            const t = ref.total[s]?.[k] ?? 0;
            // Every suppressed group's responses; in the answer dimensions, every too-small one.
            if (result.has(n.id) && (k === 0 ? t > 0 : isSmall(t, c.threshold))) {
              hiddenGroups.push(ref.subtree[s] ?? new Set());
            }
          });
          for (const a of atoms) if (isSmall(own(a), c.threshold)) hiddenGroups.push(new Set([a]));
          for (const picks of randomGroups) {
            const members = new Set(picks.map((p) => p % c.nodes.length));
            const size = [...members].reduce((sum, m) => sum + own(m), 0);
            if (isSmall(size, c.threshold)) hiddenGroups.push(members);
          }
          for (const members of hiddenGroups) expect(span.contains(indicator(atoms, members))).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('(d) suppresses nothing but empty groups when every own count is 0 or at least the threshold', () => {
    fc.assert(
      fc.property(caseArb, (generated) => {
        const t = generated.threshold;
        const nodes = generated.nodes.map((n) => ({ ...n, own: n.own.map((x) => (x < t ? 0 : x)) }));
        const c = { ...generated, nodes };
        const ref = reference(c);
        const expected = new Map(
          nodes.flatMap((n, i) => ((ref.total[i]?.[0] ?? 0) === 0 ? [[n.id, 'too-few'] as const] : [])),
        );
        expect(suppressTree(nodes, t)).toEqual(expected);
      }),
    );
  });

  it('hides to protect others only where it must: such nodes pass on their own, keep answers hidden, sit below a visible node', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const ref = reference(c);
        const { result, visible } = statusOf(c);
        c.nodes.forEach((n, s) => {
          if (result.get(n.id) !== 'protects-other') return;
          expect(n.parentId).not.toBeNull();
          let anchor = ref.parent[s] ?? null;
          while (anchor !== null && !visible(anchor)) anchor = ref.parent[anchor] ?? null;
          expect(anchor).not.toBeNull();
          // Showing it again would leave it a residual of its own: the answers it keeps hidden.
          const shown = (i: number) => i === s || visible(i);
          expect(residual(ref, s, shown).some((r) => r > 0)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the span check itself', () => {
  it('finds the leak that complementary suppression prevents: parent minus the visible child', () => {
    // Parent 12 = children 10 + 2. Showing the parent and the 10 gives the 2 away.
    const atoms = [1, 2];
    const span = new Span();
    span.add(indicator(atoms, new Set([0, 1, 2])));
    span.add(indicator(atoms, new Set([1])));
    expect(span.contains(indicator(atoms, new Set([2])))).toBe(true);
    // With the 10 hidden as well, the parent alone says nothing about either child.
    const safe = new Span();
    safe.add(indicator(atoms, new Set([0, 1, 2])));
    expect(safe.contains(indicator(atoms, new Set([2])))).toBe(false);
    expect(safe.contains(indicator(atoms, new Set([1])))).toBe(false);
  });

  it('decides membership exactly, also for combinations with negative and non-unit coefficients', () => {
    const span = new Span();
    span.add([2n, 1n, 0n, 0n]);
    span.add([0n, 1n, 1n, 0n]);
    span.add([4n, 3n, 1n, 0n]); // 2·first + second: adds nothing
    expect(span.contains([2n, 0n, -1n, 0n])).toBe(true); // first − second
    expect(span.contains([1n, 0n, 0n, 0n])).toBe(false);
    expect(span.contains([0n, 0n, 0n, 1n])).toBe(false);
  });
});

// ---- Examples ------------------------------------------------------------------------------------

const node = (id: string, parentId: string | null, ...own: number[]): SuppressionNode => ({
  id,
  parentId,
  own,
});

describe('suppressTree examples (threshold 5)', () => {
  it('suppresses 4 answers and shows 5 and 6', () => {
    expect(suppressTree([node('u', null, 4)], 5)).toEqual(new Map([['u', 'too-few']]));
    expect(suppressTree([node('u', null, 5)], 5)).toEqual(new Map());
    expect(suppressTree([node('u', null, 6)], 5)).toEqual(new Map());
  });

  it('hides the sibling of 10 when the other child has 2: parent minus 10 would give the 2 away', () => {
    const result = suppressTree([node('p', null, 0), node('big', 'p', 10), node('small', 'p', 2)], 5);
    expect(result).toEqual(
      new Map<string, Suppression>([
        ['big', 'protects-other'],
        ['small', 'too-few'],
      ]),
    );
  });

  it('hides one child of 10 when the parent holds 2 answers itself, and keeps the parent', () => {
    const result = suppressTree([node('p', null, 2), node('a', 'p', 10), node('b', 'p', 10)], 5);
    expect(result).toEqual(new Map([['a', 'protects-other']]));
  });

  it('hides the smaller of two siblings when either would do', () => {
    const result = suppressTree(
      [node('p', null, 0), node('large', 'p', 20), node('medium', 'p', 8), node('small', 'p', 3)],
      5,
    );
    expect(result).toEqual(
      new Map<string, Suppression>([
        ['medium', 'protects-other'],
        ['small', 'too-few'],
      ]),
    );
  });

  it('goes deeper when hiding a child alone would not do: parent minus that child still gives the 2', () => {
    // Under the root: s (own 0) with children 10 and 10, and a unit of 2. Hiding s alone leaves
    // root − s1 − s2 = the 2; one of s's children must go as well.
    const result = suppressTree(
      [
        node('root', null, 0),
        node('s', 'root', 0),
        node('s1', 's', 10),
        node('s2', 's', 10),
        node('x', 'root', 2),
      ],
      5,
    );
    expect(result).toEqual(
      new Map<string, Suppression>([
        ['s', 'protects-other'],
        ['s1', 'protects-other'],
        ['x', 'too-few'],
      ]),
    );
  });

  it('suppresses a group whose statement only 2 of 10 answered, and protects it from subtraction', () => {
    // Dimension 1: how many answered a statement. Child b: 10 responses, 2 answered.
    const result = suppressTree([node('p', null, 0, 0), node('a', 'p', 10, 10), node('b', 'p', 10, 2)], 5);
    expect(result).toEqual(
      new Map<string, Suppression>([
        ['a', 'protects-other'],
        ['b', 'too-few'],
      ]),
    );
  });

  it('shows nothing under a group that has too few itself, and never hides a visible root', () => {
    const result = suppressTree([node('p', null, 10), node('a', 'p', 3), node('a1', 'a', 1)], 5);
    expect(result).toEqual(
      new Map<string, Suppression>([
        ['a', 'too-few'],
        ['a1', 'too-few'],
      ]),
    );
  });

  it('refuses malformed trees and thresholds instead of guessing', () => {
    expect(() => suppressTree([node('a', 'ghost', 5)], 5)).toThrow(/unknown parent/);
    expect(() => suppressTree([node('a', 'b', 5), node('b', 'a', 5)], 5)).toThrow(/cycle/);
    expect(() => suppressTree([node('a', null, 5), node('a', null, 5)], 5)).toThrow(/duplicate/);
    expect(() => suppressTree([node('a', null, -1)], 5)).toThrow(/non-negative/);
    expect(() => suppressTree([node('a', null, 5)], 0)).toThrow(/threshold/);
  });
});

// ---- Background partitions -----------------------------------------------------------------------

interface PartitionCase {
  groups: { id: string; counts: number[] }[];
  /** Answers in no group (responses that skipped the background part). */
  rest: number[];
  threshold: number;
  dims: number;
}

const partitionArb: fc.Arbitrary<PartitionCase> = fc
  .record({ dims: fc.integer({ min: 1, max: 3 }), threshold: fc.integer({ min: 3, max: 7 }) })
  .chain(({ dims, threshold }) =>
    fc
      .record({
        groups: fc.array(ownCounts(dims), { minLength: 1, maxLength: 8 }),
        rest: fc.oneof(fc.constant(new Array<number>(dims).fill(0)), ownCounts(dims)),
      })
      .map(({ groups, rest }) => ({
        groups: groups.map((counts, i) => ({ id: `g${i}`, counts })),
        rest,
        threshold,
        dims,
      })),
  );

function wholeOf(c: PartitionCase): number[] {
  return c.rest.map((r, k) => c.groups.reduce((sum, g) => sum + (g.counts[k] ?? 0), r));
}

describe('suppressPartition over random background groups', () => {
  it('(e) hides small groups, keeps visible groups and the complement at 0 or the threshold, leaks nothing', () => {
    fc.assert(
      fc.property(partitionArb, (c) => {
        const whole = wholeOf(c);
        const result = suppressPartition(whole, c.groups, c.threshold);
        const visible = c.groups.filter((g) => !result.has(g.id));
        for (const g of c.groups) {
          const tooFew =
            (g.counts[0] ?? 0) < c.threshold || g.counts.slice(1).some((x) => isSmall(x, c.threshold));
          expect(result.get(g.id) === 'too-few').toBe(tooFew);
        }
        // A whole below the threshold is itself shown by no one: then there is no complement to keep.
        const wholeShown = (whole[0] ?? 0) >= c.threshold && !whole.some((x) => isSmall(x, c.threshold));
        for (let k = 0; k < c.dims; k++) {
          const complement = visible.reduce((r, g) => r - (g.counts[k] ?? 0), whole[k] ?? 0);
          if (wholeShown) expect(isSmall(complement, c.threshold)).toBe(false);
          // Atoms: the groups and the rest (index = groups.length), where non-empty in this dim.
          const counts = [...c.groups.map((g) => g.counts[k] ?? 0), c.rest[k] ?? 0];
          const atoms = counts.flatMap((x, i) => (x > 0 ? [i] : []));
          const span = new Span();
          if (wholeShown) span.add(indicator(atoms, new Set(counts.keys())));
          c.groups.forEach((g, i) => !result.has(g.id) && span.add(indicator(atoms, new Set([i]))));
          c.groups.forEach((g, i) => {
            const x = counts[i] ?? 0;
            if (result.has(g.id) && (k === 0 ? x > 0 : isSmall(x, c.threshold))) {
              expect(span.contains(indicator(atoms, new Set([i])))).toBe(false);
            }
          });
          if (isSmall(c.rest[k] ?? 0, c.threshold)) {
            expect(span.contains(indicator(atoms, new Set([c.groups.length])))).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows every group when each has at least the threshold and nothing is left over', () => {
    const result = suppressPartition(
      [30, 28],
      [
        { id: 'woman', counts: [12, 11] },
        { id: 'man', counts: [10, 10] },
        { id: 'declined', counts: [8, 7] },
      ],
      5,
    );
    expect(result).toEqual(new Map());
  });

  it('hides a second group when only one is too small: the whole minus the rest would give it away', () => {
    const result = suppressPartition(
      [20],
      [
        { id: 'woman', counts: [10] },
        { id: 'man', counts: [8] },
        { id: 'declined', counts: [2] },
      ],
      5,
    );
    expect(result).toEqual(
      new Map<string, Suppression>([
        ['man', 'protects-other'],
        ['declined', 'too-few'],
      ]),
    );
  });

  it('protects the responses in no group (the complement) like any other group', () => {
    const result = suppressPartition(
      [23],
      [
        { id: 'woman', counts: [10] },
        { id: 'man', counts: [10] },
      ],
      5,
    );
    expect(result).toEqual(new Map([['woman', 'protects-other']]));
  });

  it('refuses groups that add up to more than the whole', () => {
    expect(() => suppressPartition([5], [{ id: 'a', counts: [6] }], 5)).toThrow(/more than the whole/);
  });
});

// ---- Background groups across units and questions (issue 11) -------------------------------------

/** One person: their unit, and their background answers (null: skipped the background part). */
interface Person {
  unit: number;
  background: Record<string, string> | null;
}

interface CrossCase {
  threshold: number;
  /** parent[i] < i; parent[0] = -1 (the municipality). */
  parent: number[];
  /** Question id → its option values (DECLINED comes on top). */
  questions: Record<string, string[]>;
  people: Person[];
}

const QUESTION_OPTIONS: Partial<Record<BackgroundQuestionId, string[]>> = {
  gender: ['woman', 'man'],
  ageGroup: ['u25', 'mid', 'old'],
  education: ['school', 'college'],
};

/** An answer that left every background question out skipped the part (the device sends {}). */
const nonEmpty = (b: Record<string, string>) => (Object.keys(b).length === 0 ? null : b);

const crossArb: fc.Arbitrary<CrossCase> = fc
  .record({
    threshold: fc.integer({ min: 3, max: 6 }),
    parents: fc.array(fc.nat(), { minLength: 0, maxLength: 6 }),
    questionCount: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ threshold, parents, questionCount }) => {
    const parent = [-1, ...parents.map((p, i) => p % (i + 1))];
    const questions = Object.fromEntries(Object.entries(QUESTION_OPTIONS).slice(0, questionCount));
    // Skewed populations: each unit leans to some answers, so crossings get small.
    const personArb = fc.record({
      unit: fc.nat({ max: parent.length - 1 }),
      skipped: fc.integer({ min: 0, max: 9 }),
      picks: fc.array(fc.nat(), { minLength: questionCount, maxLength: questionCount }),
      // Alike people come in bunches (a team of six young women): cells are then often large
      // enough to show, or small next to large ones, where the cross rule has work to do.
      copies: fc.integer({ min: 1, max: 7 }),
    });
    const answersOf = (unit: number, skipped: number, picks: number[]) =>
      skipped === 0
        ? null
        : nonEmpty(
            Object.fromEntries(
              Object.entries(questions).flatMap(([q, options], i) => {
                const pick = ((picks[i] ?? 0) + unit) % (options.length + 2);
                // One more than the options: "declined"; one more again: the question left out.
                if (pick === options.length + 1) return [];
                return [[q, options[pick] ?? DECLINED]];
              }),
            ),
          );
    return fc.array(personArb, { minLength: 0, maxLength: 16 }).map((raw) => ({
      threshold,
      parent,
      questions,
      people: raw.flatMap(({ unit, skipped, picks, copies }) =>
        Array.from({ length: copies }, () => ({ unit, background: answersOf(unit, skipped, picks) })),
      ),
    }));
  });

const crossText = (s: string) => ({ nb: s, nn: s, en: s });

function crossRoundData(c: CrossCase, frameIsMunicipality = true): RoundData {
  const questionIds = Object.keys(c.questions);
  const questionnaire: Questionnaire = {
    version: 'x',
    statements: [],
    background: Object.entries(c.questions).map(([id, options]) => ({
      id: id as BackgroundQuestionId,
      label: crossText(id),
      options: options.map((value) => ({ value, label: crossText(value) })),
    })),
    openQuestion: { label: crossText('o'), warning: crossText('w'), maxLength: 10 },
  };
  const own = c.parent.map(() => 0);
  const groups = new Map<string, number>();
  const profiles = new Map<string, BackgroundProfileCounts>();
  for (const p of c.people) {
    own[p.unit] = (own[p.unit] ?? 0) + 1;
    if (p.background === null || Object.keys(p.background).length === 0) continue;
    const answers = Object.fromEntries(questionIds.map((q) => [q, p.background?.[q] ?? DECLINED]));
    for (const [q, v] of Object.entries(answers)) groups.set(`${q}/${v}`, (groups.get(`${q}/${v}`) ?? 0) + 1);
    const key = JSON.stringify([p.unit, answers]);
    const found = profiles.get(key) ?? { unitId: `u${p.unit}`, answers, responses: 0 };
    found.responses += 1;
    profiles.set(key, found);
  }
  return {
    roundId: 'r',
    municipalityId: 'm',
    rootUnitId: 'u0',
    threshold: c.threshold,
    questionnaire,
    units: c.parent.map((p, i) => ({
      id: `u${i}`,
      parentId: p === -1 ? null : `u${p}`,
      name: `u${i}`,
      unitType: null,
      own: { responses: own[i] ?? 0, statements: {} },
    })),
    background: [...groups].map(([key, responses]) => {
      const [questionId, value] = key.split('/') as [string, string];
      return { questionId, value, counts: { responses, statements: {} } };
    }),
    frameIsMunicipality,
    backgroundProfiles: [...profiles.values()],
  };
}

/** Everything a report of the round shows, as sets of people (by index). */
function shownSets(c: CrossCase) {
  const data = crossRoundData(c);
  const analysis = analyseRound(data);
  const breakdowns = backgroundBreakdowns(analysis) ?? [];
  const inSubtree = (unit: number, root: number) => {
    for (let u = unit; u !== -1; u = c.parent[u] ?? -1) if (u === root) return true;
    return false;
  };
  const everyone = c.people.map((_, i) => i);
  const unitSets = c.parent.map((_, u) => ({
    id: `u${u}`,
    visible: !analysis.unitSuppression.has(`u${u}`),
    members: new Set(everyone.filter((i) => inSubtree(c.people[i]!.unit, u))),
  }));
  const groupOf = (i: number, q: string) => {
    const b = c.people[i]!.background;
    return b === null || Object.keys(b).length === 0 ? undefined : (b[q] ?? DECLINED);
  };
  const groupSets = breakdowns.flatMap((b) =>
    b.groups.map((g) => ({
      id: `${b.questionId}/${g.value}`,
      question: b.questionId,
      value: g.value,
      visible: g.visible,
      members: new Set(everyone.filter((i) => groupOf(i, b.questionId) === g.value)),
    })),
  );
  return { analysis, breakdowns, unitSets, groupSets, data };
}

const minus = (a: ReadonlySet<number>, b: ReadonlySet<number>) => [...a].filter((x) => !b.has(x)).length;

describe('background groups across units and questions, over random populations', () => {
  it('(f) leaves no group of fewer than threshold people, and no single person, in the span of everything shown', () => {
    let crossHidden = 0;
    let shownGroups = 0;
    fc.assert(
      fc.property(
        crossArb,
        fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
        (c, unions) => {
          const { unitSets, groupSets, data } = shownSets(c);
          const shown = [...unitSets, ...groupSets].filter((s) => s.visible);
          shownGroups += groupSets.filter((g) => g.visible).length;
          // Atoms: people with the same unit and the same answers are told apart by nothing shown.
          const atomOf = c.people.map((p) =>
            JSON.stringify([
              p.unit,
              p.background === null
                ? null
                : Object.keys(c.questions).map((q) => p.background?.[q] ?? DECLINED),
            ]),
          );
          const atomKeys = [...new Set(atomOf)];
          const atomIndex = atomKeys.map((_, i) => i);
          const atomSet = (people: ReadonlySet<number>) => {
            // Only whole atoms can lie in the span; a set that splits an atom is never recoverable.
            const atoms = new Set(atomOf.flatMap((k, i) => (people.has(i) ? [atomKeys.indexOf(k)] : [])));
            const whole = [...atoms].every((a) => atomOf.every((k, i) => k !== atomKeys[a] || people.has(i)));
            return whole ? atoms : undefined;
          };
          const span = new Span();
          for (const s of shown) span.add(indicator(atomIndex, atomSet(s.members)!));
          const small: ReadonlySet<number>[] = [];
          atomKeys.forEach((k, a) => {
            const members = new Set(atomOf.flatMap((x, i) => (x === k ? [i] : [])));
            if (isSmall(members.size, c.threshold)) small.push(new Set([a]));
            // A single person is recoverable only with an atom of one; checked above when threshold > 1.
          });
          for (const s of [...unitSets, ...groupSets]) {
            if (!s.visible && isSmall(s.members.size, c.threshold)) {
              const atoms = atomSet(s.members);
              if (atoms) small.push(atoms);
            }
          }
          for (const picks of unions) {
            const atoms = new Set(picks.map((p) => p % Math.max(1, atomKeys.length)));
            const size = atomOf.filter((k) => atoms.has(atomKeys.indexOf(k))).length;
            if (atomKeys.length > 0 && isSmall(size, c.threshold)) small.push(atoms);
          }
          for (const atoms of small) {
            expect(span.contains(indicator(atomIndex, atoms)), `${REPLAY}: ${JSON.stringify(c)}`).toBe(false);
          }
          // The pairwise form of the rule: no two shown sets differ by 1 to threshold − 1 people.
          for (const a of shown) {
            for (const b of shown) {
              if (a !== b) expect(isSmall(minus(a.members, b.members), c.threshold)).toBe(false);
            }
          }
          // Never shows a group its own question's rule alone would hide.
          const plain = new Map<string, boolean>();
          for (const [q, options] of Object.entries(c.questions)) {
            const whole = unitSets[0]!.members.size;
            const groups = [...options, DECLINED].map((v) => ({
              id: v,
              counts: [groupSets.find((g) => g.id === `${q}/${v}`)?.members.size ?? 0],
            }));
            const hidden = suppressPartition([whole], groups, Math.max(c.threshold, 3));
            for (const g of groups) plain.set(`${q}/${g.id}`, !hidden.has(g.id));
          }
          for (const g of groupSets) {
            if (g.visible) expect(plain.get(g.id)).toBe(true);
            else if (plain.get(g.id)) crossHidden += 1;
          }
          expect(data.units).toHaveLength(c.parent.length);
        },
      ),
      { numRuns: 400 },
    );
    // The generator reaches the cross rule, and still leaves groups to show.
    expect(crossHidden).toBeGreaterThan(200);
    expect(shownGroups).toBeGreaterThan(200);
  });

  it('shows no background for a round of one department, however many answered', () => {
    fc.assert(
      fc.property(crossArb, (c) => {
        expect(backgroundBreakdowns(analyseRound(crossRoundData(c, false)))).toBeNull();
      }),
      { numRuns: 50 },
    );
  });
});
