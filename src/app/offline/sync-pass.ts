// Owns one sync pass: send the outbox oldest first in batches of at most MAX_BATCH_SIZE, apply
// the server's per-item answers, and keep one bad answer from holding the others back. Scheduling
// lives in sync.ts.
//
// A batch the server finds too large (413) or fails on (500) is split in halves, down to single
// answers, so the good ones still go out. What a single answer's failure means depends on whether
// the server took anything else in this pass (a "witness" that the server itself works):
//   - with a witness, the answer fails on its own merits: a 413 alone parks it as refused
//     (BODY_TOO_LARGE, content dropped), a 500 alone gives it its own growing retry time;
//   - without one, nothing is marked: the trouble is the server's (or a proxy's) and the whole
//     pass backs off, so an outage never parks or delays a good answer. Two single failures in a
//     row without a witness end the pass, which bounds a pass against a failing server to about
//     log2(100) + 2 requests.
// Server trouble for the whole request (502/503/504, 429, a reply off the contract) stops the pass
// at once, as does no network. The answers stay in the outbox in every case but a final refusal.
import { osloDate } from '../../shared/dates';
import { MAX_BATCH_SIZE, MAX_REPORTED_PENDING } from '../../shared/api/constants';
import type { IngestItemResult, IngestResponse, SubmittedResponse } from '../../shared/api/respondent';
import { createRespondentClient } from '../connection/respondent-client';
import { backoffDelay } from './backoff';
import { pendingCount } from './outbox';
import {
  deferResponses,
  parkResponses,
  pruneRejected,
  readOldest,
  settleBatch,
  type RetryDelay,
  type SettleTally,
} from './outbox-settle';
import { isTransientCode, TOO_LARGE_CODE } from './reasons';
import { recordSyncError, recordSyncTrouble, type SyncError } from './status';

export interface SyncOutcome extends SettleTally {
  /**
   * synced: at least one batch answered. nothing-to-send: nothing that may be sent now.
   * skipped-locked: another tab (or pass) is sending. skipped-offline: the browser says offline.
   * failed: see error; everything unanswered is still in the outbox.
   */
  status: 'synced' | 'nothing-to-send' | 'skipped-locked' | 'skipped-offline' | 'failed';
  /** Responses still waiting after this pass (also those waiting for their own retry time). */
  remaining: number;
  error?: SyncError;
}

export interface PassDeps {
  fetch: typeof fetch;
  now: () => number;
  requestTimeoutMs: number;
  /** For the retry time of an answer that failed on its own; default Math.random. */
  random?: () => number;
}

/** A single answer's own retry delay: from half a minute, doubling, at most an hour, jittered. */
const ITEM_BACKOFF = { baseDelayMs: 30_000, maxDelayMs: 60 * 60_000 };

/**
 * split: the request as a whole failed in a way one answer can cause (413, 500): halve it.
 * stop: the server or the way to it is in trouble: end the pass. record: show it as an error
 * (a 4xx about the batch that will not fix itself); trouble: show it as server trouble.
 */
type Reply =
  | { ok: true; results: IngestItemResult[] }
  | { ok: false; action: 'split' | 'stop'; code: string; message: string; record: boolean; trouble: boolean };

/** An item the server answered with id "" (it had no usable id) is matched by position. */
function matchResults(body: IngestResponse, batch: SubmittedResponse[]): IngestItemResult[] {
  if (body.results.length !== batch.length) return body.results;
  return body.results.map((result, i) => (result.id === '' ? { ...result, id: batch[i]?.id ?? '' } : result));
}

async function postBatch(deps: PassDeps, batch: SubmittedResponse[]): Promise<Reply> {
  // What else waits here besides this batch, a count only: a kiosk revoked later may still
  // deliver that many answers (the server ignores it from other devices).
  const waiting = await pendingCount().catch(() => undefined);
  const reply = await createRespondentClient(deps.fetch).sendResponses(batch, {
    timeoutMs: deps.requestTimeoutMs,
    // The day this device thinks it is: the server corrects the answers' dates by its clock's error.
    deviceToday: osloDate(),
    ...(waiting !== undefined && {
      pending: Math.min(MAX_REPORTED_PENDING, Math.max(0, waiting - batch.length)),
    }),
  });
  switch (reply.kind) {
    case 'ok':
      return { ok: true, results: matchResults(reply.body, batch) };
    case 'unreachable':
      return {
        ok: false,
        action: 'stop',
        code: 'NETWORK_ERROR',
        message: reply.message,
        record: false,
        trouble: false,
      };
    case 'invalid':
      // Not the contract's answer (a captive portal, a proxy page, another server version):
      // nothing counts as sent, and it may pass by itself, so retry later.
      return {
        ok: false,
        action: 'stop',
        code: 'INVALID_SERVER_RESPONSE',
        message: `HTTP ${reply.status} without valid results`,
        record: false,
        trouble: true,
      };
    case 'refused': {
      const { code = `HTTP_${reply.status}`, message = `HTTP ${reply.status}` } = reply.error ?? {};
      // Too large (the server's or a proxy's limit), or a crash one answer may have caused: split.
      const crashed = reply.status === 500 && (code === 'INTERNAL_ERROR' || code === 'HTTP_500');
      if (reply.status === 413 || code === 'BATCH_TOO_LARGE' || crashed) {
        return { ok: false, action: 'split', code, message, record: false, trouble: true };
      }
      // Overload and server trouble pass by themselves: retry later. A 4xx about the whole
      // batch will not fix itself: keep the records and show the error.
      const passes = reply.status >= 500 || reply.status === 429 || isTransientCode(code);
      return { ok: false, action: 'stop', code, message, record: !passes, trouble: passes };
    }
  }
}

