// Owns the outbox and the rejected store: finished responses waiting to be sent, and the ones
// the server refused for good. No screen can read a response back out of the outbox; the UI sees
// counts and, for refused ones, the reason. A refused answer keeps no content at all (RejectedRow):
// its values leave the device in the same transaction that learns of the refusal, and the reason
// itself goes once its round is over (pruneRejected), with only a count kept.
import type { IngestItemResult, SubmittedResponse } from '../../shared/api/respondent';
import { addDays, osloDate } from '../../shared/dates';
import { MAX_GRACE_DAYS } from '../../shared/rounds';
import { toStorableText } from '../../shared/text';
import { DRAFT_KEY, withDb, type OutboxRow, type RejectedRow, type TifaktorDb } from './db';
import { NoDraftError } from './errors';
import { normaliseBackground, normaliseDraft, toSubmitted } from './normalise';
import { isTransientCode } from './reasons';
import { guardWrite } from './storage';

export interface SubmitOptions {
  now?: number;
  /**
   * The one-time code the draft was begun with (normalised), from memory: the draft keeps only a
   * proof of it. A draft begun with a code is not sent without one.
   */
  code?: string;
  /** Injectable for tests; the id is the server's idempotency key. */
  newId?: () => string;
}

/**
 * Turns the draft into one outbox record and deletes the draft, in one transaction: either the
 * response is queued and the draft gone, or nothing changed. Returns the response id. The
 * transaction writes the outbox, so it commits with strict durability (db.ts).
 */
export async function submitDraft({
  now = Date.now(),
  newId = () => crypto.randomUUID(),
  code,
}: SubmitOptions = {}): Promise<string> {
  return guardWrite((db) =>
    db.transaction('rw', db.draft, db.outbox, async () => {
      const draft = normaliseDraft(await db.draft.get(DRAFT_KEY));
      if (!draft) throw new NoDraftError();
      // Without its code the server would take a coded answer for an open-kiosk one, or refuse it.
      if (draft.codeProof && !code) throw new NoDraftError();
      // What was pasted may hold characters the server refuses: send the text the person meant.
      const openText = toStorableText(draft.openText).trim();
      const response: SubmittedResponse = {
        id: newId(),
        roundId: draft.roundId,
        unitId: draft.unitId,
        questionnaireVersion: draft.questionnaireVersion,
        // A date, never a time of day: the time would help tell respondents apart.
        answeredOn: osloDate(new Date(now)),
        answers: draft.answers,
        background: normaliseBackground(draft.background),
        ...(openText ? { openText } : {}),
        ...(draft.codeProof && code ? { code } : {}),
      };
      await db.outbox.add({ ...response, queuedAt: now } satisfies OutboxRow);
      await db.draft.delete(DRAFT_KEY);
      return response.id;
    }),
  );
}

export async function pendingCount(): Promise<number> {
  return withDb((db) => db.outbox.count());
}

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

/** What a refused response may show on a screen: the reason, never the answers. */
export interface RejectedSummary {
  id: string;
  roundId: string;
  code: string;
  rejectedAt: number;
}

function summary(row: Partial<RejectedRow> & { id: unknown }): RejectedSummary {
  return {
    id: String(row.id),
    roundId: typeof row.roundId === 'string' ? row.roundId : '',
    code: typeof row.code === 'string' ? row.code : '',
    rejectedAt: Number(row.rejectedAt) || 0,
  };
}

export async function listRejected(): Promise<RejectedSummary[]> {
  const rows = await withDb((db) => db.rejected.orderBy('rejectedAt').toArray());
  return rows.map(summary);
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
export const REMOVED_REJECTED_KEY = 'rejectedRemoved';

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

/**
 * What became of one sent response, for the person who sent it: waiting (and whether the server
 * has failed on it), refused (with the code), or sent. "sent" is read from absence, and that is
 * sound because an answer leaves the outbox only by settleBatch (accepted or duplicate: deleted;
 * refused: moved to `rejected` in the same transaction) or parkResponses (moved as well), and the
 * refusals of a round stay until long after its close (pruneRejected).
 */
export type SubmissionState =
  { state: 'waiting'; failureCode?: string } | { state: 'rejected'; code: string } | { state: 'sent' };

/** Dexie calls only, so it is safe inside liveQuery. */
export async function readSubmissionState(db: TifaktorDb, id: string): Promise<SubmissionState> {
  const [queued, refused] = await Promise.all([db.outbox.get(id), db.rejected.get(id)]);
  if (queued) {
    return typeof queued.failureCode === 'string'
      ? { state: 'waiting', failureCode: queued.failureCode }
      : { state: 'waiting' };
  }
  if (refused) return { state: 'rejected', code: summary(refused).code };
  return { state: 'sent' };
}
