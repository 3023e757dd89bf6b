import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  CODE_ALPHABET,
  CODE_LENGTH,
  formatCode,
  generateCode,
  generateCodes,
  isValidCode,
  normaliseCode,
  webRandomBytes,
} from '../../src/shared/codes';
import { REPLAY, seededBytes, useFastCheckSeed } from '../support/seed';

// A fixed seed (TEST_SEED overrides it): the same cases on every run, replayable from the report.
useFastCheckSeed();

const nodeRandom = (n: number) => new Uint8Array(randomBytes(n));

function substitutions(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    for (const c of CODE_ALPHABET) if (c !== code[i]) out.push(code.slice(0, i) + c + code.slice(i + 1));
  }
  return out;
}

function adjacentSwaps(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < code.length; i++) {
    if (code[i] === code[i + 1]) continue;
    out.push(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2));
  }
  return out;
}

/** A valid code with the given characters at the given positions (0..8; 8 is the check character). */
function validCodeWith(fixed: Map<number, string>): string {
  const data = [...'22222222'];
  for (const [i, c] of fixed) if (i < 8) data[i] = c;
  const wanted = fixed.get(8);
  if (wanted === undefined) return data.join('') + checkCharacter(data.join(''));
  // The check character is fixed too: vary a free data position until it comes out right.
  const free = [0, 1, 2, 3, 4, 5, 6, 7].find((i) => !fixed.has(i))!;
  for (const c of CODE_ALPHABET) {
    data[free] = c;
    if (checkCharacter(data.join('')) === wanted) return data.join('') + wanted;
  }
  throw new Error('no valid code found');
}

describe('one-time codes', () => {
  it('uses a prime-sized alphabet without look-alike characters', () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(lookAlike);
  });

  it('generates 100,000 distinct codes that all pass the check', () => {
    const codes = generateCodes(100_000, nodeRandom);
    expect(new Set(codes).size).toBe(100_000);
    expect(codes.filter((code) => code.length !== CODE_LENGTH || !isValidCode(code))).toEqual([]);
  });

  it('draws every character equally often (rejection sampling, no modulo bias)', () => {
    // With "byte % 31" the characters 2..9 (values 0..8) would come up 9/8 as often as the rest.
    const counts = new Map<string, number>();
    const n = 40_000;
    // Seeded bytes, not crypto's: the statistic is then the same on every run, so the bound below is
    // a fixed verdict on the sampling and cannot fail one run in ten thousand by chance.
    for (const code of generateCodes(n, seededBytes('codes-chi-square'))) {
      for (const c of code.slice(0, 8)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const expected = (n * 8) / 31;
    const chiSquare = [...CODE_ALPHABET].reduce(
      (s, c) => s + ((counts.get(c) ?? 0) - expected) ** 2 / expected,
      0,
    );
    // 30 degrees of freedom: p = 0.0001 lies at about 59.7; a 9/8 bias would give over 1,000.
    expect(chiSquare, REPLAY).toBeLessThan(60);
  });

  it('redraws bytes 248–255 instead of folding them onto the first characters', () => {
    const bytes = [255, 248, 250, 0, 1, 2, 3, 4, 5, 6, 7, 30];
    let at = 0;
    const scripted = (n: number) =>
      new Uint8Array(Array.from({ length: n }, () => bytes[at++ % bytes.length]!));
    const code = generateCode(scripted);
    expect(code.slice(0, 8)).toBe('23456789');
    expect(isValidCode(code)).toBe(true);
  });

  it('catches every single substitution and every adjacent swap: exhaustive over positions and values', () => {
    // The check is linear, so whether a change is caught depends only on the position(s) and the
    // values involved, never on the rest of the code. A valid code for every position and every
    // (old, new) pair of values therefore covers every code there is: 9·31·30 substitutions and
    // 8·31·30 swaps.
    let checked = 0;
    for (let i = 0; i < CODE_LENGTH; i++) {
      for (const x of CODE_ALPHABET) {
        const valid = validCodeWith(new Map([[i, x]]));
        for (const y of CODE_ALPHABET) {
          if (y === x) continue;
          expect(isValidCode(valid.slice(0, i) + y + valid.slice(i + 1))).toBe(false);
          checked++;
        }
      }
    }
    for (let i = 0; i + 1 < CODE_LENGTH; i++) {
      for (const a of CODE_ALPHABET) {
        for (const b of CODE_ALPHABET) {
          if (a === b) continue;
          const valid = validCodeWith(
            new Map([
              [i, a],
              [i + 1, b],
            ]),
          );
          expect(isValidCode(valid.slice(0, i) + b + a + valid.slice(i + 2))).toBe(false);
          checked++;
        }
      }
    }
    expect(checked).toBe(9 * 31 * 30 + 8 * 31 * 30);
  });

  it('catches every single substitution and adjacent swap of 2,000 random codes', () => {
    const missed = generateCodes(2_000, nodeRandom).flatMap((code) =>
      [...substitutions(code), ...adjacentSwaps(code)].filter(isValidCode),
    );
    expect(missed).toEqual([]);
  });

  it('takes codes in any case, with or without dashes and spaces', () => {
    const code = generateCode(nodeRandom);
    const shown = formatCode(code);
    expect(shown).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}$/);
    for (const typed of [
      shown,
      code.toLowerCase(),
      ` ${shown.toLowerCase()} `,
      shown.replace(/-/g, ' '),
      `${code.slice(0, 4)} ${code.slice(4)}`,
    ]) {
      expect(normaliseCode(typed)).toBe(code);
      expect(isValidCode(typed)).toBe(true);
    }
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(' ', '-', '  ', '\t'), {
          minLength: CODE_LENGTH + 1,
          maxLength: CODE_LENGTH + 1,
        }),
        (seps) => {
          const typed =
            [...code].map((c, i) => seps[i] + (i % 2 ? c.toLowerCase() : c)).join('') + seps[CODE_LENGTH];
          return normaliseCode(typed) === code && isValidCode(typed);
        },
      ),
    );
  });

  it('refuses codes of the wrong length or with characters outside the alphabet', () => {
    const code = generateCode(nodeRandom);
    expect(isValidCode(code.slice(0, 8))).toBe(false);
    expect(isValidCode(code + '2')).toBe(false);
    expect(isValidCode('')).toBe(false);
    expect(isValidCode(code.slice(0, 8) + 'O')).toBe(false);
    expect(isValidCode('O' + code.slice(1))).toBe(false);
    expect(() => checkCharacter('ABC')).toThrow();
  });

  it('works with the Web Crypto source the PWA uses', () => {
    expect(isValidCode(generateCode(webRandomBytes))).toBe(true);
  });
});
