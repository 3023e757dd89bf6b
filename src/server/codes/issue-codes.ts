// Issuing one-time codes: draw them with the crypto generator, keep only their keyed hashes, and
// draw again for the rare code whose hash is already on the server (the hash is the primary key,
// so a code exists only once on the whole server). The codes themselves are returned once, to be
// printed; they are never stored.
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { generateCodes, type RandomBytes } from '../../shared/codes';
import type { DB } from '../db/schema';
import { insertCodeHashes, type CodeTarget } from '../repositories/codes';
import type { CodeHasher } from './code-hasher';

/** At most this many codes are drawn and inserted per statement. */
export const CODES_PER_BATCH = 500;

/** The server's source of randomness for codes. */
export const nodeRandomBytes: RandomBytes = (n) => new Uint8Array(cryptoRandomBytes(n));

/**
 * Issues `count` new codes for a unit in a round, all in one transaction, and returns them
 * normalised (formatCode groups them for print). A drawn code is never drawn twice in one call.
 */
export async function issueCodes(
  db: Kysely<DB>,
  hasher: CodeHasher,
  randomBytes: RandomBytes,
  target: CodeTarget,
  count: number,
): Promise<string[]> {
  const issued: string[] = [];
  const tried = new Set<string>();
  await db.transaction().execute(async (trx) => {
    while (issued.length < count) {
      const batch = generateCodes(Math.min(count - issued.length, CODES_PER_BATCH), randomBytes, tried);
      batch.forEach((c) => tried.add(c));
      const byHash = new Map(batch.map((code) => [hasher.hashCode(code), code]));
      const inserted = await insertCodeHashes(trx, target, [...byHash.keys()]);
      for (const hash of inserted) issued.push(byHash.get(hash)!);
    }
  });
  return issued;
}