function halves<T>(items: T[]): [T[], T[]] {
  const middle = Math.ceil(items.length / 2);
  return [items.slice(0, middle), items.slice(middle)];
}

/** Sends until nothing is left that may go now, or the server is in trouble. Never throws for it. */
export async function drainOutbox(deps: PassDeps): Promise<SyncOutcome> {
  const tally: SettleTally = { accepted: 0, duplicate: 0, rejected: 0 };
  const random = deps.random ?? Math.random;
  const retryDelay: RetryDelay = (failures) => backoffDelay(failures, { ...ITEM_BACKOFF, random });
  // Answers this pass is done with although they are still in the outbox.
  const skip = new Set<string>();
  // Single answers that failed alone before any witness: judged at the end of the pass.
  const suspects: { id: string; code: string; tooLarge: boolean }[] = [];
  let answered = false;
  let soloFailuresWithoutWitness = 0;
  let lastSoloFailure: Extract<Reply, { ok: false }> | undefined;

  const judgeSuspects = async (): Promise<void> => {
    if (!answered) return; // the server took nothing: its trouble, not theirs
    const tooLarge = suspects.filter((s) => s.tooLarge).map((s) => s.id);
    await parkResponses(tooLarge, TOO_LARGE_CODE, deps.now());
    tally.rejected += tooLarge.length;
    for (const s of suspects.filter((x) => !x.tooLarge)) {
      await deferResponses([s.id], s.code, deps.now(), retryDelay);
    }
  };
  const outcome = async (status: SyncOutcome['status'], error?: SyncError): Promise<SyncOutcome> => {
    await judgeSuspects();
    return { status, ...tally, remaining: await pendingCount(), ...(error ? { error } : {}) };
  };
  const fail = async (reply: Extract<Reply, { ok: false }>): Promise<SyncOutcome> => {
    const error: SyncError = { code: reply.code, message: reply.message, at: deps.now() };
    if (reply.record) await recordSyncError(error);
    if (reply.trouble) await recordSyncTrouble(error);
    return outcome('failed', error);
  };

  // Refusals whose round is over can go; a storage failure here must not stop the sending.
  await pruneRejected(deps.now()).catch(() => 0);

  for (;;) {
    const batch = await readOldest(MAX_BATCH_SIZE, { now: deps.now(), skip });
    if (batch.length === 0) {
      // Everything left failed alone and nothing else got through: the server's trouble.
      if (!answered && lastSoloFailure) return fail(lastSoloFailure);
      return outcome(answered ? 'synced' : 'nothing-to-send');
    }
    // Parts still to send, the next one last: halves go back in order, the first half first.
    const parts: SubmittedResponse[][] = [batch];
    while (parts.length > 0) {
      const part = parts.pop()!;
      const reply = await postBatch(deps, part);
      if (reply.ok) {
        const settled = await settleBatch(part, reply.results, deps.now(), retryDelay);
        answered = true;
        soloFailuresWithoutWitness = 0;
        tally.accepted += settled.accepted;
        tally.duplicate += settled.duplicate;
        tally.rejected += settled.rejected;
        // Those with a transient per-item code now wait for their own retry time.
        for (const result of reply.results) {
          if (result.status === 'rejected' && isTransientCode(result.code)) skip.add(result.id);
        }
        // The server answered none of this part: sending it again now would loop forever.
        if (settled.accepted + settled.duplicate + settled.rejected + settled.deferred === 0) {
          const error: SyncError = {
            code: 'INCOMPLETE_RESULTS',
            message: 'The server answered none of the batch',
            at: deps.now(),
          };
          await recordSyncError(error);
          return outcome('failed', error);
        }
        continue;
      }
      if (reply.action === 'stop') return fail(reply);
      if (part.length > 1) {
        const [first, second] = halves(part);
        parts.push(second, first);
        continue;
      }
      // One answer alone, and still too large or still crashing the server.
      const [single] = part as [SubmittedResponse];
      skip.add(single.id);
      const tooLarge = reply.code === TOO_LARGE_CODE || reply.code === 'HTTP_413';
      if (answered) {
        if (tooLarge) {
          await parkResponses([single.id], TOO_LARGE_CODE, deps.now());
          tally.rejected += 1;
        } else {
          await deferResponses([single.id], reply.code, deps.now(), retryDelay);
        }
        continue;
      }
      suspects.push({ id: single.id, code: tooLarge ? TOO_LARGE_CODE : reply.code, tooLarge });
      lastSoloFailure = reply;
      soloFailuresWithoutWitness += 1;
      if (soloFailuresWithoutWitness >= 2) return fail(reply);
    }
  }
}
