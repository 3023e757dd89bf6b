// Owns what a sync pass does to the outbox (outbox.ts): reads the oldest answers that may go now,
// applies the server's per-item answers, gives an answer that failed on its own its own retry
// time, parks one the server can never take, and removes refusals that are of no use any more.
// Only sync-pass.ts uses it, so it loads with the sync loop after the first render (lazy-sync.ts).
import type { IngestItemResult, SubmittedResponse } from '../../shared/api/respondent';
import { addDays, osloDate } from '../../shared/dates';
import { MAX_GRACE_DAYS } from '../../shared/rounds';
import { withDb, type RejectedRow, type TifaktorDb } from './db';
import { toSubmitted } from './normalise';
import { REMOVED_REJECTED_KEY } from './outbox';
import { isTransientCode } from './reasons';
import { guardWrite } from './storage';

export interface ReadOptions {
  /** Leaves out responses whose own retry time (after failing on their own) is still ahead. */
  now?: number;
  /** Ids this pass has dealt with already. */
  skip?: ReadonlySet<string>;
}

/** The oldest waiting responses that may be sent now, in wire shape. */
export async function readOldest(
  limit: number,
  { now, skip }: ReadOptions = {},
): Promise<SubmittedResponse[]> {
  const rows = await withDb((db) =>
    db.outbox
      .orderBy('queuedAt')
      .filter(
        (row) =>
          !skip?.has(row.id) && !(now !== undefined && typeof row.retryAt === 'number' && row.retryAt > now),
      )
      .limit(limit)
      .toArray(),
  );
  return rows.map((row) => toSubmitted(row as unknown as Record<string, unknown>));
}

export interface SettleTally {
  accepted: number;
  duplicate: number;
  rejected: number;
}

/** How long a response that failed on its own waits before its next try, after n failures in a row. */
export type RetryDelay = (failures: number) => number;

function refusal(
  response: Pick<SubmittedResponse, 'id' | 'roundId'>,
  code: string,
  now: number,
): RejectedRow {
  return { id: response.id, roundId: String(response.roundId ?? ''), code, rejectedAt: now };
}

async function defer(
  db: TifaktorDb,
  id: string,
  code: string,
  now: number,
  delay: RetryDelay,
): Promise<void> {
  const row = await db.outbox.get(id);
  if (!row) return;
  const failures = (typeof row.failures === 'number' ? row.failures : 0) + 1;
  await db.outbox.update(id, { failures, failureCode: code, retryAt: now + delay(failures) });
}

/**
 * Applies the server's per-item answers in one transaction: accepted and duplicate leave the
 * outbox (both mean "stored"); a final refusal leaves it too and only its reason is kept, without
 * the answer (RejectedRow); a transient code (reasons.ts) keeps the response in the outbox with
 * its own retry time; anything the server did not mention stays for the next attempt. Records
 * lastSyncAt: this was an exchange, so the sync trouble of earlier passes is over.
 */
export async function settleBatch(
  batch: SubmittedResponse[],
  results: IngestItemResult[],
  now: number,
  retryDelay: RetryDelay = () => 0,
): Promise<SettleTally & { deferred: number }> {
  return guardWrite((db) =>
    db.transaction('rw', db.outbox, db.rejected, db.meta, async () => {
      // Built inside the transaction so a retry after a reopen starts from zero.
      const sent = new Map(batch.map((response) => [response.id, response]));
      const tally = { accepted: 0, duplicate: 0, rejected: 0, deferred: 0 };
      for (const result of results) {
        const response = sent.get(result.id);
        if (!response) continue; // not ours, or already settled by an earlier entry
        sent.delete(result.id);
        if (result.status === 'rejected' && isTransientCode(result.code)) {
          await defer(db, response.id, result.code, now, retryDelay);
          tally.deferred += 1;
          continue;
        }
        if (result.status === 'rejected') await db.rejected.put(refusal(response, result.code, now));
        await db.outbox.delete(response.id);
        tally[result.status] += 1;
      }
      await db.meta.put({ key: 'lastSyncAt', value: now });
      await db.meta.delete('lastSyncError');
      await db.meta.delete('syncTrouble');
      return tally;
    }),
  );
}

