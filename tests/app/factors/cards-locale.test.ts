// Guards locales/<lng>/cards.json, the card screens' UI strings: the same keys in every
// language, nothing empty, the same {{placeholders}}, and nynorsk that is not bokmål.
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/cards.json';
import nb from '../../../locales/nb/cards.json';
import nn from '../../../locales/nn/cards.json';
import { flatten, placeholders, whole } from '../../support/locales';

const flat = { nb: flatten(nb), nn: flatten(nn), en: flatten(en) };

describe('card screen locales', () => {
  it.each(['nn', 'en'] as const)('%s has exactly the keys of nb, with the same placeholders', (lng) => {
    expect([...flat[lng].keys()].sort()).toEqual([...flat.nb.keys()].sort());
    for (const [key, text] of flat.nb)
      expect(placeholders(flat[lng].get(key)!), `${lng}: ${key}`).toEqual(placeholders(text));
  });

  it.each(['nb', 'nn', 'en'] as const)('%s has no empty or placeholder text', (lng) => {
    for (const [key, text] of flat[lng]) {
      expect(text.trim(), `${lng}: ${key}`).not.toBe('');
      expect(text, `${lng}: ${key}`).not.toMatch(/\b(TODO|TBD|FIXME)\b|lorem/i);
    }
  });

  it('nn is nynorsk: no bokmål-only words', () => {
    const bokmal = [
      'ikke',
      'jeg',
      'hva',
      'hvordan',
      'faktorene',
      'lederen',
      'gjøre',
      'også',
      'hverandre',
      'bare',
      'enheten',
    ];
    const hits = [...flat.nn].flatMap(([key, text]) =>
      bokmal.filter((w) => whole(w).test(text)).map((w) => `${key}: ${w}`),
    );
    expect(hits).toEqual([]);
  });

  it('en has no Norwegian letters left over', () => {
    expect([...flat.en].filter(([, text]) => /[æøå]/i.test(text)).map(([key]) => key)).toEqual([]);
  });
});
