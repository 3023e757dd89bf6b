// Owns the one-time code format, on the server and on devices (offline too): how a code is made,
// written, typed in and checked for typos.
//
// Alphabet: 31 characters, the digits 2–9 and the letters A–Z without I, L and O. Gone are the
// look-alikes 0/O, 1/I/L. 31 is prime, which the check character below relies on.
//
// A code is 8 data characters and 1 check character (31^8 ≈ 8.5 · 10^11 codes). With values
// v1..v8 of the data characters and c of the check character, the check character is chosen so that
//   2·v1 + 3·v2 + 4·v3 + 5·v4 + 6·v5 + 7·v6 + 8·v7 + 9·v8 + 1·c ≡ 0 (mod 31).
// Why this catches every single-character typo and every swap of two neighbours:
// - substituting x by y at a position of weight w changes the sum by w·(y − x); w is 1..9 and
//   y − x is ±1..±30, and 31 is prime, so the product is never ≡ 0;
// - swapping neighbours a ≠ b with weights w, w' changes the sum by (w − w')·(b − a); the weights
//   of neighbours always differ (…, 8, 9, 1), so again never ≡ 0.
// It also catches swaps across one character and twin errors (aa → bb). tests/shared/codes.test.ts
// checks all of this exhaustively.
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = CODE_ALPHABET.length; // 31
export const CODE_DATA_LENGTH = 8;
export const CODE_LENGTH = CODE_DATA_LENGTH + 1;
/** Weights of the data positions; the check character has weight 1. */
const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9] as const;
/** Printed and shown in groups of three: "K7M-2QX-9RT". */
const GROUP = 3;

/** Where a code is entered from a link: /s/<code>. */
export const CODE_LINK_PREFIX = '/s/';

function valueOf(char: string): number {
  return CODE_ALPHABET.indexOf(char);
}

function checkValue(dataValues: readonly number[]): number {
  let sum = 0;
  dataValues.forEach((v, i) => (sum += WEIGHTS[i]! * v));
  return (BASE - (sum % BASE)) % BASE;
}

/** The check character for 8 data characters in the alphabet. */
export function checkCharacter(data: string): string {
  if (data.length !== CODE_DATA_LENGTH || [...data].some((c) => valueOf(c) < 0)) {
    throw new Error('A code has 8 data characters from the code alphabet');
  }
  return CODE_ALPHABET[checkValue([...data].map(valueOf))]!;
}

/**
 * What a person typed, the way the code is stored and hashed: upper case, without spaces, dashes
 * or dots. It says nothing about validity: a typo stays a typo (see isValidCode).
 */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-–—.·_]/g, '');
}

/** True when the input, after normalisation, is a whole code with a correct check character. */
export function isValidCode(input: string): boolean {
  const code = normaliseCode(input);
  if (code.length !== CODE_LENGTH) return false;
  const values = [...code].map(valueOf);
  if (values.some((v) => v < 0)) return false;
  return checkValue(values.slice(0, CODE_DATA_LENGTH)) === values[CODE_DATA_LENGTH];
}

/** "K7M2QX9RT" → "K7M-2QX-9RT". Input is normalised first. */
export function formatCode(input: string): string {
  const code = normaliseCode(input);
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join('-');
}

/** A source of cryptographically strong random bytes: node:crypto's randomBytes, or getRandomValues. */
export type RandomBytes = (length: number) => Uint8Array;

/** The largest multiple of 31 that fits in a byte: bytes at or above it are thrown away. */
const UNBIASED_LIMIT = BASE * Math.floor(256 / BASE); // 248

/**
 * One new code in normalised form (use formatCode to show it). Each data character comes from one
 * random byte below 248 taken mod 31; bytes 248–255 are rejected and redrawn, so every character is
 * exactly equally likely (no modulo bias).
 */
export function generateCode(randomBytes: RandomBytes): string {
  const values: number[] = [];
  while (values.length < CODE_DATA_LENGTH) {
    for (const byte of randomBytes(CODE_DATA_LENGTH)) {
      if (byte < UNBIASED_LIMIT && values.length < CODE_DATA_LENGTH) values.push(byte % BASE);
    }
  }
  return [...values, checkValue(values)].map((v) => CODE_ALPHABET[v]!).join('');
}

/**
 * `count` distinct new codes. Random codes can collide (about 0.6 % chance somewhere among 100,000),
 * so repeats, and any code in `taken`, are drawn again.
 */
export function generateCodes(
  count: number,
  randomBytes: RandomBytes,
  taken?: ReadonlySet<string>,
): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const code = generateCode(randomBytes);
    if (!taken?.has(code)) codes.add(code);
  }
  return [...codes];
}

/** The browser's and Node's Web Crypto, for callers without a source of their own. */
export const webRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));
