// Guards locales/<lng>/cards.json, the card screens' UI strings: the same keys in every
// language, nothing empty, the same {{placeholders}}, and English without æøå (nynorsk against bokmål is
// checked for every namespace in tests/shared/written-standards.test.ts).
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/cards.json';
import nb from '../../../locales/nb/cards.json';
import nn from '../../../locales/nn/cards.json';
import { flatten } from '../../support/locales';

const flat = { nb: flatten(nb), nn: flatten(nn), en: flatten(en) };

// Keys, placeholders, empty texts and plurals are checked for every namespace in
// tests/shared/locales.test.ts; these are the rules that belong to this namespace.
describe('card screen locales', () => {
  it('en has no Norwegian letters left over', () => {
    expect([...flat.en].filter(([, text]) => /[æøå]/i.test(text)).map(([key]) => key)).toEqual([]);
  });
});
