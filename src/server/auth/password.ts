// Password hashing with scrypt (memory-hard, in Node's own crypto). The stored string names its
// parameters — scrypt$N$r$p$salt$hash — so the cost can be raised later without breaking the
// hashes already stored, and verification reads the parameters from the hash, not from here.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** About 32 MiB and some tens of milliseconds per hash: cheap for a login, costly for a guesser. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Refuse parameters from a tampered row that would exhaust memory (2^20 × 8 × 128 B = 1 GiB). */
const MAX_N = 2 ** 20;

/**
 * How many hashes run at once in this process. Each holds 128 × N × r bytes (32 MiB by default)
 * and a thread of libuv's pool of four, which static files and compression share: a burst of
 * sign-ins (or of guesses, before the rate limit) waits here instead of growing the process by
 * 32 MiB per request and taking every thread.
 */
export const MAX_CONCURRENT_HASHES = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function oneOfFew<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((go) => waiting.push(go));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // NFC: "ø" typed on one device may arrive decomposed from another; both must match.
  const input = password.normalize('NFC');
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return oneOfFew(
    () =>
      new Promise((resolve, reject) => {
        scrypt(input, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || salt === undefined || key === undefined) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const isPowerOfTwo = Number.isInteger(params.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!isPowerOfTwo || params.N > MAX_N) return undefined;
  if (!Number.isInteger(params.r) || !Number.isInteger(params.p) || params.r < 1 || params.p < 1) {
    return undefined;
  }
  return { params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/**
 * Whether the stored string is a password hash at all. An account made at sign-in through the
 * identity provider (../oidc) stores OIDC_NO_PASSWORD instead: no password opens it.
 */
export function isPasswordHash(stored: string): boolean {
  return parse(stored) !== undefined;
}

/** What an account without a password of its own stores in password_hash (never a hash). */
export const OIDC_NO_PASSWORD = 'oidc:no-password';

/** False for a wrong password and for a stored string that is not a hash this module made. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.key.length !== KEY_BYTES) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash to verify against when the username does not exist, so that an unknown user costs the
 * same scrypt work as a wrong password and the answer time does not tell which usernames exist.
 */
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
}
