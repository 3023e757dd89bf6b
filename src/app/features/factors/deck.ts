// The deck's position lives in the URL (?kort=3, counted from 1 like the cards' numbers), so a
// reload or a language switch keeps the place.
import { FACTOR_IDS, type FactorId } from '../../../shared/factors';
import { FACTOR_PATHS } from '../../ui/factor-paths';

export function deckPath(index: number): string {
  return `${FACTOR_PATHS.deck}?kort=${index + 1}`;
}

/** 0-based index from ?kort=; without one, the first card not yet read. */
export function deckIndex(param: string | null, read: ReadonlySet<FactorId>): number {
  const n = Number(param);
  if (param !== null && Number.isInteger(n) && n >= 1 && n <= FACTOR_IDS.length) return n - 1;
  const firstUnread = FACTOR_IDS.findIndex((id) => !read.has(id));
  return firstUnread === -1 ? 0 : firstUnread;
}
