// Guards locales/<lng>/admin.json: the same keys in every language, the same {{placeholders}},
// nothing empty, plural pairs complete, nynorsk that is not bokmål and English without æøå.
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/admin.json';
import nb from '../../../locales/nb/admin.json';
import nn from '../../../locales/nn/admin.json';
import { flatten, whole } from '../../support/locales';

const flat = { nb: flatten(nb), nn: flatten(nn), en: flatten(en) };

// Keys, placeholders, empty texts and plurals are checked for every namespace in
// tests/shared/locales.test.ts; these are the rules that belong to this namespace.
describe('admin locales', () => {
  it('nn is nynorsk: no bokmål-only words', () => {
    const bokmal = [
      'ikke',
      'jeg',
      'hva',
      'hvordan',
      'hvem',
      'også',
      'bare',
      'enhet',
      'enheten',
      'enheter',
      'ansatte',
      'leder',
      'dager',
      'navn',
      'mulig',
      'lenke',
      'siden',
      'koder',
      'runder',
      'tillitsvalgt',
      'verneombud',
      'undersøkelsen',
    ];
    const hits = [...flat.nn].flatMap(([key, text]) =>
      bokmal.filter((w) => whole(w).test(text)).map((w) => `${key}: ${w}`),
    );
    expect(hits).toEqual([]);
  });

  it('en has no Norwegian letters, except the names of the two written standards', () => {
    const allowed = new Set(['municipality.languages.nb', 'import.example']);
    expect(
      [...flat.en].filter(([key, text]) => !allowed.has(key) && /[æøå]/i.test(text)).map(([key]) => key),
    ).toEqual([]);
  });
});
