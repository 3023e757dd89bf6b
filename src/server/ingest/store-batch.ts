// The ingest transaction: for each admitted response, in a fixed order, use up its code (if it
// has one), insert it, and finally add what was stored to the aggregates and every final rejection
// of the batch to the rejection counts (count-rejections.ts) — all or nothing. Duplicates (a UUID
// already stored) are answered as such without touching any code, so a resend never uses a second
// code; an item rejected before the transaction whose UUID turns out to be stored is a duplicate
// too (an earlier send stored it and its answer was lost), and is not counted.
import { isValidCode } from '../../shared/codes';
import type { ErrorCode } from '../../shared/api/errors';
import type { CodeHasher } from '../codes/code-hasher';
import type { Database } from '../db/database';
import type { RefusalReason } from '../db/tables/refused-counts';
import { consumeCode, findCode, releaseCode, scrubUsedCodes } from '../repositories/codes';
import { findStoredIds, inRetriedTransaction, insertResponse } from '../repositories/responses';
import { addToAggregates } from './add-to-aggregates';
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
  onScrubError?: (error: unknown) => void;
}

export type StoreOutcome =
  { status: 'accepted' } | { status: 'duplicate' } | { status: 'rejected'; code: ErrorCode; message: string };

const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
  CODE_UNKNOWN: 'No such code in this round',
  CODE_ALREADY_USED: 'This code has already been used',
};

/**
 * Outcomes in the order of `admitted`, how many unknown codes were tried, and which `rejected`
 * items were already stored.
 */
export async function storeBatch(
  database: Database,
  hasher: CodeHasher,
  admitted: readonly Admitted[],
  { today, rejected, onScrubError = () => undefined }: StoreOptions,
): Promise<{ outcomes: StoreOutcome[]; unknownCodes: number; storedRejected: Set<string> }> {
  const lookUp = rejected.flatMap((r) => (r.storedId !== undefined ? [r.storedId] : []));
  const counts = rejected.some((r) => r.id !== undefined && r.place !== undefined);
  if (admitted.length === 0 && lookUp.length === 0 && !counts) {
    return { outcomes: [], unknownCodes: 0, storedRejected: new Set() };
  }
  // A fixed order of locks, so racing batches wait for each other instead of deadlocking: answers
  // with codes first, by code hash (the code row is the first thing they lock), then the others by
  // UUID (their response row is).
  const hashes = admitted.map((a) => (a.wayIn.kind === 'code' ? hasher.hashCode(a.wayIn.code) : undefined));
  const sortKey = (i: number) => (hashes[i] !== undefined ? `0${hashes[i]}` : `1${admitted[i]!.response.id}`);
  const order = admitted.map((_, i) => i).sort((a, b) => compare(sortKey(a), sortKey(b)));

  const result = await inRetriedTransaction(database, async (trx) => {
    const outcomes: StoreOutcome[] = [];
    const stored: NewResponse[] = [];
    const rejections: CountedRejection[] = [];
    let unknownCodes = 0;
    const codeUnits = new Map<string, { roundId: string; unitId: string }>();
    const already = await findStoredIds(trx, [...admitted.map((a) => a.response.id), ...lookUp]);

    for (const i of order) {
      const { wayIn, place } = admitted[i]!;
      const response = { ...admitted[i]!.response };
      if (already.has(response.id)) {
        outcomes[i] = { status: 'duplicate' };
        continue;
      }
      let codeHash: string | undefined;
      if (wayIn.kind === 'code') {
        // A typo the device should have caught cannot match anything: no need to ask the database.
        const wellFormed = isValidCode(wayIn.code);
        codeHash = hashes[i]!;
        const codeUnit = wellFormed ? await consumeCode(trx, codeHash, response.roundId) : undefined;
        if (codeUnit === undefined) {
          // The same response sent twice at once: the other batch used the code and stored it.
          if ((await findStoredIds(trx, [response.id])).has(response.id)) {
            outcomes[i] = { status: 'duplicate' };
            continue;
          }
          const known = wellFormed ? await findCode(trx, codeHash) : undefined;
          const used = known !== undefined && known.roundId === response.roundId;
          const reason: RefusalReason = used ? 'CODE_ALREADY_USED' : 'CODE_UNKNOWN';
          if (!used) unknownCodes += 1;
          const unitId = used ? known.unitId : wayIn.refusalUnitId;
          rejections.push({ id: response.id, place: { ...place, unitId }, reason });
          outcomes[i] = { status: 'rejected', code: reason, message: REFUSAL_MESSAGES[reason] };
          continue;
        }
        if (codeUnit !== response.unitId && !wayIn.acceptedUnitIds.includes(response.unitId)) {
          await releaseCode(trx, codeHash);
          rejections.push({ id: response.id, place, reason: 'UNIT_MISMATCH' });
          outcomes[i] = {
            status: 'rejected',
            code: 'UNIT_MISMATCH',
            message: 'The code belongs to another unit',
          };
          continue;
        }
        // The code decides the unit.
        response.unitId = codeUnit;
      }
      if (!(await insertResponse(trx, response))) {
        if (codeHash !== undefined) await releaseCode(trx, codeHash);
        outcomes[i] = { status: 'duplicate' };
        continue;
      }
      if (codeHash !== undefined) {
        codeUnits.set(`${response.roundId}\u0000${response.unitId}`, {
          roundId: response.roundId,
          unitId: response.unitId,
        });
      }
      stored.push(response);
      outcomes[i] = { status: 'accepted' };
    }
    const storedRejected = new Set(lookUp.filter((id) => already.has(id)));
    for (const r of rejected)
      if (r.storedId === undefined || !storedRejected.has(r.storedId)) rejections.push(r);
    await addToAggregates(trx, stored);
    await countRejections(trx, rejections, today);
    return { outcomes, unknownCodes, storedRejected, codeUnits: [...codeUnits.values()] };
  });

  // After the commit, in a transaction of its own: see repositories/codes.ts. The answers are
  // stored by now, so a failure here must not turn into an error for the device.
  await scrubUsedCodes(database, result.codeUnits).catch(onScrubError);
  const { outcomes, unknownCodes, storedRejected } = result;
  return { outcomes, unknownCodes, storedRejected };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
