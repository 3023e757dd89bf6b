// Owns when the outbox is sent: at start, on 'online', when the tab becomes visible, right
// after a submit, on a backoff timer after a failure, and on a slower periodic check while
// anything waits. One pass at a time across tabs (Web Locks) and within this tab.
import { backoffDelay } from './backoff';
import { ifLockAvailable, SYNC_LOCK_NAME } from './locks';
import { pendingCount } from './outbox';
import { whileSyncing } from './status';
import { drainOutbox, type SyncOutcome } from './sync-pass';

export interface SyncClientDeps {
  fetch: typeof fetch;
  /** Default navigator.locks when present; pass undefined explicitly for the in-tab guard only. */
  locks?: LockManager | undefined;
  now?: () => number;
  random?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How often to look again while responses wait and nothing failed (another tab may have died). */
  periodicMs?: number;
  requestTimeoutMs?: number;
  isOnline?: () => boolean;
}

export interface SyncClient {
  /** One pass now; joins (then repeats) a pass already running in this client. */
  syncNow(): Promise<SyncOutcome>;
  /** Fire-and-forget syncNow, e.g. right after submitDraft. */
  requestSync(): void;
  start(): void;
  stop(): void;
}

export function createSyncClient(deps: SyncClientDeps): SyncClient {
  const locks = 'locks' in deps ? deps.locks : globalThis.navigator?.locks;
  const now = deps.now ?? Date.now;
  const setTimer =
    deps.setTimeout ?? ((fn: () => void, ms: number): unknown => globalThis.setTimeout(fn, ms));
  const clearTimer =
    deps.clearTimeout ?? ((h: unknown) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  const isOnline = deps.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
  const passDeps = {
    fetch: deps.fetch,
    now,
    requestTimeoutMs: deps.requestTimeoutMs ?? 30_000,
  };
  const backoff = {
    baseDelayMs: deps.baseDelayMs ?? 2_000,
    maxDelayMs: deps.maxDelayMs ?? 300_000,
    random: deps.random ?? Math.random,
  };

  let started = false;
  let failures = 0;
  let timer: unknown;
  let inFlight: Promise<SyncOutcome> | undefined;
  let queued: Promise<SyncOutcome> | undefined;

  const skipped = async (status: 'skipped-locked' | 'skipped-offline'): Promise<SyncOutcome> => ({
    status,
    accepted: 0,
    duplicate: 0,
    rejected: 0,
    remaining: await pendingCount().catch(() => 0),
  });

  async function pass(): Promise<SyncOutcome> {
    if (!isOnline()) return skipped('skipped-offline');
    try {
      return await ifLockAvailable(
        locks,
        SYNC_LOCK_NAME,
        () => whileSyncing(() => drainOutbox(passDeps)),
        () => skipped('skipped-locked'),
      );
    } catch (err) {
      // IndexedDB itself failed; the storage health state already says so.
      const message = err instanceof Error ? err.message : String(err);
      return {
        status: 'failed',
        accepted: 0,
        duplicate: 0,
        rejected: 0,
        remaining: 0,
        error: { code: 'STORAGE_ERROR', message, at: now() },
      };
    }
  }

  function schedule(outcome: SyncOutcome): void {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    if (!started) return;
    if (outcome.status === 'failed') {
      failures += 1;
      arm(backoffDelay(failures, backoff));
      return;
    }
    if (outcome.status === 'synced' || outcome.status === 'nothing-to-send') failures = 0;
    if (outcome.remaining > 0) arm(deps.periodicMs ?? 60_000);
  }

  function arm(ms: number): void {
    timer = setTimer(() => {
      timer = undefined;
      requestSync();
    }, ms);
  }

  function syncNow(): Promise<SyncOutcome> {
    if (!inFlight) {
      inFlight = pass()
        .then((outcome) => {
          schedule(outcome);
          return outcome;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    }
    // A submit during a pass may have missed its batch: run once more after it, not in parallel.
    queued ??= inFlight.then(() => {
      queued = undefined;
      return syncNow();
    });
    return queued;
  }

  function requestSync(): void {
    void syncNow();
  }

  const onOnline = (): void => requestSync();
  const onVisibility = (): void => {
    if (document.visibilityState === 'visible') requestSync();
  };

  return {
    syncNow,
    requestSync,
    start() {
      if (started) return;
      started = true;
      globalThis.window?.addEventListener('online', onOnline);
      globalThis.document?.addEventListener('visibilitychange', onVisibility);
      requestSync();
    },
    stop() {
      started = false;
      globalThis.window?.removeEventListener('online', onOnline);
      globalThis.document?.removeEventListener('visibilitychange', onVisibility);
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
    },
  };
}

export type { SyncOutcome };
