// A burst of sign-ins hashes at most MAX_CONCURRENT_HASHES passwords at once (each scrypt holds
// 32 MiB and one of libuv's four threads); the rest wait their turn and all get their answer.
import type * as Crypto from 'node:crypto';
import type { BinaryLike, ScryptOptions } from 'node:crypto';
import { expect, it, vi } from 'vitest';

const running = { now: 0, most: 0, calls: 0 };

vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof Crypto>();
  return {
    ...actual,
    scrypt: (
      password: BinaryLike,
      salt: BinaryLike,
      length: number,
      options: ScryptOptions,
      done: (error: Error | null, key: Buffer) => void,
    ) => {
      running.calls += 1;
      running.now += 1;
      running.most = Math.max(running.most, running.now);
      // The real work, made slow enough for the calls to overlap.
      actual.scrypt(password, salt, length, options, (error, key) =>
        setTimeout(() => {
          running.now -= 1;
          done(error, key);
        }, 20),
      );
    },
  };
});

it('hashes and verifies at most MAX_CONCURRENT_HASHES at once, answering every one', async () => {
  const { MAX_CONCURRENT_HASHES, hashPassword, verifyPassword } =
    await import('../../src/server/auth/password');
  const cheap = { N: 2 ** 10, r: 8, p: 1 };
  const hashes = await Promise.all(Array.from({ length: 6 }, (_, i) => hashPassword(`passord ${i}`, cheap)));
  const checks = await Promise.all(hashes.map((hash, i) => verifyPassword(`passord ${i % 3}`, hash)));
  expect(checks).toEqual([true, true, true, false, false, false]);
  expect(running.calls).toBe(12);
  expect(MAX_CONCURRENT_HASHES).toBe(2);
  expect(running.most).toBe(MAX_CONCURRENT_HASHES);
  expect(running.now).toBe(0);
});
