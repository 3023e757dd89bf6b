// The strengths round's word cloud: the words of the revealed contributions, counted. Short words
// and the commonest function words of bokmål, nynorsk and English are left out.
const STOP_WORDS = new Set(
  (
    'og i på er det at en et som til for med av har vi de den der ikkje ikke kan vil skal om så ' +
    'eg jeg du han ho hun oss dei dere mot seg sin sitt sine men når kva hva alle ein eit meir mer ' +
    'mykje mye blir vert vår vårt våre godt gode bra ' +
    'the and of to in is are we our for with that on at be it us as by an or'
  ).split(' '),
);

export function wordCloud(texts: readonly string[], max = 40): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
      const word = match[0];
      if (word.length < 3 || STOP_WORDS.has(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    .slice(0, max);
}
