// Questions the card screens ask of the factor model. Everything is derived from FACTOR_IDS and
// FACTOR_INFLUENCES in src/shared/factors.ts, so a link, an arrow and a list never disagree.
import { FACTOR_IDS, FACTOR_INFLUENCES, type FactorId } from '../../../shared/factors';

/** Factors that this one matters for, in card order. */
export function influencesOf(id: FactorId): FactorId[] {
  const targets = new Set(FACTOR_INFLUENCES.filter(([from]) => from === id).map(([, to]) => to));
  return FACTOR_IDS.filter((other) => targets.has(other));
}

/** Factors that matter for this one (where low scores often come from), in card order. */
export function influencedBy(id: FactorId): FactorId[] {
  const sources = new Set(FACTOR_INFLUENCES.filter(([, to]) => to === id).map(([from]) => from));
  return FACTOR_IDS.filter((other) => sources.has(other));
}

/** 0-based position in the survey's order. */
export function factorIndex(id: FactorId): number {
  return FACTOR_IDS.indexOf(id);
}

/** The neighbours for previous/next; browsing wraps around so every card has both. */
export function neighbours(id: FactorId): { previous: FactorId; next: FactorId } {
  const i = factorIndex(id);
  const n = FACTOR_IDS.length;
  return { previous: FACTOR_IDS[(i - 1 + n) % n]!, next: FACTOR_IDS[(i + 1) % n]! };
}

export function edgeKey(from: FactorId, to: FactorId): string {
  return `${from}>${to}`;
}
