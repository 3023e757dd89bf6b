// The national average of one year, computed from the analyses of every published round of that
// year on this server (pure: no database). The defence against a municipality that tries to
// recover another's small unit (docs/architecture.md, "National releases"):
// - a unit counts only when it was shown in its own report (threshold and complementary
//   suppression already applied by analyseRound) AND it has at least the strictest threshold of
//   the whole pool, so a municipality with threshold 3 cannot slip a 3-person unit into a pool
//   where others promise 5;
// - only rounds with answers count;
// - each municipality first gets its own average (all its shown units pooled), and its weight in
//   the national figure is its number of answers capped at the median of the contributing
//   municipalities' answers: publishing many fake rounds cannot give one municipality more weight
//   than a typical one, so it cannot make the others' part small or solve for it;
// - a figure is released only when at least minMunicipalities municipalities contribute to the
//   unit type (never below 3), and only at one decimal.
import { FACTOR_IDS, type FactorId } from '../../shared/factors';
import type { RoundAnalysis } from '../reports/analyse';
import { addCounts, emptyCounts, factorFigure, sumCounts } from '../reports/figures';
import type { GroupCounts } from '../reports/model';

/** unit_type of the figures for the municipality as a whole (units of every type). */
export const WHOLE_MUNICIPALITY = '*';
export const NATIONAL_MIN_FLOOR = 3;
export const NATIONAL_MIN_DEFAULT = 5;

export interface ComputedRelease {
  unitType: string;
  municipalities: number;
  /** Per factor, at one decimal; a factor nobody contributed to is absent. */
  averages: Map<FactorId, number>;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The topmost units of the type (or the root for WHOLE_MUNICIPALITY) shown for the factor with ≥ minResponses. */
function contributors(
  analysis: RoundAnalysis,
  factor: FactorId,
  unitType: string,
  minResponses: number,
): string[] {
  const ok = (id: string) =>
    analysis.figures.get(id)?.[factor] !== undefined &&
    (analysis.totals.get(id)?.responses ?? 0) >= minResponses;
  const rootId = analysis.data.rootUnitId;
  if (unitType === WHOLE_MUNICIPALITY) return ok(rootId) ? [rootId] : [];
  const typeOf = new Map(analysis.data.units.map((u) => [u.id, u.unitType]));
  const found: string[] = [];
  const stack = [rootId];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (typeOf.get(id) === unitType && ok(id)) found.push(id);
    else stack.push(...(analysis.children.get(id) ?? []));
  }
  return found;
}

/** Every unit type that occurs in the rounds, and WHOLE_MUNICIPALITY. */
export function unitTypesOf(analyses: readonly RoundAnalysis[]): string[] {
  const types = new Set<string>([WHOLE_MUNICIPALITY]);
  for (const a of analyses) for (const u of a.data.units) if (u.unitType !== null) types.add(u.unitType);
  return [...types].sort();
}

/** What one round gives the release: per unit type and factor, its contributing units' counts pooled. */
export interface RoundContribution {
  municipalityId: string;
  byType: Map<string, Map<FactorId, { counts: GroupCounts; statementIds: readonly string[] }>>;
}

const answered = (a: RoundAnalysis) => (a.totals.get(a.data.rootUnitId)?.responses ?? 0) > 0;

/** The strictest threshold of the pool: the highest of every round that has answers. */
export function strictestThreshold(rounds: readonly { threshold: number; answered: boolean }[]): number {
  return Math.max(0, ...rounds.filter((r) => r.answered).map((r) => r.threshold));
}

/**
 * One round's part, made as soon as the round is analysed so a release holds one round's counts
 * at a time, never the year's; null for a round without answers. `strictest` is the whole pool's.
 */
export function roundContribution(analysis: RoundAnalysis, strictest: number): RoundContribution | null {
  if (!answered(analysis)) return null;
  const byType: RoundContribution['byType'] = new Map();
  for (const unitType of unitTypesOf([analysis])) {
    const factors = new Map<FactorId, { counts: GroupCounts; statementIds: readonly string[] }>();
    for (const factor of FACTOR_IDS) {
      const units = contributors(analysis, factor, unitType, strictest);
      if (units.length === 0) continue;
      const counts = sumCounts(units.map((id) => analysis.totals.get(id) ?? emptyCounts([])));
      factors.set(factor, { counts, statementIds: analysis.statements[factor] });
    }
    if (factors.size > 0) byType.set(unitType, factors);
  }
  return { municipalityId: analysis.data.municipalityId, byType };
}

/** The release of one unit type from the rounds' contributions, or null when too few municipalities. */
export function releaseFromContributions(
  contributions: readonly RoundContribution[],
  unitType: string,
  minMunicipalities: number,
): ComputedRelease | null {
  const min = Math.max(NATIONAL_MIN_FLOOR, minMunicipalities);
  const contributing = new Set<string>();
  const averages = new Map<FactorId, number>();
  for (const factor of FACTOR_IDS) {
    // A municipality's rounds of the year pool into its one average.
    const pools = new Map<string, { counts: GroupCounts; ids: Set<string> }>();
    for (const c of contributions) {
      const part = c.byType.get(unitType)?.get(factor);
      if (!part) continue;
      const pool = pools.get(c.municipalityId) ?? { counts: emptyCounts([]), ids: new Set<string>() };
      pool.counts = addCounts(pool.counts, part.counts);
      for (const id of part.statementIds) pool.ids.add(id);
      pools.set(c.municipalityId, pool);
    }
    const perMunicipality = [...pools].flatMap(([m, p]) => {
      const average = factorFigure(p.counts, [...p.ids])?.average;
      return average === undefined ? [] : [{ m, average, answers: p.counts.responses }];
    });
    if (perMunicipality.length < min) continue;
    const cap = median(perMunicipality.map((p) => p.answers));
    let sum = 0;
    let weight = 0;
    for (const p of perMunicipality) {
      const w = Math.min(p.answers, cap);
      sum += w * p.average;
      weight += w;
      contributing.add(p.m);
    }
    if (weight > 0) averages.set(factor, oneDecimal(sum / weight));
  }
  if (averages.size === 0) return null;
  return { unitType, municipalities: contributing.size, averages };
}

/** The release of one unit type, or null when fewer than minMunicipalities contribute. */
export function computeRelease(
  analyses: readonly RoundAnalysis[],
  unitType: string,
  minMunicipalities: number,
): ComputedRelease | null {
  const strictest = strictestThreshold(
    analyses.map((a) => ({ threshold: a.data.threshold, answered: answered(a) })),
  );
  const contributions = analyses.flatMap((a) => roundContribution(a, strictest) ?? []);
  return releaseFromContributions(contributions, unitType, minMunicipalities);
}

/**
 * NATIONAL_MIN_MUNICIPALITIES: default 5; below 3 (or not a whole number) refuses to start, as a
 * national figure from one or two municipalities is a municipality's own figure.
 */
export function nationalMinMunicipalities(env: Record<string, string | undefined> = process.env): number {
  const raw = env.NATIONAL_MIN_MUNICIPALITIES?.trim();
  if (raw === undefined || raw === '') return NATIONAL_MIN_DEFAULT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < NATIONAL_MIN_FLOOR) {
    throw new Error(
      `NATIONAL_MIN_MUNICIPALITIES must be a whole number of at least ${NATIONAL_MIN_FLOOR} (got "${raw}"): a national figure from fewer municipalities reveals a municipality's own figures`,
    );
  }
  return n;
}
