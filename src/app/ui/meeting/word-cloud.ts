// Turns the revealed answers to "what are our strengths?" into weighted words for the cloud.
// Counted per contribution (a word written five times in one note counts once), with short words
// and the commonest function words of nb, nn and en left out.

// prettier-ignore
const STOP = new Set([
  'og', 'i', 'på', 'er', 'at', 'det', 'en', 'et', 'ei', 'som', 'med', 'for', 'til', 'av', 'vi',
  'oss', 'har', 'vår', 'våre', 'vårt', 'den', 'de', 'du', 'seg', 'så', 'om', 'men', 'kan', 'når',
  'alle', 'godt', 'veldig', 'ein', 'eit', 'me', 'dei', 'ikkje', 'ikke', 'the', 'and', 'our', 'we',
  'are', 'is', 'to', 'of', 'a', 'an', 'in', 'on', 'with', 'for', 'each', 'other', 'very', 'that',
]);

export interface CloudWord {
  word: string;
  count: number;
  /** 1 (rarest shown) to 5 (commonest): the screen maps it to a font size. */
  weight: 1 | 2 | 3 | 4 | 5;
}

export function wordsOf(text: string): string[] {
  return text
    .toLocaleLowerCase('nb')
    .split(/[^\p{L}\p{N}-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter((w) => w.length >= 3 && !STOP.has(w));
}

export function buildCloud(texts: readonly string[], limit = 40): CloudWord[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of new Set(wordsOf(text))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nb')).slice(0, limit);
  const max = sorted[0]?.[1] ?? 1;
  return sorted.map(([word, count]) => ({
    word,
    count,
    weight: Math.max(1, Math.ceil((count / max) * 5)) as CloudWord['weight'],
  }));
}
