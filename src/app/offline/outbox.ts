// Owns the outbox and the rejected store: finished responses waiting to be sent, and the ones
// the server refused. No screen can read a response back out of the outbox; the UI sees counts
// and, for rejected ones, the reason without the answers.
import type { IngestItemResult, SubmittedResponse } from '../../shared/api/respondent';
import { osloDate } from '../../shared/dates';
import { toStorableText } from '../../shared/text';
import { DRAFT_KEY, withDb, type OutboxRow, type RejectedRow } from './db';
import { NoDraftError } from './errors';
import { normaliseBackground, normaliseDraft, toSubmitted } from './normalise';
import { guardWrite } from './storage';

export interface SubmitOptions {
  now?: number;
  /** Injectable for tests; the id is the server's idempotency key. */
  newId?: () => string;
}

/**
 * Turns the draft into one outbox record and deletes the draft, in one transaction: either the
 * response is queued and the draft gone, or nothing changed. Returns the response id.
 */
export async function submitDraft({
  now = Date.now(),
  newId = () => crypto.randomUUID(),
}: SubmitOptions = {}): Promise<string> {
  return guardWrite((db) =>
    db.transaction('rw', db.draft, db.outbox, async () => {
      const draft = normaliseDraft(await db.draft.get(DRAFT_KEY));
      if (!draft) throw new NoDraftError();
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
        ...(draft.code ? { code: draft.code } : {}),
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

/** The oldest waiting responses, in wire shape. */
export async function readOldest(limit: number): Promise<SubmittedResponse[]> {
  const rows = await withDb((db) => db.outbox.orderBy('queuedAt').limit(limit).toArray());
  return rows.map((row) => toSubmitted(row as unknown as Record<string, unknown>));
}

/** What a rejected response may show on a screen: the reason and when, not the answers. */
export interface RejectedSummary {
  id: string;
  roundId: string;
  answeredOn: string;
  code: string;
  message: string;
  rejectedAt: number;
}

export async function listRejected(): Promise<RejectedSummary[]> {
  const rows = await withDb((db) => db.rejected.orderBy('rejectedAt').toArray());
  return rows.map((row) => ({
    id: String(row.id),
    roundId: String(row.response?.roundId ?? ''),
    answeredOn: String(row.response?.answeredOn ?? ''),
    code: String(row.code ?? ''),
    message: String(row.message ?? ''),
    rejectedAt: Number(row.rejectedAt) || 0,
  }));
}

export interface SettleTally {
  accepted: number;
  duplicate: number;
  rejected: number;
}

/**
 * Applies the server's per-item answers in one transaction: accepted and duplicate leave the
 * outbox (both mean "stored"), rejected move to `rejected` with the reason, and anything the
 * server did not mention stays for the next attempt. Records lastSyncAt: this was an exchange.
 */
export async function settleBatch(
  batch: SubmittedResponse[],
  results: IngestItemResult[],
  now: number,
): Promise<SettleTally> {
  return guardWrite((db) =>
    db.transaction('rw', db.outbox, db.rejected, db.meta, async () => {
      // Built inside the transaction so a retry after a reopen starts from zero.
      const sent = new Map(batch.map((response) => [response.id, response]));
      const tally: SettleTally = { accepted: 0, duplicate: 0, rejected: 0 };
      for (const result of results) {
        const response = sent.get(result.id);
        if (!response) continue; // not ours, or already settled by an earlier entry
        sent.delete(result.id);
        if (result.status === 'rejected') {
          const row: RejectedRow = {
            id: response.id,
            response,
            code: result.code,
            message: result.message,
            rejectedAt: now,
          };
          await db.rejected.put(row);
        }
        await db.outbox.delete(response.id);
        tally[result.status] += 1;
      }
      await db.meta.put({ key: 'lastSyncAt', value: now });
      await db.meta.delete('lastSyncError');
      return tally;
    }),
  );
}
