// Owns the secret that turns one-time codes into what the database keeps. Only
// HMAC-SHA256(key, normalised code) is stored, so a copy of the database alone cannot be turned
// back into codes by trying all 31^8 of them: that also needs the key, which lives outside the
// database.
//
// Where the key comes from (see loadCodeHashKey): CODE_HASH_KEY in the environment (at least 32
// characters; every server process on one PostgreSQL must have the same), otherwise a random key
// created once in DATA_DIR/code-hash.key (mode 0600) — enough for one process with SQLite. Losing
// the key makes every issued code unknown; back it up with the database, but not in the same place.
// The database keeps a fingerprint of the key (codeKeyFingerprint, checked at start by
// ./code-key.ts), so a start with a missing or other key is refused instead of quietly making a
// new one.
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
  /**
   * The receipt of a response's client UUID (the sealed inbox and ingest_receipts keep it for
   * idempotency): never the UUID itself, and nothing a released response carries.
   */
  hashReceipt(responseId: string): string;
  /**
   * A meeting's secrets (issue 13): 'code' and 'token' derive the meeting code and join token from
   * the meeting id, so the leader's screen can show them again while only 'code-hash' (the code's
   * stored form) and the token's SHA-256 are in the database.
   */
  meetingSecret(purpose: 'code' | 'token' | 'code-hash', value: string): string;
}

export function createCodeHasher(key: Uint8Array): CodeHasher {
  if (key.length < 32) throw new Error('The code hash key must be at least 32 bytes');
  const hmac = (domain: string, value: string) =>
    createHmac('sha256', key).update(`${domain}\u0000${value}`, 'utf8').digest('hex');
  return {
    hashCode: (code) => hmac('code', normaliseCode(code)),
    hashClient: (address) => hmac('client', address),
    hashReceipt: (responseId) => hmac('receipt', responseId.toLowerCase()),
    meetingSecret: (purpose, value) => hmac(`meeting-${purpose}`, value),
  };
}

/**
 * A keyed fingerprint of the key, kept in the database: the same key gives the same fingerprint,
 * and the fingerprint tells nothing about the key (HMAC-SHA256 under the key itself, of a fixed
 * label no code or client address can take).
 */
export function codeKeyFingerprint(key: Uint8Array): string {
  return createHmac('sha256', key).update('tifaktor key fingerprint v1', 'utf8').digest('hex');
}

/** The code key this start will use, where it came from, and whether it is a new one. */
export interface CodeHashKey {
  readonly key: Buffer;
  /** Where an operator restores it: "the environment variable CODE_HASH_KEY" or "the file …". */
  readonly origin: string;
  /** No key was found, so this is a new random one, not yet written down. */
  readonly fresh: boolean;
  /** Writes a fresh key to DATA_DIR/code-hash.key (mode 0600); nothing for a key that was found. */
  save(): void;
}

/**
 * CODE_HASH_KEY if set, else DATA_DIR/code-hash.key, else a new random key that save() writes
 * there. Nothing is written before the caller has checked the key against the database.
 */
export function findCodeHashKey(options: { env?: string; dataDir: string }): CodeHashKey {
  if (options.env !== undefined && options.env !== '') {
    if (options.env.length < MIN_ENV_KEY_LENGTH) {
      throw new Error(
        `CODE_HASH_KEY must be at least ${MIN_ENV_KEY_LENGTH} characters (use e.g. openssl rand -hex 32)`,
      );
    }
    const key = Buffer.from(options.env, 'utf8');
    return { key, origin: 'the environment variable CODE_HASH_KEY', fresh: false, save: () => undefined };
  }
  const file = join(options.dataDir, CODE_HASH_KEY_FILE);
  const origin = `the file ${file}`;
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64,}$/i.test(hex))
      throw new Error(`${file} does not hold a hex key of at least 32 bytes`);
    return { key: Buffer.from(hex, 'hex'), origin, fresh: false, save: () => undefined };
  }
  const key = randomBytes(32);
  return {
    key,
    origin,
    fresh: true,
    save() {
      mkdirSync(options.dataDir, { recursive: true });
      // 'wx': never overwrite a key file, not even one another process wrote a moment ago.
      writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    },
  };
}

/** For tests and embedders that pass no key: one random key per process. server.ts always passes one. */
export const PROCESS_CODE_HASH_KEY = randomBytes(32);
