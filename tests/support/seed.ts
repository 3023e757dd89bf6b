// Owns the randomness of tests that draw random data: every such test takes it from one seed, so a
// run can always be repeated exactly. The seed is fixed (a statistical check then gives the same
// verdict on every run and cannot flake); TEST_SEED=<integer> replays or explores another one.
// fast-check prints the seed with any counterexample; the helpers' callers put it in their
// assertion messages.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { RandomBytes } from '../../src/shared/codes';

const DEFAULT_SEED = 20_260_301;

function parseSeed(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SEED;
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new Error(`TEST_SEED must be an integer (got "${value}")`);
  return seed;
}

export const TEST_SEED = parseSeed(process.env.TEST_SEED);

/** For assertion messages: how to run the failing case again. */
export const REPLAY = `replay with TEST_SEED=${TEST_SEED}`;

/** Every fc.assert in the calling test file starts from TEST_SEED. */
export function useFastCheckSeed(): void {
  fc.configureGlobal({ seed: TEST_SEED });
}

/**
 * Uniform bytes from SHA-256 in counter mode over (seed, label): deterministic, and as evenly
 * spread as the test statistics need. Another label gives an unrelated stream.
 */
export function seededBytes(label: string): RandomBytes {
  let block = 0;
  let pool = new Uint8Array(0);
  return (length) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      if (pool.length === 0)
        pool = new Uint8Array(createHash('sha256').update(`${TEST_SEED}:${label}:${block++}`).digest());
      out[i] = pool[0]!;
      pool = pool.subarray(1);
    }
    return out;
  };
}

/** A uniform random index in [0, n) from the stream, without modulo bias. */
function index(bytes: RandomBytes, n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  for (;;) {
    const [a, b, c, d] = bytes(4);
    const value = ((a! << 24) | (b! << 16) | (c! << 8) | d!) >>> 0;
    if (value < limit) return value % n;
  }
}

/** A Fisher–Yates shuffle drawn from seededBytes(label). */
export function seededShuffle<T>(items: readonly T[], label: string): T[] {
  const bytes = seededBytes(label);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = index(bytes, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A version-4-shaped UUID drawn from a seeded stream (seededBytes). */
export function seededUuid(bytes: RandomBytes): string {
  const b = bytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
