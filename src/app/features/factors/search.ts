// The list's search: every word typed must occur somewhere in the card, in the language shown.
// Letters are only lower-cased, never stripped of marks: in Norwegian "å" is not "a" (får ≠ far).
import type { FactorText } from './useFactorText';

export function searchableText(card: FactorText, extra: readonly string[] = []): string {
  return [
    card.name,
    card.altName ?? '',
    card.short,
    card.explanation,
    card.mattersFor,
    card.lowCauses,
    ...card.leader,
    ...card.colleague,
    ...card.reflection,
    ...extra,
  ].join('\n');
}

function normalise(value: string, locale: string): string {
  return value.normalize('NFC').toLocaleLowerCase(locale);
}

export function matchesQuery(haystack: string, query: string, locale: string): boolean {
  const words = normalise(query, locale).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = normalise(haystack, locale);
  return words.every((word) => text.includes(word));
}
