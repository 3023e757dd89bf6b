// Owns the release of a round's sealed inbox into the responses and the aggregates: one
// transaction opens every sealed answer of the round, shuffles them with the crypto generator,
// writes them as responses with new random ids (the client's UUID survives only as the receipt,
// which no response carries), adds them to the aggregates (../ingest/add-to-aggregates.ts, the
// one way counts are made), keeps the receipts (sorted by receipt, an order unrelated to the
// responses) so a resend stays a duplicate, and destroys the inbox rows and the round key.
// Afterwards, outside the transaction: SQLite truncates its write-ahead log (secure_delete is on
// from the open, db/database.ts, so the freed pages are zeroed); PostgreSQL truncates the inbox
// and key tables when nothing else waits in them (their files go), else vacuums them so the dead
// row versions go.
//
// On PostgreSQL the round's used codes are written anew in random order in the same transaction
// (../repositories/codes.ts, reshuffleUsedCodes), so they carry the release's row version like the
// responses, not the one of their use.
//
// Two processes may release at once: on PostgreSQL the release takes the round's advisory lock
// exclusively (the ingest holds it shared while it seals), so the second waits and then finds
// nothing left; SQLite runs one write transaction at a time.
import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { addToAggregates } from '../ingest/add-to-aggregates';
import type { NewResponse } from '../ingest/types';
import {
  destroyInbox,
  findRoundKey,
  insertReceipts,
  insertReleasedResponses,
  lockRounds,
  sealedRowsOfRound,
} from '../repositories/inbox';
import { reshuffleUsedCodes } from '../repositories/codes';
import { inRetriedTransaction } from '../repositories/responses';
import { openAnswer, unwrapRoundKey } from './seal';

export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Releases the round's inbox now, whatever its dates (the caller decides it is due). Returns how many. */
export async function releaseRound(
  database: Database,
  sealKey: Uint8Array,
  roundId: string,
): Promise<number> {
  const released = await inRetriedTransaction(database, async (trx) => {
    await lockRounds(trx, database, [roundId], 'exclusive');
    const key = await findRoundKey(trx, roundId);
    const rows = await sealedRowsOfRound(trx, roundId);
    if (!key && rows.length === 0) return undefined;
    if (rows.length > 0 && !key) throw new Error(`The sealed answers of round ${roundId} have no key`);
    const roundKey = key ? unwrapRoundKey(sealKey, roundId, key.keyId, key.wrapped) : undefined;
    const responses: NewResponse[] = rows.map((row) => ({
      id: randomUUID(),
      ...openAnswer(roundKey!, row, row.sealed),
      roundId: row.roundId,
      unitId: row.unitId,
    }));
    shuffle(responses);
    await insertReleasedResponses(trx, responses);
    await addToAggregates(trx, responses);
    await insertReceipts(trx, roundId, rows.map((r) => r.receipt).sort());
    await reshuffleUsedCodes(trx, database, roundId);
    await destroyInbox(trx, roundId);
    return responses.length;
  });
  if (released === undefined) return 0;
  await wipeTraces(database);
  return released;
}

/** What is left of the destroyed rows below SQL: the SQLite WAL, PostgreSQL's dead row versions. */
export async function wipeTraces(database: Database): Promise<void> {
  if (database.dialect === 'sqlite') {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(database.kysely);
  } else {
    // Emptied, the tables are truncated: PostgreSQL then drops their files, with whatever bytes the
    // deleted rows left in their pages. Else VACUUM removes the dead row versions.
    const emptied = await truncateIfEmpty(database);
    if (!emptied) {
      await sql`vacuum sealed_inbox`.execute(database.kysely);
      await sql`vacuum round_seal_keys`.execute(database.kysely);
    }
    // The used codes' old row versions (reshuffleUsedCodes) kept the order they were used in.
    await sql`vacuum one_time_codes`.execute(database.kysely);
  }
}

/** PostgreSQL's "could not get the lock" (NOWAIT) and "deadlock detected". */
const LOCK_REFUSED = new Set(['55P03', '40P01']);

/**
 * Truncates the inbox and the key table when both are empty. The lock is taken with NOWAIT: an
 * ingest or another release holding either table (its row locks are enough) would otherwise wait
 * for this lock while it waits for theirs. Refused, it answers false and the caller vacuums, which
 * takes no lock that conflicts with writers.
 */
async function truncateIfEmpty(database: Database): Promise<boolean> {
  try {
    return await database.kysely.transaction().execute(async (trx) => {
      await sql`lock table sealed_inbox, round_seal_keys in access exclusive mode nowait`.execute(trx);
      const left = await sql<{
        n: string;
      }>`select (select count(*) from sealed_inbox) + (select count(*) from round_seal_keys) as n`.execute(
        trx,
      );
      if (Number(left.rows[0]?.n) > 0) return false;
      await sql`truncate sealed_inbox, round_seal_keys`.execute(trx);
      return true;
    });
  } catch (error) {
    if (LOCK_REFUSED.has(String((error as { code?: unknown }).code))) return false;
    throw error;
  }
}
