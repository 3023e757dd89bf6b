// Counts the ingest's final rejections, inside the batch's transaction, so the leader's progress
// screen can say how many answers were refused where and why (issue 10). Only a round, a unit and a
// reason are counted: no time, no code, no kiosk, nothing that points at a person.
//
// What is counted: every item the ingest answers `rejected`, for the round it names when that round
// exists, under the unit it names when that unit is part of the round (else under the round alone,
// unit ''), once per response UUID:
// - a device whose reply was lost sends the same rejected answer again. A SHA-256 of each counted
//   UUID is kept (rejected_items) until some weeks after the round's grace, and a UUID counted
//   before is not counted again. A UUID is 122 random bits, so its hash tells nothing.
// - not counted: an item whose round does not exist (there is no round to show it on), an item
//   without a UUID of its own (only a broken or hostile client sends one, and it could not be told
//   apart from its resend), and DUPLICATE_ID_IN_BATCH (the same answer, handled by its first copy).
// The two code refusals keep their own table (refused_counts, also read by the codes screen); the
// other reasons go to rejected_counts.
import { addDays } from '../../shared/dates';
import type { ErrorCode } from '../../shared/api/errors';
import { sha256Hex } from '../auth/tokens';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { RefusalReason } from '../db/tables/refused-counts';
import { countRefused } from '../repositories/codes';
import { addRejectedCounts, forgetRejectedBefore, markRejected } from '../repositories/rejections';
import type { RoundRecord } from '../repositories/rounds';

/** How long after the round's grace (or after the day counted, if later) a UUID is remembered. */
export const REMEMBER_REJECTED_DAYS = 60;

/** Where a rejection is counted: its round, its unit ('' = not known) and until when its UUID is kept. */
export interface RejectionPlace {
  roundId: string;
  unitId: string;
  keepUntil: string;
}

export interface CountedRejection {
  /** The response's UUID, lower case; undefined when it has none. */
  id: string | undefined;
  place: RejectionPlace | undefined;
  reason: ErrorCode;
}

/** The place of a rejection in `round`, for the unit the item named (`units`: the round's units). */
export function placeIn(
  round: Pick<RoundRecord, 'id' | 'closesOn' | 'graceDays'>,
  units: ReadonlySet<string> | undefined,
  unitId: unknown,
  today: string,
): RejectionPlace {
  const graceEnd = addDays(round.closesOn, round.graceDays);
  return {
    roundId: round.id,
    unitId: typeof unitId === 'string' && units?.has(unitId) ? unitId : '',
    keepUntil: addDays(graceEnd > today ? graceEnd : today, REMEMBER_REJECTED_DAYS),
  };
}

const isCodeRefusal = (reason: ErrorCode): reason is RefusalReason =>
  reason === 'CODE_UNKNOWN' || reason === 'CODE_ALREADY_USED';

export async function countRejections(
  trx: Transaction<DB>,
  rejections: readonly CountedRejection[],
  today: string,
): Promise<void> {
  const byHash = new Map<string, { place: RejectionPlace; reason: ErrorCode }>();
  for (const r of rejections) {
    if (r.id === undefined || r.place === undefined || r.reason === 'DUPLICATE_ID_IN_BATCH') continue;
    byHash.set(sha256Hex(r.id), { place: r.place, reason: r.reason });
  }
  if (byHash.size === 0) return;
  await forgetRejectedBefore(trx, today);
  const fresh = await markRejected(
    trx,
    [...byHash].map(([idHash, { place }]) => ({
      idHash,
      roundId: place.roundId,
      keepUntil: place.keepUntil,
    })),
  );
  const counted = [...byHash].filter(([hash]) => fresh.has(hash)).map(([, r]) => r);
  const codes: { roundId: string; unitId: string; reason: RefusalReason }[] = [];
  const other = new Map<string, { roundId: string; unitId: string; reason: string; count: number }>();
  for (const { place, reason } of counted) {
    if (isCodeRefusal(reason) && place.unitId !== '') {
      codes.push({ roundId: place.roundId, unitId: place.unitId, reason });
      continue;
    }
    const key = `${place.roundId}\u0000${place.unitId}\u0000${reason}`;
    const entry = other.get(key) ?? { roundId: place.roundId, unitId: place.unitId, reason, count: 0 };
    entry.count += 1;
    other.set(key, entry);
  }
  await countRefused(trx, codes);
  await addRejectedCounts(trx, [...other.values()]);
}
