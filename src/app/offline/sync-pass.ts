// Owns one sync pass: send the outbox oldest first in batches of at most MAX_BATCH_SIZE, apply
// the server's per-item answers, and stop at the first failure. Scheduling lives in sync.ts.
import {
  MAX_BATCH_SIZE,
  type IngestItemResult,
  type IngestResponse,
  type SubmittedResponse,
} from '../../shared/api/respondent';
import { createRespondentClient } from '../connection/respondent-client';
import { pendingCount, readOldest, settleBatch, type SettleTally } from './outbox';
import { recordSyncError, type SyncError } from './status';

export interface SyncOutcome extends SettleTally {
  /**
   * synced: at least one batch answered. nothing-to-send: the outbox was empty.
   * skipped-locked: another tab (or pass) is sending. skipped-offline: the browser says offline.
   * failed: see error; everything unanswered is still in the outbox.
   */
  status: 'synced' | 'nothing-to-send' | 'skipped-locked' | 'skipped-offline' | 'failed';
  /** Responses still waiting after this pass. */
  remaining: number;
  error?: SyncError;
}

export interface PassDeps {
  fetch: typeof fetch;
  now: () => number;
  requestTimeoutMs: number;
}

type Reply =
  { ok: true; results: IngestItemResult[] } | { ok: false; code: string; message: string; record: boolean };

/** An item the server answered with id "" (it had no usable id) is matched by position. */
function matchResults(body: IngestResponse, batch: SubmittedResponse[]): IngestItemResult[] {
  if (body.results.length !== batch.length) return body.results;
  return body.results.map((result, i) => (result.id === '' ? { ...result, id: batch[i]?.id ?? '' } : result));
}

async function postBatch(deps: PassDeps, batch: SubmittedResponse[]): Promise<Reply> {
  const reply = await createRespondentClient(deps.fetch).sendResponses(batch, {
    timeoutMs: deps.requestTimeoutMs,
  });
  switch (reply.kind) {
    case 'ok':
      return { ok: true, results: matchResults(reply.body, batch) };
    case 'unreachable':
      return { ok: false, code: 'NETWORK_ERROR', message: reply.message, record: false };
    case 'invalid':
      // Not the contract's answer (a captive portal, a proxy page, another server version):
      // nothing counts as sent, and it may pass by itself, so retry quietly.
      return {
        ok: false,
        code: 'INVALID_SERVER_RESPONSE',
        message: `HTTP ${reply.status} without valid results`,
        record: false,
      };
    case 'refused': {
      const { code = `HTTP_${reply.status}`, message = `HTTP ${reply.status}` } = reply.error ?? {};
      // Overload and server trouble pass by themselves: retry quietly. A 4xx about the whole
      // batch will not fix itself: keep the records and show the error.
      const isClientError = reply.status >= 400 && reply.status < 500 && reply.status !== 429;
      return { ok: false, code, message, record: isClientError };
    }
  }
}

/** Sends until the outbox is empty or something fails. Never throws for server trouble. */
export async function drainOutbox(deps: PassDeps): Promise<SyncOutcome> {
  const tally: SettleTally = { accepted: 0, duplicate: 0, rejected: 0 };
  const outcome = async (status: SyncOutcome['status'], error?: SyncError): Promise<SyncOutcome> => ({
    status,
    ...tally,
    remaining: await pendingCount(),
    ...(error ? { error } : {}),
  });
  let answered = false;
  for (;;) {
    const batch = await readOldest(MAX_BATCH_SIZE);
    if (batch.length === 0) return outcome(answered ? 'synced' : 'nothing-to-send');
    const reply = await postBatch(deps, batch);
    if (!reply.ok) {
      const error: SyncError = { code: reply.code, message: reply.message, at: deps.now() };
      if (reply.record) await recordSyncError(error);
      return outcome('failed', error);
    }
    const settled = await settleBatch(batch, reply.results, deps.now());
    answered = true;
    tally.accepted += settled.accepted;
    tally.duplicate += settled.duplicate;
    tally.rejected += settled.rejected;
    // The server answered none of this batch: sending it again now would loop forever.
    if (settled.accepted + settled.duplicate + settled.rejected === 0) {
      const error: SyncError = {
        code: 'INCOMPLETE_RESULTS',
        message: 'The server answered none of the batch',
        at: deps.now(),
      };
      await recordSyncError(error);
      return outcome('failed', error);
    }
  }
}
