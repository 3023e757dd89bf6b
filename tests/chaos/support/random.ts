// A seeded random() in [0, 1) over tests/support/seed.ts, so a chaos run repeats with its seed.
import { seededBytes } from '../../support/seed';

export function seededRandom(label: string): () => number {
  const bytes = seededBytes(label);
  return () => {
    const [a, b, c, d] = bytes(4);
    return (((a! << 24) | (b! << 16) | (c! << 8) | d!) >>> 0) / 0x1_0000_0000;
  };
}
