// Owns one sync pass: send the outbox oldest first in batches of at most MAX_BATCH_SIZE, apply
// the server's per-item answers, and stop at the first failure. Scheduling lives in sync.ts.
import {
  MAX_BATCH_SIZE,
  SYNC_FORMAT_VERSION,
  type IngestItemResult,
  type IngestRequest,
  type SubmittedResponse,
} from '../../shared/api/respondent';
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
  endpoint: string;
  now: () => number;
  requestTimeoutMs: number;
}

type Reply =
  { ok: true; results: IngestItemResult[] } | { ok: false; code: string; message: string; record: boolean };

const STATUSES = new Set(['accepted', 'duplicate', 'rejected']);

/** Only well-formed entries; an item the server answered with id "" is matched by position. */
function readResults(body: unknown, batch: SubmittedResponse[]): IngestItemResult[] | undefined {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return undefined;
  const byPosition = results.length === batch.length;
  return results.flatMap((entry: unknown, i): IngestItemResult[] => {
    const { id, status, code, message } = (entry ?? {}) as Record<string, unknown>;
    if (typeof status !== 'string' || !STATUSES.has(status) || typeof id !== 'string') return [];
    const matched = id === '' && byPosition ? (batch[i]?.id ?? '') : id;
    if (status !== 'rejected') return [{ id: matched, status: status as 'accepted' | 'duplicate' }];
    return [
      {
        id: matched,
        status: 'rejected',
        code: typeof code === 'string' ? code : 'REJECTED',
        message: typeof message === 'string' ? message : '',
      },
    ];
  });
}

function errorOf(body: unknown): { code?: string; message?: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    code: typeof error?.code === 'string' ? error.code : undefined,
    message: typeof error?.message === 'string' ? error.message : undefined,
  };
}

async function postBatch(deps: PassDeps, batch: SubmittedResponse[]): Promise<Reply> {
  const body = { formatVersion: SYNC_FORMAT_VERSION, responses: batch } satisfies IngestRequest;
  let res: Response;
  try {
    res = await deps.fetch(deps.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      // Answers never go through an HTTP or service-worker cache.
      cache: 'no-store',
      credentials: 'same-origin',
      signal: typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(deps.requestTimeoutMs) : null,
    });
  } catch (err) {
    return {
      ok: false,
      code: 'NETWORK_ERROR',
      message: err instanceof Error ? err.message : String(err),
      record: false,
    };
  }
  const json: unknown = await res.json().catch(() => undefined);
  const { code = `HTTP_${res.status}`, message = `HTTP ${res.status}` } = errorOf(json);
  // Overload and server trouble pass by themselves: retry quietly.
  if (res.status >= 500 || res.status === 429) return { ok: false, code, message, record: false };
  const results = readResults(json, batch);
  if (results && (res.status === 200 || res.status === 400)) return { ok: true, results };
  // A 4xx about the whole batch will not fix itself: keep the records and show the error.
  if (res.status >= 400) return { ok: false, code, message, record: true };
  return {
    ok: false,
    code: 'INVALID_SERVER_RESPONSE',
    message: `HTTP ${res.status} without results`,
    record: false,
  };
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
