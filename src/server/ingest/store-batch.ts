// The ingest transaction: for each admitted response, in a fixed order, use up its code (if it
// has one) and seal the answer into the round's inbox (../repositories/inbox.ts, sealed by
// ../release/seal.ts with the round's key); every final rejection of the batch is counted
// (count-rejections.ts) — all or nothing. Nothing here writes a response or an aggregate: the
// release does, once the round is over, in random order (../release/release-round.ts), so no
// row a copy of the database holds pairs an answer with the code used in the same transaction, a
// tablet use or an arrival time.
//
// Duplicates (a receipt already in the inbox or released) are answered as such without touching
// any code, so a resend never uses a second code; an item rejected before the transaction whose
// receipt turns out to be stored is a duplicate too (an earlier send stored it and its answer was
// lost), and is not counted.
import { isValidCode } from '../../shared/codes';
import type { ErrorCode } from '../../shared/api/errors';
import type { CodeHasher } from '../codes/code-hasher';
import type { Database } from '../db/database';
import type { RefusalReason } from '../db/tables/refused-counts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { consumeCode, findCode, releaseCode } from '../repositories/codes';
import { findStoredResponses, insertSealed, lockRounds, type InboxRow } from '../repositories/inbox';
import { inRetriedTransaction } from '../repositories/responses';
import { findRounds } from '../repositories/rounds';
import { roundKeyForSealing } from '../release/round-keys';
import { sealAnswer } from '../release/seal';
import { countRejections, type CountedRejection, type RejectionPlace } from './count-rejections';
import type { NewResponse } from './types';
import type { WayIn } from './validate-response';

export interface Admitted {
  response: NewResponse;
  wayIn: WayIn;
  /** Where a rejection in the transaction is counted (the unit is replaced for code refusals). */
  place: RejectionPlace;
}

/** An item rejected before the transaction: counted there, unless `storedId` is already stored. */
export interface PreRejected extends CountedRejection {
  /** The lower-case UUID to look up: a duplicate if stored. Undefined: final as it is. */
  storedId: string | undefined;
}

export interface StoreOptions {
  /** The server's Oslo date (rejected UUIDs are forgotten by it). */
  today: string;
  rejected: readonly PreRejected[];
  /** The seal key the round keys are wrapped with (../release/seal-key.ts). */
  sealKey: Uint8Array;
}

export type StoreOutcome =
  { status: 'accepted' } | { status: 'duplicate' } | { status: 'rejected'; code: ErrorCode; message: string };

const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
  CODE_UNKNOWN: 'No such code in this round',
  CODE_ALREADY_USED: 'This code has already been used',
};

/** Which of these response UUIDs are stored (sealed or released), by their receipts. */
export function findStoredIds(
  db: Kysely<DB>,
  hasher: CodeHasher,
  ids: readonly string[],
): Promise<Set<string>> {
  return findStoredResponses(db, (id) => hasher.hashReceipt(id), ids);
}

interface Pending {
  index: number;
  row: InboxRow;
  codeHash: string | undefined;
}

/**
 * Outcomes in the order of `admitted`, how many unknown codes were tried, and which `rejected`
 * items were already stored.
 */
