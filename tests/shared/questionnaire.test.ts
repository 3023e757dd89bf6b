import { describe, expect, it } from 'vitest';
import { FACTOR_IDS } from '../../src/shared/factors';
import { LANGUAGES, type LocalizedText } from '../../src/shared/languages';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default-v1';
import { DECLINED, OPEN_TEXT_MAX_LENGTH } from '../../src/shared/questionnaire/types';

const { statements, background, openQuestion } = DEFAULT_QUESTIONNAIRE;

/** Lower-case words, letters only (Unicode-aware, so "òg" and "også" are whole words). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0);
}

function everyText(): { where: string; text: LocalizedText }[] {
  return [
    ...statements.map((s) => ({ where: s.id, text: s.text })),
    ...background.flatMap((q) => [
      { where: q.id, text: q.label },
      ...q.options.map((o) => ({ where: `${q.id}.${o.value}`, text: o.label })),
    ]),
    { where: 'openQuestion.label', text: openQuestion.label },
    { where: 'openQuestion.warning', text: openQuestion.warning },
  ];
}

describe('default questionnaire tifaktor-2026.1', () => {
  it('has the expected version', () => {
    expect(DEFAULT_QUESTIONNAIRE.version).toBe('tifaktor-2026.1');
  });

  it('has exactly 36 statements with unique ids and orders exactly 1..36', () => {
    expect(statements).toHaveLength(36);
    expect(new Set(statements.map((s) => s.id)).size).toBe(36);
    statements.forEach((s) => expect(s.id).toMatch(/^s\d{2}$/));
    const orders = statements.map((s) => s.order).sort((a, b) => a - b);
    expect(orders).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
  });

  it('gives every factor 3 to 5 statements and uses no unknown factor', () => {
    for (const factor of FACTOR_IDS) {
      const count = statements.filter((s) => s.factor === factor).length;
      expect(count, factor).toBeGreaterThanOrEqual(3);
      expect(count, factor).toBeLessThanOrEqual(5);
    }
    expect(statements.every((s) => (FACTOR_IDS as readonly string[]).includes(s.factor))).toBe(true);
  });

  it('spreads each factor out instead of keeping its statements in one block', () => {
    for (const factor of FACTOR_IDS) {
      const orders = statements
        .filter((s) => s.factor === factor)
        .map((s) => s.order)
        .sort((a, b) => a - b);
      const first = orders[0] ?? 0;
      const last = orders[orders.length - 1] ?? 0;
      expect(last - first + 1, `${factor} is one consecutive block`).toBeGreaterThan(orders.length);
    }
    // Stronger: no two neighbouring statements share a factor.
    const byOrder = [...statements].sort((a, b) => a.order - b.order);
    for (let i = 1; i < byOrder.length; i++) {
      expect(byOrder[i]?.factor, `orders ${i} and ${i + 1}`).not.toBe(byOrder[i - 1]?.factor);
    }
  });

  it('has every text in every language, non-empty and trimmed', () => {
    for (const { where, text } of everyText()) {
      expect(Object.keys(text).sort(), where).toEqual([...LANGUAGES].sort());
      for (const lang of LANGUAGES) {
        const value = text[lang];
        expect(value.length, `${where}.${lang}`).toBeGreaterThan(0);
        expect(value, `${where}.${lang}`).toBe(value.trim());
        expect(value, `${where}.${lang} has a double space`).not.toMatch(/ {2}/);
      }
    }
  });

  it('translates statements, question labels and the open question into English', () => {
    const texts = [
      ...statements.map((s) => ({ where: s.id, text: s.text })),
      ...background.map((q) => ({ where: q.id, text: q.label })),
      { where: 'openQuestion.label', text: openQuestion.label },
      { where: 'openQuestion.warning', text: openQuestion.warning },
    ];
    for (const { where, text } of texts) expect(text.en, where).not.toBe(text.nb);
  });

  it('writes the statements in real nynorsk, not copied bokmål', () => {
    // Word forms of the wrong written standard are checked in tests/shared/written-standards.test.ts.
    const differing = statements.filter((s) => s.text.nn !== s.text.nb);
    expect(differing.length).toBeGreaterThanOrEqual(30);
  });

  it('does not reuse the example statement shown in the seed material', () => {
    const seed = 'mine arbeidsoppgaver er i seg selv en viktig drivkraft for meg';
    for (const s of statements) {
      for (const lang of LANGUAGES) {
        const text = words(s.text[lang]).join(' ');
        expect(text, `${s.id}.${lang}`).not.toContain(seed);
        expect(text, `${s.id}.${lang}`).not.toContain('drivkraft');
        expect(text, `${s.id}.${lang}`).not.toContain('i seg selv');
        expect(text, `${s.id}.${lang}`).not.toContain('i seg sjølv');
      }
    }
  });

  it('asks exactly the five background questions', () => {
    expect(background.map((q) => q.id)).toEqual([
      'gender',
      'ageGroup',
      'education',
      'positionPercentage',
      'leaderResponsibility',
    ]);
  });

  it('gives each background question unique option values, never DECLINED', () => {
    for (const q of background) {
      const values = q.options.map((o) => o.value);
      expect(values.length, q.id).toBeGreaterThanOrEqual(2);
      expect(new Set(values).size, q.id).toBe(values.length);
      expect(values, q.id).not.toContain(DECLINED);
      for (const o of q.options) {
        expect(o.value, `${q.id} value`).toMatch(/^[a-z0-9-]+$/);
        // "Ønsker ikke å svare" is added by the UI, not listed here.
        expect(o.label.nb.toLowerCase(), `${q.id}.${o.value}`).not.toContain('ikke å svare');
      }
    }
  });

  it('formats the position percentage with an en dash and a space before %', () => {
    const q = background.find((b) => b.id === 'positionPercentage');
    const labels = q?.options.map((o) => o.label.nb) ?? [];
    expect(labels).toEqual(['Under 50\u00a0%', '50–79\u00a0%', '80–99\u00a0%', '100\u00a0%']);
  });

  it('warns against identifying anyone in the open question and caps its length', () => {
    expect(openQuestion.maxLength).toBe(OPEN_TEXT_MAX_LENGTH);
    expect(openQuestion.warning.nb).toMatch(/navn/);
    expect(openQuestion.warning.nb).toMatch(/tillitsvalgt/);
    expect(openQuestion.warning.nb).toMatch(/verneombud/);
    expect(openQuestion.warning.nn).toMatch(/namn/);
    expect(openQuestion.warning.nn).toMatch(/tillitsvald/);
    expect(openQuestion.warning.nn).toMatch(/verneombod/);
    expect(openQuestion.warning.en).toMatch(/names/);
    expect(openQuestion.warning.en).toMatch(/union representative/);
    expect(openQuestion.warning.en).toMatch(/safety representative/);
  });
});
