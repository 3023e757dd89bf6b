// Owns turning one round's aggregate counts into the figures a report may show: subtree totals,
// which units and factors are suppressed (the rule lives in ./suppression.ts), the background
// breakdowns of the municipality, and the national averages pooled over rounds. Pure: the routes
// load RoundData (repositories/reports.ts) and pick from the analysis what the caller may see.
import { FACTOR_IDS, type FactorId } from '../../shared/factors';
import type { BackgroundBreakdown, BackgroundGroup, FactorFigure } from '../../shared/api/reports';
import type { LocalizedText } from '../../shared/languages';
import { DECLINED, type BackgroundQuestion } from '../../shared/questionnaire/types';
import { MIN_THRESHOLD } from '../../shared/rounds';
import { addCounts, answeredCount, emptyCounts, factorFigure, factorStatements, sumCounts } from './figures';
import type { FactorStatements, GroupCounts, RoundData, UnitNode } from './model';
import { nextGroupToHide } from './cross-suppression';
import { suppressPartition, suppressTree, type Suppression } from './suppression';

export interface RoundAnalysis {
  data: RoundData;
  statements: FactorStatements;
  children: ReadonlyMap<string, readonly string[]>;
  /** 0 for the round's own unit. */
  depth: ReadonlyMap<string, number>;
  /** Subtree totals: the unit with everything below it. */
  totals: ReadonlyMap<string, GroupCounts>;
  /** The rule on responses only; absent = visible. Decides "too few answers" and open answers. */
  unitSuppression: ReadonlyMap<string, Suppression>;
  /** Per unit, only the factors that may be shown (and that anyone answered). */
  figures: ReadonlyMap<string, Partial<Record<FactorId, FactorFigure>>>;
}

/** The background group of those who chose "prefer not to say" or left the question out. */
export const DECLINED_LABEL: LocalizedText = {
  nb: 'Ønsker ikke å svare / har ikke svart',
  nn: 'Ønskjer ikkje å svare / har ikkje svart',
  en: 'Prefer not to answer / no answer',
};

/** The round's threshold, never below the shared floor, whatever is stored. */
function thresholdOf(data: RoundData): number {
  return Math.max(data.threshold, MIN_THRESHOLD);
}

/** The count vector the rule checks for a factor: responses, then answers to each of its statements. */
function factorVector(counts: GroupCounts, statementIds: readonly string[]): number[] {
  return [counts.responses, ...statementIds.map((id) => answeredCount(counts, id))];
}

export function analyseRound(data: RoundData): RoundAnalysis {
  const statements = factorStatements(data.questionnaire);
  const threshold = thresholdOf(data);
  const { children, depth, order } = treeShape(data.units);
  const totals = subtreeTotals(data.units, children, order);
  const unitSuppression = suppressTree(
    data.units.map((u) => ({ id: u.id, parentId: u.parentId, own: [u.own.responses] })),
    threshold,
  );
  const figures = new Map<string, Partial<Record<FactorId, FactorFigure>>>(data.units.map((u) => [u.id, {}]));
  for (const factor of FACTOR_IDS) {
    const ids = statements[factor];
    if (ids.length === 0) continue;
    const hidden = suppressTree(
      data.units.map((u) => ({ id: u.id, parentId: u.parentId, own: factorVector(u.own, ids) })),
      threshold,
    );
    for (const unit of data.units) {
      // Shown only where visible under both rules: valid by the merge lemma in ./suppression.ts.
      if (unitSuppression.has(unit.id) || hidden.has(unit.id)) continue;
      const figure = factorFigure(totals.get(unit.id) ?? emptyCounts([]), ids);
      const perFactor = figures.get(unit.id);
      if (figure && perFactor) perFactor[factor] = figure;
    }
  }
  return { data, statements, children, depth, totals, unitSuppression, figures };
}

function treeShape(units: readonly UnitNode[]) {
  const children = new Map<string, string[]>(units.map((u) => [u.id, []]));
  for (const u of units) if (u.parentId !== null) children.get(u.parentId)?.push(u.id);
  const order = units.filter((u) => u.parentId === null).map((u) => u.id);
  const depth = new Map(order.map((id) => [id, 0]));
  for (let i = 0; i < order.length; i++) {
    const id = order[i] ?? '';
    for (const child of children.get(id) ?? []) {
      depth.set(child, (depth.get(id) ?? 0) + 1);
      order.push(child);
    }
  }
  return { children, depth, order };
}

