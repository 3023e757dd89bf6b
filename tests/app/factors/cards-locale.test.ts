// Guards locales/<lng>/cards.json, the card screens' UI strings: the same keys in every
// language, nothing empty, the same {{placeholders}}, and nynorsk that is not bokmål.
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/cards.json';
import nb from '../../../locales/nb/cards.json';
import nn from '../../../locales/nn/cards.json';
import { flatten, whole } from '../../support/locales';

const flat = { nb: flatten(nb), nn: flatten(nn), en: flatten(en) };

// Keys, placeholders, empty texts and plurals are checked for every namespace in
// tests/shared/locales.test.ts; these are the rules that belong to this namespace.
describe('card screen locales', () => {
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
