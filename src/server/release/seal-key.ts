// Owns the seal key: the secret that wraps every round's answer key (./seal.ts), kept outside the
// database so that a copy of the database (a backup, a snapshot, a PostgreSQL dump) cannot open the
// sealed inbox. Where it comes from: SEAL_KEY in the environment (at least 32 characters; every
// server process on one PostgreSQL must have the same), else the file SEAL_KEY_FILE, else the file
// <DATA_DIR>.seal-key beside DATA_DIR — not inside it, so a copy of DATA_DIR does not carry it.
// A new random key is written there (mode 0600) only once the database has accepted it.
//
// At start (checkSealKey): the database keeps the key's fingerprint (server_meta
// 'seal_key_fingerprint'), stored by the first process or start with an insert-if-absent, so two
// processes starting at once on an empty database record one key and the other is refused. A key
// that cannot open the sealed answers or round keys, or whose fingerprint is not the stored one,
// refuses the start, says what to restore, and changes nothing: the stored fingerprint is never
// replaced, also while nothing is sealed (one process sealing with a key the others lack would
// leave answers that only it can release). On PostgreSQL the key must come from SEAL_KEY or an
// existing SEAL_KEY_FILE (codes/code-key.ts requireSharedKeys). Nothing here prints the key or its
// fingerprint.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { StartRefused } from '../db/start-refused';
import { sealedSample } from '../repositories/inbox';
import { insertServerMetaIfAbsent, readServerMeta } from '../repositories/server-meta';
import { sealKeyFingerprint, unwrapRoundKey } from './seal';

export const SEAL_KEY_FINGERPRINT = 'seal_key_fingerprint';
const MIN_ENV_KEY_LENGTH = 32;

export interface SealKey {
  readonly key: Buffer;
  /** Where an operator restores it. */
  readonly origin: string;
  readonly fresh: boolean;
  save(): void;
}

/** <DATA_DIR>.seal-key: beside DATA_DIR, outside it. */
export function defaultSealKeyFile(dataDir: string): string {
  const dir = resolve(dataDir);
  return join(dirname(dir), `${basename(dir)}.seal-key`);
}

export function findSealKey(options: { env?: string; file?: string; dataDir: string }): SealKey {
  if (options.env !== undefined && options.env !== '') {
    if (options.env.length < MIN_ENV_KEY_LENGTH) {
      throw new Error(
        `SEAL_KEY must be at least ${MIN_ENV_KEY_LENGTH} characters (use e.g. openssl rand -hex 32)`,
      );
    }
    const key = createHash('sha256').update(options.env, 'utf8').digest();
    return { key, origin: 'the environment variable SEAL_KEY', fresh: false, save: () => undefined };
  }
  const file =
    options.file !== undefined && options.file !== ''
      ? resolve(options.file)
      : defaultSealKeyFile(options.dataDir);
  const origin = `the file ${file}`;
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} does not hold a hex key of 32 bytes`);
    return { key: Buffer.from(hex, 'hex'), origin, fresh: false, save: () => undefined };
  }
  const key = randomBytes(32);
  return {
    key,
    origin,
    fresh: true,
    save() {
      mkdirSync(dirname(file), { recursive: true });
      try {
        writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      }
    },
  };
}

/** Whether this key opens the sealed rows that exist (true when there are none). */
async function opensWhatIsSealed(
  db: Kysely<DB>,
  key: Uint8Array,
): Promise<{ sealed: number; opens: boolean }> {
  const sample = await sealedSample(db);
  const sealed = sample.rows + (sample.key ? 1 : 0);
  // Rows without a key could be opened by no key at all: nothing for this key to prove.
  if (!sample.key) return { sealed, opens: true };
  try {
    unwrapRoundKey(key, sample.key.roundId, sample.key.keyId, sample.key.wrapped);
    return { sealed, opens: true };
  } catch {
    return { sealed, opens: false };
  }
}

export async function checkSealKey(db: Kysely<DB>, sealKey: SealKey): Promise<void> {
  const fingerprint = sealKeyFingerprint(sealKey.key);
  let stored = await readServerMeta(db, SEAL_KEY_FINGERPRINT);
  const { sealed, opens } = await opensWhatIsSealed(db, sealKey.key);
  if (!opens) throw refusal(sealKey, sealed);
  if (stored === undefined) {
    if (await insertServerMetaIfAbsent(db, SEAL_KEY_FINGERPRINT, fingerprint)) {
      sealKey.save();
      return;
    }
    // Another process stored its key's fingerprint a moment ago: that one is the database's key.
    stored = await readServerMeta(db, SEAL_KEY_FINGERPRINT);
  }
  if (stored === fingerprint) {
    sealKey.save();
    return;
  }
  throw otherKeyRefusal(sealKey);
}

function refusal(sealKey: SealKey, sealed: number): StartRefused {
  const what =
    `This database holds answers sealed with another seal key (${sealed} sealed rows and round keys); ` +
    'they are released into the reports only once the round is over, and only that key can open them, so tifaktor will not start (nothing was changed).';
  if (sealKey.fresh) {
    const file = sealKey.origin.replace(/^the file /, '');
    return new StartRefused(
      `No seal key was found: SEAL_KEY is not set and ${file} does not exist. ${what} ` +
        `Restore ${file} (or SEAL_KEY) as it was when these answers came in, then start again.`,
    );
  }
  return new StartRefused(
    `The seal key in ${sealKey.origin} is not the one the waiting answers were sealed with. ${what} ` +
      `Put the previous key back in ${sealKey.origin}, then start again.`,
  );
}

/** Nothing this key cannot open is sealed yet, but the database has recorded another key. */
function otherKeyRefusal(sealKey: SealKey): StartRefused {
  const found = sealKey.fresh
    ? `No seal key was found: SEAL_KEY is not set and ${sealKey.origin.replace(/^the file /, '')} does not exist, but this database has recorded another seal key.`
    : `The seal key in ${sealKey.origin} is not the one this database has recorded.`;
  return new StartRefused(
    `${found} The first process or start on this database stored its key's fingerprint; a process with ` +
      'another key would seal answers the others cannot release, so tifaktor will not start (nothing was ' +
      'changed). Give this process the same SEAL_KEY (or SEAL_KEY_FILE) as every other process on this ' +
      'database (or restore the key kept apart from its backup), then start again. To change the key on ' +
      'purpose while no answer is sealed, stop every server process, delete the row ' +
      `'${SEAL_KEY_FINGERPRINT}' from the table server_meta, and start them all with the new key.`,
  );
}

/** For tests and embedders that pass no seal key: one random key per process. */
export const PROCESS_SEAL_KEY = randomBytes(32);
