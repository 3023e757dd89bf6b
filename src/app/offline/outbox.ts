// Owns the outbox and the rejected store: finished responses waiting to be sent, and the ones
// the server refused for good. No screen can read a response back out of the outbox; the UI sees
// counts and, for refused ones, the reason. A refused answer keeps no content at all (RejectedRow):
// its values leave the device in the same transaction that learns of the refusal, and the reason
// itself goes once its round is over (pruneRejected), with only a count kept. What the sync pass
// does to the outbox (read the oldest, settle a batch, defer, park, prune) is in outbox-settle.ts,
// which loads with the sync loop after the first render (lazy-sync.ts).
import type { SubmittedResponse } from '../../shared/api/respondent';
import { osloDate } from '../../shared/dates';
import { toStorableText } from '../../shared/text';
import { DRAFT_KEY, withDb, type OutboxRow, type RejectedRow, type TifaktorDb } from './db';
import { NoDraftError } from './errors';
import { normaliseBackground, normaliseDraft } from './normalise';
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

/** How many refusals pruneRejected (outbox-settle.ts) removed: only this count is left of them. */
export const REMOVED_REJECTED_KEY = 'rejectedRemoved';

export async function listRejected(): Promise<RejectedSummary[]> {
  const rows = await withDb((db) => db.rejected.orderBy('rejectedAt').toArray());
  return rows.map(summary);
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
