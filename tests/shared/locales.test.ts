// Every namespace in every language: nn and en have exactly nb's keys and placeholders, nothing
// is empty, and every plural has both forms. Namespace-specific rules live next to their feature.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/shared/languages';
import { namespaces, placeholders, readFlat } from '../support/locales';

describe.each(namespaces())('locales/<lng>/%s.json', (namespace) => {
  const nb = readFlat('nb', namespace);

  it.each(LANGUAGES.filter((l) => l !== 'nb'))('%s has exactly the keys and placeholders of nb', (lng) => {
    const other = readFlat(lng, namespace);
    expect([...other.keys()].sort()).toEqual([...nb.keys()].sort());
    for (const [key, text] of nb)
      expect(placeholders(other.get(key)!), `${lng}: ${key}`).toEqual(placeholders(text));
  });

  it.each([...LANGUAGES])('%s has no empty or placeholder text and complete plural pairs', (lng) => {
    const flat = readFlat(lng, namespace);
    for (const [key, text] of flat) {
      expect(text.trim(), `${lng}: ${key}`).not.toBe('');
      expect(text, `${lng}: ${key}`).not.toMatch(/\b(TODO|TBD|FIXME)\b|lorem/i);
      if (key.endsWith('_one')) expect(flat.has(key.replace(/_one$/, '_other')), key).toBe(true);
      if (key.endsWith('_other')) expect(flat.has(key.replace(/_other$/, '_one')), key).toBe(true);
    }
  });
});