/** `order` lists parents before children, so one pass from the end sums every subtree. */
function subtreeTotals(
  units: readonly UnitNode[],
  children: ReadonlyMap<string, readonly string[]>,
  order: readonly string[],
): Map<string, GroupCounts> {
  const ownOf = new Map(units.map((u) => [u.id, u.own]));
  const totals = new Map<string, GroupCounts>();
  for (const id of [...order].reverse()) {
    const below = (children.get(id) ?? []).map((c) => totals.get(c) ?? emptyCounts([]));
    totals.set(id, sumCounts([ownOf.get(id) ?? emptyCounts([]), ...below]));
  }
  return totals;
}

/**
 * The municipality's breakdown by each background question, or null when the round is not for the
 * whole municipality (respondents are promised background figures only for the whole), when the
 * municipality is suppressed, or when the round asked none. Every question's groups (its options,
 * then DECLINED) are protected as a partition of the whole, complement included, and all of them
 * together with the unit tree by ./cross-suppression.ts.
 */
export function backgroundBreakdowns(analysis: RoundAnalysis): BackgroundBreakdown[] | null {
  const { data } = analysis;
  const rootId = data.rootUnitId;
  const whole = analysis.totals.get(rootId);
  if (!data.frameIsMunicipality) return null;
  if (data.background.length === 0 || !whole || analysis.unitSuppression.has(rootId)) return null;
  const questions = data.questionnaire.background.map((question) => {
    const options = [...question.options, { value: DECLINED, label: DECLINED_LABEL }];
    const groups = options.map((o) => ({ ...o, counts: backgroundCounts(data, question.id, o.value) }));
    return { question, groups };
  });
  const hidden = hiddenGroups(analysis, questions, whole);
  return questions.map(({ question, groups }) =>
    breakdown(analysis, question, groups, whole, hidden.get(question.id) ?? new Set()),
  );
}

type Groups = { value: string; label: LocalizedText; counts: GroupCounts }[];

/**
 * The groups hidden on responses, per question: each question's partition rule, then the cross
 * rule, the partition rules again with every group hidden so far kept hidden, until nothing
 * changes. Only ever hides more.
 */
function hiddenGroups(
  analysis: RoundAnalysis,
  questions: readonly { question: BackgroundQuestion; groups: Groups }[],
  whole: GroupCounts,
): Map<string, Set<string>> {
  const threshold = thresholdOf(analysis.data);
  const cross = crossBase(analysis);
  // Profiles that do not add up to a question's group totals (counts kept apart and out of step)
  // cannot vouch for any crossing: that question shows no group at all.
  const fromProfiles = new Map<string, number>();
  for (const p of cross.profiles) {
    for (const [q, v] of Object.entries(p.answers)) {
      fromProfiles.set(`${q}\u0000${v}`, (fromProfiles.get(`${q}\u0000${v}`) ?? 0) + p.responses);
    }
  }
  const hidden = new Map<string, Set<string>>(
    questions.map(({ question, groups }) => {
      const agree = groups.every(
        (g) => (fromProfiles.get(`${question.id}\u0000${g.value}`) ?? 0) === g.counts.responses,
      );
      return [question.id, new Set(agree ? [] : groups.map((g) => g.value))];
    }),
  );
  for (;;) {
    for (const { question, groups } of questions) {
      const forced = hidden.get(question.id) ?? new Set<string>();
      const result = suppressPartition(
        [whole.responses],
        groups.map((g) => ({ id: g.value, counts: [g.counts.responses] })),
        threshold,
        forced,
      );
      for (const value of result.keys()) forced.add(value);
    }
    const visible = new Map(
      questions.map(({ question, groups }) => [
        question.id as string,
        new Map(
          groups
            .filter((g) => !hidden.get(question.id)?.has(g.value))
            .map((g) => [g.value, g.counts.responses]),
        ),
      ]),
    );
    const next = nextGroupToHide({ ...cross, threshold, visible });
    if (!next) return hidden;
    hidden.get(next[0])?.add(next[1]);
  }
}

