// The ingest transaction: for each admitted response, in a fixed order, use up its code (if it
// has one), insert it, and finally add what was stored to the aggregates and what was refused to the
// refused counts — all or nothing. Duplicates (a UUID already stored) are answered as such without
// touching any code, so a resend never uses a second code.
import { isValidCode } from '../../shared/codes';
import type { ErrorCode } from '../../shared/api/errors';
import type { CodeHasher } from '../codes/code-hasher';
import type { Database } from '../db/database';
import type { RefusalReason } from '../db/tables/refused-counts';
import { consumeCode, countRefused, findCode, releaseCode, scrubUsedCodes } from '../repositories/codes';
import { findStoredIds, inRetriedTransaction, insertResponse } from '../repositories/responses';
import { addToAggregates } from './add-to-aggregates';
import type { NewResponse } from './types';
import type { WayIn } from './validate-response';

export interface Admitted {
  response: NewResponse;
  wayIn: WayIn;
}

export type StoreOutcome =
  { status: 'accepted' } | { status: 'duplicate' } | { status: 'rejected'; code: ErrorCode; message: string };

const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
  CODE_UNKNOWN: 'No such code in this round',
  CODE_ALREADY_USED: 'This code has already been used',
};

/** Outcomes in the order of `admitted`, and how many unknown codes were tried. */
export async function storeBatch(
  database: Database,
  hasher: CodeHasher,
  admitted: readonly Admitted[],
  onScrubError: (error: unknown) => void = () => undefined,
): Promise<{ outcomes: StoreOutcome[]; unknownCodes: number }> {
  if (admitted.length === 0) return { outcomes: [], unknownCodes: 0 };
  // A fixed order of locks, so racing batches wait for each other instead of deadlocking: answers
  // with codes first, by code hash (the code row is the first thing they lock), then the others by
  // UUID (their response row is).
  const hashes = admitted.map((a) => (a.wayIn.kind === 'code' ? hasher.hashCode(a.wayIn.code) : undefined));
  const sortKey = (i: number) => (hashes[i] !== undefined ? `0${hashes[i]}` : `1${admitted[i]!.response.id}`);
  const order = admitted.map((_, i) => i).sort((a, b) => compare(sortKey(a), sortKey(b)));

  const result = await inRetriedTransaction(database, async (trx) => {
    const outcomes: StoreOutcome[] = [];
    const stored: NewResponse[] = [];
    const refusals: { roundId: string; unitId: string; reason: RefusalReason }[] = [];
    const codeUnits = new Map<string, { roundId: string; unitId: string }>();
    const already = await findStoredIds(
      trx,
      admitted.map((a) => a.response.id),
    );

    for (const i of order) {
      const { wayIn } = admitted[i]!;
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
          refusals.push({
            roundId: response.roundId,
            unitId: used ? known.unitId : wayIn.refusalUnitId,
            reason,
          });
          outcomes[i] = { status: 'rejected', code: reason, message: REFUSAL_MESSAGES[reason] };
          continue;
        }
        if (codeUnit !== response.unitId && !wayIn.acceptedUnitIds.includes(response.unitId)) {
          await releaseCode(trx, codeHash);
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
    await addToAggregates(trx, stored);
    await countRefused(trx, refusals);
    const unknownCodes = refusals.filter((r) => r.reason === 'CODE_UNKNOWN').length;
    return { outcomes, unknownCodes, codeUnits: [...codeUnits.values()] };
  });

  // After the commit, in a transaction of its own: see repositories/codes.ts. The answers are
  // stored by now, so a failure here must not turn into an error for the device.
  await scrubUsedCodes(database, result.codeUnits).catch(onScrubError);
  return { outcomes: result.outcomes, unknownCodes: result.unknownCodes };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
