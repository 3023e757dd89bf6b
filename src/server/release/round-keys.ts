// Owns getting a round's answer key for sealing, inside the ingest transaction: the round's key if
// it has one, else a new one stored wrapped (another process may store one first: then that one).
// Unwrapping is one AES-GCM open of 32 bytes, so nothing is cached: a key the release destroyed is
// never used again by this or another process.
import type { Transaction } from 'kysely';
import { ApiError } from '../api-error';
import type { DB } from '../db/schema';
import { findRoundKey, insertRoundKeyIfAbsent } from '../repositories/inbox';
import { newRoundKey, unwrapRoundKey, wrapRoundKey } from './seal';

export async function roundKeyForSealing(
  trx: Transaction<DB>,
  sealKey: Uint8Array,
  roundId: string,
): Promise<{ keyId: string; key: Buffer }> {
  let stored = await findRoundKey(trx, roundId);
  if (!stored) {
    const fresh = newRoundKey();
    await insertRoundKeyIfAbsent(
      trx,
      roundId,
      fresh.keyId,
      wrapRoundKey(sealKey, roundId, fresh.keyId, fresh.key),
    );
    stored = await findRoundKey(trx, roundId);
    if (!stored) throw new Error('The round key could not be stored');
  }
  try {
    return { keyId: stored.keyId, key: unwrapRoundKey(sealKey, roundId, stored.keyId, stored.wrapped) };
  } catch {
    // A misconfigured process (another SEAL_KEY than the one that sealed the round): 503 with a
    // stable code, nothing stored; the device keeps the answers and sends them again, and another
    // process behind the same load balancer may take them.
    throw new ApiError(
      'SEAL_KEY_MISMATCH',
      `This server process cannot seal answers for round ${roundId}: every server process on one database must have the same SEAL_KEY`,
    );
  }
}