/** The unit side of the cross check: each unit's residual (nearest visible unit) and own responses. */
function crossBase(analysis: RoundAnalysis) {
  const { data } = analysis;
  const parentOf = new Map(data.units.map((u) => [u.id, u.parentId]));
  const regionOf = new Map<string, string>();
  for (const u of data.units) {
    let at: string | null = u.id;
    while (at !== null && analysis.unitSuppression.has(at)) at = parentOf.get(at) ?? null;
    if (at !== null) regionOf.set(u.id, at);
  }
  const visibleParent = new Map<string, string | null>();
  for (const u of data.units) {
    if (analysis.unitSuppression.has(u.id)) continue;
    const parent = u.parentId === null ? undefined : regionOf.get(u.parentId);
    visibleParent.set(u.id, parent ?? null);
  }
  return {
    regionOf,
    visibleParent,
    ownResponses: new Map(data.units.map((u) => [u.id, u.own.responses])),
    profiles: data.backgroundProfiles,
  };
}

function breakdown(
  analysis: RoundAnalysis,
  question: BackgroundQuestion,
  groups: Groups,
  whole: GroupCounts,
  hidden: ReadonlySet<string>,
) {
  const { data, statements } = analysis;
  const threshold = thresholdOf(data);
  const partition = (vector: (c: GroupCounts) => number[]) =>
    suppressPartition(
      vector(whole),
      groups.map((g) => ({ id: g.value, counts: vector(g.counts) })),
      threshold,
      hidden,
    );
  const shownPerFactor = FACTOR_IDS.map((f) => partition((c) => factorVector(c, statements[f])));
  return {
    questionId: question.id,
    label: question.label,
    groups: groups.map(({ value, label, counts }): BackgroundGroup => {
      const visible = !hidden.has(value);
      const average = (f: FactorId, i: number) =>
        visible && !shownPerFactor[i]?.has(value)
          ? (factorFigure(counts, statements[f])?.average ?? null)
          : null;
      return {
        value,
        label,
        visible,
        responses: visible ? counts.responses : null,
        averages: FACTOR_IDS.map(average),
      };
    }),
  } satisfies BackgroundBreakdown;
}

function backgroundCounts(data: RoundData, questionId: string, value: string): GroupCounts {
  return data.background
    .filter((g) => g.questionId === questionId && g.value === value)
    .reduce((sum, g) => addCounts(sum, g.counts), emptyCounts([]));
}

/**
 * The national average of each factor (FACTOR_IDS order) over the given rounds: for a unit type,
 * the topmost units of that type whose factor figure is shown (a shown unit's descendants of the
 * same type are already inside it); for null, each round's municipality when shown. The counts are
 * pooled, so each answer weighs the same. The pool is a union of disjoint groups whose figures are
 * already shown, so the average reveals nothing a report does not. Statements pool by id.
 */
export function nationalAverages(
  analyses: readonly RoundAnalysis[],
  unitType: string | null,
): { averages: (number | null)[]; municipalities: number } {
  const municipalities = new Set<string>();
  const averages = FACTOR_IDS.map((factor) => {
    let pool = emptyCounts([]);
    const ids = new Set<string>();
    for (const analysis of analyses) {
      const contributors = contributingUnits(analysis, factor, unitType);
      if (contributors.length > 0) municipalities.add(analysis.data.municipalityId);
      for (const id of contributors) pool = addCounts(pool, analysis.totals.get(id) ?? emptyCounts([]));
      for (const id of analysis.statements[factor]) ids.add(id);
    }
    return factorFigure(pool, [...ids])?.average ?? null;
  });
  return { averages, municipalities: municipalities.size };
}

function contributingUnits(analysis: RoundAnalysis, factor: FactorId, unitType: string | null): string[] {
  const isShown = (id: string) => analysis.figures.get(id)?.[factor] !== undefined;
  const rootId = analysis.data.rootUnitId;
  if (unitType === null) return isShown(rootId) ? [rootId] : [];
  const typeOf = new Map(analysis.data.units.map((u) => [u.id, u.unitType]));
  const found: string[] = [];
  const stack = [rootId];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (typeOf.get(id) === unitType && isShown(id)) found.push(id);
    else stack.push(...(analysis.children.get(id) ?? []));
  }
  return found;
}
