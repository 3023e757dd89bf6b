// Owns getting a round's answer key for sealing, inside the ingest transaction: the round's key if
// it has one, else a new one stored wrapped (another process may store one first: then that one).
// Unwrapping is one AES-GCM open of 32 bytes, so nothing is cached: a key the release destroyed is
// never used again by this or another process.
import type { Transaction } from 'kysely';
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
  } catch (error) {
    // Nothing is stored: the device keeps the answers and sends them again.
    throw new Error(
      `The seal key of this process cannot open round ${roundId}'s key: every server process on one database must have the same SEAL_KEY`,
      { cause: error },
    );
  }
}
