// Owns the secret that turns one-time codes into what the database keeps. Only
// HMAC-SHA256(key, normalised code) is stored, so a copy of the database alone cannot be turned
// back into codes by trying all 31^8 of them: that also needs the key, which lives outside the
// database.
//
// Where the key comes from (see loadCodeHashKey): CODE_HASH_KEY in the environment (at least 32
// characters; every server process on one PostgreSQL must have the same), otherwise a random key
// created once in DATA_DIR/code-hash.key (mode 0600) — enough for one process with SQLite. Losing
// the key makes every issued code unknown; back it up with the database, but not in the same place.
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseCode } from '../../shared/codes';

export const CODE_HASH_KEY_FILE = 'code-hash.key';
const MIN_ENV_KEY_LENGTH = 32;

export interface CodeHasher {
  /** The stored form of a code as typed (normalised first). */
  hashCode(code: string): string;
  /** A keyed hash of a client address for rate limiting: the address is never stored. */
  hashClient(address: string): string;
}

export function createCodeHasher(key: Uint8Array): CodeHasher {
  if (key.length < 32) throw new Error('The code hash key must be at least 32 bytes');
  const hmac = (domain: string, value: string) =>
    createHmac('sha256', key).update(`${domain}\u0000${value}`, 'utf8').digest('hex');
  return {
    hashCode: (code) => hmac('code', normaliseCode(code)),
    hashClient: (address) => hmac('client', address),
  };
}

/** CODE_HASH_KEY if set, else DATA_DIR/code-hash.key, created with a random key on first start. */
export function loadCodeHashKey(options: { env?: string; dataDir: string }): Buffer {
  if (options.env !== undefined && options.env !== '') {
    if (options.env.length < MIN_ENV_KEY_LENGTH) {
      throw new Error(
        `CODE_HASH_KEY must be at least ${MIN_ENV_KEY_LENGTH} characters (use e.g. openssl rand -hex 32)`,
      );
    }
    return Buffer.from(options.env, 'utf8');
  }
  const file = join(options.dataDir, CODE_HASH_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    try {
      // 'wx': if another process created it a moment ago, keep theirs.
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    }
  }
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64,}$/i.test(hex)) throw new Error(`${file} does not hold a hex key of at least 32 bytes`);
  return Buffer.from(hex, 'hex');
}

/** For tests and embedders that pass no key: one random key per process. server.ts always passes one. */
export const PROCESS_CODE_HASH_KEY = randomBytes(32);
