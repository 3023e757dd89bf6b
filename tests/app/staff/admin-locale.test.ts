// Guards locales/<lng>/admin.json: the same keys in every language, the same {{placeholders}},
// nothing empty, plural pairs complete and English without æøå
// (nynorsk against bokmål is checked for every namespace in tests/shared/written-standards.test.ts).
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/admin.json';
import nb from '../../../locales/nb/admin.json';
import nn from '../../../locales/nn/admin.json';
import { flatten } from '../../support/locales';

const flat = { nb: flatten(nb), nn: flatten(nn), en: flatten(en) };

// Keys, placeholders, empty texts and plurals are checked for every namespace in
// tests/shared/locales.test.ts; these are the rules that belong to this namespace.
describe('admin locales', () => {
  it('en has no Norwegian letters, except the names of the two written standards', () => {
    const allowed = new Set(['municipality.languages.nb', 'rounds.languageNames.nb', 'import.example']);
    expect(
      [...flat.en].filter(([key, text]) => !allowed.has(key) && /[æøå]/i.test(text)).map(([key]) => key),
    ).toEqual([]);
  });
});
