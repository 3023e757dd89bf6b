// Guards the factor-card content in locales/<lng>/factors.json: the three languages carry the same
// keys, every factor card is complete, and the nynorsk text is nynorsk, not bokmål with a new name.
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/factors.json';
import nb from '../../locales/nb/factors.json';
import nn from '../../locales/nn/factors.json';
import { FACTOR_IDS, FACTOR_LEVEL, FACTOR_STAGE } from '../../src/shared/factors';

const LOCALES: Record<string, unknown> = { nb, nn, en };
const SOURCE = 'nb';

const FACTORS_WITH_ALT_NAME = ['indre-motivasjon', 'autonomi', 'prososial-motivasjon'];
const TEXT_KEYS = ['name', 'short', 'explanation', 'mattersFor', 'lowCauses'] as const;
const LIST_KEYS = { leader: [2, 4], colleague: [2, 4], reflection: [2, 3] } as const;
const ALLOWED_CARD_KEYS = new Set<string>(['altName', ...TEXT_KEYS, ...Object.keys(LIST_KEYS)]);

// Word forms of the wrong written standard: tests/shared/written-standards.test.ts.

type Tree = { [key: string]: unknown };

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens nested objects into dotted keys; only strings are allowed as leaves. */
function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (!isTree(value)) throw new Error(`${prefix || '<root>'} is not an object`);
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(path, child);
    else if (isTree(child)) flatten(child, path, out);
    else throw new Error(`${path} must be a string or an object, got ${JSON.stringify(child)}`);
  }
  return out;
}

function card(lng: string, id: string): Tree {
  const root = LOCALES[lng];
  if (!isTree(root) || !isTree(root.factor)) throw new Error(`${lng}: no "factor" object`);
  const value = root.factor[id];
  if (!isTree(value)) throw new Error(`${lng}: no card for ${id}`);
  return value;
}

function numberedList(lng: string, id: string, key: string): string[] {
  const list = card(lng, id)[key];
  if (!isTree(list)) throw new Error(`${lng}: factor.${id}.${key} is not an object`);
  const keys = Object.keys(list);
  // Numbered keys "1", "2", … with no gaps, so i18next keys stay stable.
  expect(keys, `${lng}: factor.${id}.${key}`).toEqual(keys.map((_, i) => String(i + 1)));
  return Object.values(list).map(String);
}

const flat = Object.fromEntries(Object.entries(LOCALES).map(([lng, tree]) => [lng, flatten(tree)]));
const sourceKeys = [...flat[SOURCE]!.keys()];

describe('factor locales', () => {
  it.each(Object.keys(LOCALES).filter((lng) => lng !== SOURCE))(
    '%s has exactly the same keys as nb',
    (lng) => {
      const keys = new Set(flat[lng]!.keys());
      expect(
        sourceKeys.filter((key) => !keys.has(key)),
        `${lng}: missing`,
      ).toEqual([]);
      expect(
        [...keys].filter((key) => !flat[SOURCE]!.has(key)),
        `${lng}: extra`,
      ).toEqual([]);
    },
  );

  it.each(Object.keys(LOCALES))('%s has no empty or placeholder text', (lng) => {
    for (const [key, value] of flat[lng]!) {
      expect(value.trim(), `${lng}: ${key}`).not.toBe('');
      expect(value, `${lng}: ${key}`).not.toMatch(/\b(TODO|TBD|FIXME)\b|lorem|xxx/i);
      expect(['...', '…'], `${lng}: ${key}`).not.toContain(value.trim());
      expect(value, `${lng}: ${key} has stray whitespace`).toBe(value.trim());
    }
  });

  it.each(Object.keys(LOCALES))('%s has a complete card for every factor and nothing else', (lng) => {
    const root = LOCALES[lng];
    expect(isTree(root) && isTree(root.factor) && Object.keys(root.factor).sort()).toEqual(
      [...FACTOR_IDS].sort(),
    );
    for (const id of FACTOR_IDS) {
      const c = card(lng, id);
      for (const key of Object.keys(c))
        expect(ALLOWED_CARD_KEYS, `${lng}: factor.${id}.${key}`).toContain(key);
      for (const key of TEXT_KEYS) {
        expect(typeof c[key], `${lng}: factor.${id}.${key}`).toBe('string');
      }
      expect(String(c.short).length, `${lng}: factor.${id}.short is a one-liner`).toBeLessThanOrEqual(130);
      const sentences = String(c.explanation)
        .split(/[.!?](?:\s|$)/)
        .filter((s) => s.trim() !== '');
      expect(sentences.length, `${lng}: factor.${id}.explanation sentences`).toBeGreaterThanOrEqual(3);
      expect(sentences.length, `${lng}: factor.${id}.explanation sentences`).toBeLessThanOrEqual(5);
      for (const [key, [min, max]] of Object.entries(LIST_KEYS)) {
        const items = numberedList(lng, id, key);
        expect(items.length, `${lng}: factor.${id}.${key}`).toBeGreaterThanOrEqual(min);
        expect(items.length, `${lng}: factor.${id}.${key}`).toBeLessThanOrEqual(max);
      }
      for (const question of numberedList(lng, id, 'reflection')) {
        expect(question, `${lng}: factor.${id}.reflection`).toMatch(/\?$/);
      }
    }
  });

  it.each(Object.keys(LOCALES))('%s has an altName exactly for the three factors with one', (lng) => {
    const withAlt = FACTOR_IDS.filter((id) => 'altName' in card(lng, id));
    expect([...withAlt].sort()).toEqual([...FACTORS_WITH_ALT_NAME].sort());
  });

  it.each(Object.keys(LOCALES))('%s names every level and stage the factor model uses', (lng) => {
    for (const id of FACTOR_IDS) {
      expect(flat[lng]!.has(`level.${FACTOR_LEVEL[id]}`), `${lng}: level.${FACTOR_LEVEL[id]}`).toBe(true);
      expect(flat[lng]!.has(`stage.${FACTOR_STAGE[id]}`), `${lng}: stage.${FACTOR_STAGE[id]}`).toBe(true);
      expect(flat[lng]!.has(`stageHelp.${FACTOR_STAGE[id]}`), `${lng}: stageHelp.${FACTOR_STAGE[id]}`).toBe(
        true,
      );
    }
  });

  it('nn is translated, not copied from nb', () => {
    for (const id of FACTOR_IDS) {
      expect(card('nn', id).explanation, `nn: factor.${id}.explanation`).not.toBe(card('nb', id).explanation);
    }
    // Most longer texts must differ; a few may legitimately coincide in the two written standards.
    const long = [...flat.nb!].filter(([, value]) => value.length > 40);
    const same = long.filter(([key, value]) => flat.nn!.get(key) === value).map(([key]) => key);
    expect(long.length).toBeGreaterThan(0);
    expect(same.length / long.length, `identical in nb and nn: ${same.join(', ')}`).toBeLessThanOrEqual(0.1);
  });

  it('en has no Norwegian letters left over', () => {
    const hits = [...flat.en!].filter(([, value]) => /[æøå]/i.test(value)).map(([key]) => key);
    expect(hits).toEqual([]);
  });
});