export async function storeBatch(
  database: Database,
  hasher: CodeHasher,
  admitted: readonly Admitted[],
  { today, rejected, sealKey }: StoreOptions,
): Promise<{ outcomes: StoreOutcome[]; unknownCodes: number; storedRejected: Set<string> }> {
  const lookUp = rejected.flatMap((r) => (r.storedId !== undefined ? [r.storedId] : []));
  const counts = rejected.some((r) => r.id !== undefined && r.place !== undefined);
  if (admitted.length === 0 && lookUp.length === 0 && !counts) {
    return { outcomes: [], unknownCodes: 0, storedRejected: new Set() };
  }
  // A fixed order of locks, so racing batches wait for each other instead of deadlocking: answers
  // with codes first, by code hash (the code row is the first thing they lock), then the others by
  // UUID.
  const hashes = admitted.map((a) => (a.wayIn.kind === 'code' ? hasher.hashCode(a.wayIn.code) : undefined));
  const sortKey = (i: number) => (hashes[i] !== undefined ? `0${hashes[i]}` : `1${admitted[i]!.response.id}`);
  const order = admitted.map((_, i) => i).sort((a, b) => compare(sortKey(a), sortKey(b)));
  const roundIds = [...new Set(admitted.map((a) => a.response.roundId))].sort();

  return inRetriedTransaction(database, async (trx) => {
    const outcomes: StoreOutcome[] = [];
    const rejections: CountedRejection[] = [];
    const pending: Pending[] = [];
    let unknownCodes = 0;
    // The release takes these exclusively: no answer is sealed with a key it is destroying.
    await lockRounds(trx, database, roundIds, 'shared');
    // A round gets its key when its first answer is sealed.
    const keys = new Map<string, { keyId: string; key: Buffer }>();
    const keyOf = async (roundId: string) => {
      if (!keys.has(roundId)) keys.set(roundId, await roundKeyForSealing(trx, sealKey, roundId));
      return keys.get(roundId)!;
    };
    const already = await findStoredIds(trx, hasher, [...admitted.map((a) => a.response.id), ...lookUp]);
    // Published while this batch was checked: its release may be done, and an answer sealed now
    // would be released on its own later. Read again under the lock the release takes.
    const current = await findRounds(trx, [...roundIds, ...rejected.flatMap((r) => r.place?.roundId ?? [])]);
    const published = new Set([...current.values()].filter((r) => r.status === 'published').map((r) => r.id));
    // Deleted for good while this batch was checked (issue 15, ../rounds/delete-round.ts): nothing
    // of it is stored or counted (a count would name a round that no longer exists).
    const isDeleted = (roundId: string) => !current.has(roundId);

    for (const i of order) {
      const { wayIn, place } = admitted[i]!;
      const { id, ...answer } = admitted[i]!.response;
      if (already.has(id)) {
        outcomes[i] = { status: 'duplicate' };
        continue;
      }
      if (isDeleted(answer.roundId)) {
        outcomes[i] = { status: 'rejected', code: 'UNKNOWN_ROUND', message: 'The round has been deleted' };
        continue;
      }
      if (published.has(answer.roundId)) {
        rejections.push({ id, place, reason: 'ROUND_CLOSED' });
        outcomes[i] = { status: 'rejected', code: 'ROUND_CLOSED', message: 'The round has been published' };
        continue;
      }
      let codeHash: string | undefined;
      if (wayIn.kind === 'code') {
        // A typo the device should have caught cannot match anything: no need to ask the database.
        const wellFormed = isValidCode(wayIn.code);
        codeHash = hashes[i]!;
        const codeUnit = wellFormed ? await consumeCode(trx, codeHash, answer.roundId) : undefined;
        if (codeUnit === undefined) {
          // The same response sent twice at once: the other batch used the code and stored it.
          if ((await findStoredIds(trx, hasher, [id])).has(id)) {
            outcomes[i] = { status: 'duplicate' };
            continue;
          }
          const known = wellFormed ? await findCode(trx, codeHash) : undefined;
          const used = known !== undefined && known.roundId === answer.roundId;
          const reason: RefusalReason = used ? 'CODE_ALREADY_USED' : 'CODE_UNKNOWN';
          if (!used) unknownCodes += 1;
          const unitId = used ? known.unitId : wayIn.refusalUnitId;
          rejections.push({ id, place: { ...place, unitId }, reason });
          outcomes[i] = { status: 'rejected', code: reason, message: REFUSAL_MESSAGES[reason] };
          continue;
        }
        if (codeUnit !== answer.unitId && !wayIn.acceptedUnitIds.includes(answer.unitId)) {
          await releaseCode(trx, codeHash);
          rejections.push({ id, place, reason: 'UNIT_MISMATCH' });
          outcomes[i] = {
            status: 'rejected',
            code: 'UNIT_MISMATCH',
            message: 'The code belongs to another unit',
          };
          continue;
        }
        // The code decides the unit.
        answer.unitId = codeUnit;
      }
      const { keyId, key } = await keyOf(answer.roundId);
      const clear = {
        receipt: hasher.hashReceipt(id),
        roundId: answer.roundId,
        unitId: answer.unitId,
        keyId,
      };
      pending.push({ index: i, codeHash, row: { ...clear, sealed: sealAnswer(key, clear, answer) } });
      outcomes[i] = { status: 'accepted' };
    }
    // A racing batch may have sealed the same response meanwhile: that one stands, this is a duplicate.
    const inserted = await insertSealed(
      trx,
      pending.map((p) => p.row),
    );
    for (const p of pending) {
      if (inserted.has(p.row.receipt)) continue;
      if (p.codeHash !== undefined) await releaseCode(trx, p.codeHash);
      outcomes[p.index] = { status: 'duplicate' };
    }
    const storedRejected = new Set(lookUp.filter((id) => already.has(id)));
    for (const r of rejected)
      if (r.storedId === undefined || !storedRejected.has(r.storedId)) rejections.push(r);
    await countRejections(
      trx,
      rejections.filter((r) => r.place === undefined || !isDeleted(r.place.roundId)),
      today,
    );
    return { outcomes, unknownCodes, storedRejected };
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