/**
 * Responses that failed on their own while the server took others: each waits for its own retry
 * time (growing with its failures in a row), so the queue behind it keeps moving.
 */
export async function deferResponses(
  ids: readonly string[],
  code: string,
  now: number,
  retryDelay: RetryDelay,
): Promise<void> {
  if (ids.length === 0) return;
  await guardWrite((db) =>
    db.transaction('rw', db.outbox, async () => {
      for (const id of ids) await defer(db, id, code, now, retryDelay);
    }),
  );
}

/** A response the server cannot take even on its own: refused for good, its content dropped. */
export async function parkResponses(ids: readonly string[], code: string, now: number): Promise<void> {
  if (ids.length === 0) return;
  await guardWrite((db) =>
    db.transaction('rw', db.outbox, db.rejected, async () => {
      for (const id of ids) {
        const row = await db.outbox.get(id);
        if (!row) continue;
        await db.rejected.put(refusal(row, code, now));
        await db.outbox.delete(id);
      }
    }),
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * How long a refusal of a round other than the cached one is kept: the device does not know that
 * round's dates, so the longest grace a round may have bounds it.
 */
export const REJECTED_MAX_AGE_MS = MAX_GRACE_DAYS * DAY_MS;
const CURRENT_ROUND_KEY = 'currentRound';
/** Every open round of the entry address (round-cache.ts): several may be open at once. */
const ENTRY_ROUNDS_KEY = 'entryRounds';

type RoundLike = { id?: unknown; closesOn?: unknown } | undefined;

/** Round id → the last day a refusal of it is of use, for every round the device has cached. */
function cachedRoundEnds(current: unknown, entry: unknown): Map<string, string> {
  const listed = (entry as { data?: { rounds?: unknown } } | undefined)?.data?.rounds;
  const rounds: RoundLike[] = [
    (current as { data?: { round?: RoundLike } } | undefined)?.data?.round,
    ...(Array.isArray(listed) ? (listed as RoundLike[]) : []),
  ];
  const ends = new Map<string, string>();
  for (const round of rounds) {
    if (typeof round?.id !== 'string' || typeof round.closesOn !== 'string') continue;
    // The device does not know the round's own grace days: wait for the longest a round may have.
    ends.set(round.id, addDays(round.closesOn, MAX_GRACE_DAYS));
  }
  return ends;
}

/**
 * Removes the refusals that can no longer be of use: those of a cached round once its close plus
 * the longest grace has passed, and those of any other round once they are older than
 * REJECTED_MAX_AGE_MS. Only their number is kept (meta `rejectedRemoved`). Returns how many went.
 */
export async function pruneRejected(now: number): Promise<number> {
  return guardWrite((db) =>
    db.transaction('rw', db.rejected, db.meta, async () => {
      const ends = cachedRoundEnds(
        (await db.meta.get(CURRENT_ROUND_KEY))?.value,
        (await db.meta.get(ENTRY_ROUNDS_KEY))?.value,
      );
      const today = osloDate(new Date(now));
      const expired = (await db.rejected.toArray()).filter((row) => {
        const lastDay = ends.get(row.roundId);
        return lastDay !== undefined
          ? today > lastDay
          : now - (Number(row.rejectedAt) || 0) > REJECTED_MAX_AGE_MS;
      });
      if (expired.length === 0) return 0;
      await db.rejected.bulkDelete(expired.map((row) => row.id));
      const before = (await db.meta.get(REMOVED_REJECTED_KEY))?.value;
      await db.meta.put({
        key: REMOVED_REJECTED_KEY,
        value: (typeof before === 'number' ? before : 0) + expired.length,
      });
      return expired.length;
    }),
  );
}
