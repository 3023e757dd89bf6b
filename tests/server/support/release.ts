// Tests' way to the answers the ingest sealed (src/server/release/): release every round's inbox
// now, whatever its dates, as the release will once the round is over; or open one sealed answer
// by the client's UUID, which only a test holding the process's seal key can (the app under test
// uses PROCESS_SEAL_KEY unless given another).
import type { Database } from '../../../src/server/db/database';
import { openAnswer, unwrapRoundKey, type SealedAnswer } from '../../../src/server/release/seal';
import { PROCESS_SEAL_KEY } from '../../../src/server/release/seal-key';
import { releaseRound } from '../../../src/server/release/release-round';
import { findRoundKey, findStoredResponses, roundsWithSealed } from '../../../src/server/repositories/inbox';
import { TEST_CODE_HASHER } from './fixtures';

/** Releases every round that has anything sealed; returns how many answers were released. */
export async function releaseAll(
  database: Database,
  sealKey: Uint8Array = PROCESS_SEAL_KEY,
): Promise<number> {
  let released = 0;
  for (const roundId of (await roundsWithSealed(database.kysely)).sort()) {
    released += await releaseRound(database, sealKey, roundId);
  }
  return released;
}

/** The sealed answer of this client UUID, opened; undefined when it is not in the inbox. */
export async function sealedAnswer(
  database: Database,
  responseId: string,
  sealKey: Uint8Array = PROCESS_SEAL_KEY,
): Promise<SealedAnswer | undefined> {
  const receipt = TEST_CODE_HASHER.hashReceipt(responseId);
  const row = await database.kysely
    .selectFrom('sealed_inbox')
    .selectAll()
    .where('receipt', '=', receipt)
    .executeTakeFirst();
  if (!row) return undefined;
  const key = await findRoundKey(database.kysely, row.round_id);
  if (!key) throw new Error(`round ${row.round_id} has sealed answers and no key`);
  const roundKey = unwrapRoundKey(sealKey, row.round_id, key.keyId, key.wrapped);
  const clear = { receipt, roundId: row.round_id, unitId: row.unit_id, keyId: row.key_id };
  return openAnswer(roundKey, clear, row.sealed);
}

/** How many answers wait sealed (all rounds). */
export async function sealedCount(database: Database): Promise<number> {
  const row = await database.kysely
    .selectFrom('sealed_inbox')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Which of these client UUIDs the server holds (sealed or released), in the order given. */
export async function storedIds(database: Database, ids: readonly string[]): Promise<string[]> {
  const lower = ids.map((id) => id.toLowerCase());
  const found = await findStoredResponses(database.kysely, (id) => TEST_CODE_HASHER.hashReceipt(id), lower);
  return lower.filter((id) => found.has(id));
}
