// Guards locales/<lng>/admin.json: the same keys in every language, the same {{placeholders}},
// nothing empty, plural pairs complete, nynorsk that is not bokmål and English without æøå.
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/admin.json';
import nb from '../../../locales/nb/admin.json';
import nn from '../../../locales/nn/admin.json';
import { flatten, placeholders, whole } from '../../support/locales';

const flat = { nb: flatten(nb), nn: flatten(nn), en: flatten(en) };

describe('admin locales', () => {
  it.each(['nn', 'en'] as const)('%s has exactly the keys of nb, with the same placeholders', (lng) => {
    expect([...flat[lng].keys()].sort()).toEqual([...flat.nb.keys()].sort());
    for (const [key, text] of flat.nb)
      expect(placeholders(flat[lng].get(key)!), `${lng}: ${key}`).toEqual(placeholders(text));
  });

  it.each(['nb', 'nn', 'en'] as const)('%s has no empty text and every plural has _one and _other', (lng) => {
    for (const [key, text] of flat[lng]) {
      expect(text.trim(), `${lng}: ${key}`).not.toBe('');
      if (key.endsWith('_one')) expect(flat[lng].has(key.replace(/_one$/, '_other')), key).toBe(true);
      if (key.endsWith('_other')) expect(flat[lng].has(key.replace(/_other$/, '_one')), key).toBe(true);
    }
  });

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
