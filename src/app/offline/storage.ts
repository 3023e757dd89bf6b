// Owns the health of on-device storage: every write goes through guardWrite, which turns an
// IndexedDB failure into a StorageWriteError for the caller and into visible state for the UI
// (a care worker must see "answers are not being saved", not a screen that pretends).
import { withDb, type TifaktorDb } from './db';
import { NoDraftError, StorageWriteError, type StorageFailureReason } from './errors';

export type StorageHealth = { ok: true } | { ok: false; reason: StorageFailureReason };

const HEALTHY: StorageHealth = { ok: true };
let health: StorageHealth = HEALTHY;
const listeners = new Set<() => void>();

function setHealth(next: StorageHealth): void {
  if (next.ok === health.ok && (next.ok || (!health.ok && next.reason === health.reason))) return;
  health = next;
  for (const listener of listeners) listener();
}

export function getStorageHealth(): StorageHealth {
  return health;
}

export function subscribeStorageHealth(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const UNAVAILABLE_NAMES = new Set([
  'DatabaseClosedError',
  'MissingAPIError',
  'OpenFailedError',
  'InvalidStateError',
  'VersionError',
  'UnknownError', // Safari's answer when the disk or the IndexedDB process is gone
]);

/** Names of an error and of the errors it wraps (Dexie's `inner`, the standard `cause`). */
function errorNames(err: unknown): string[] {
  const names: string[] = [];
  let at: unknown = err;
  for (let depth = 0; depth < 5 && typeof at === 'object' && at !== null; depth++) {
    const { name, inner, cause } = at as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string') names.push(name);
    at = inner ?? cause;
  }
  return names;
}

/** Quota anywhere in the chain wins: Chrome reports it as an AbortError wrapping QuotaExceededError. */
export function classifyStorageError(err: unknown): StorageFailureReason {
  const names = errorNames(err);
  if (names.some((n) => n === 'QuotaExceededError' || n === 'NS_ERROR_DOM_QUOTA_REACHED')) {
    return 'quota';
  }
  if (names.some((n) => UNAVAILABLE_NAMES.has(n))) return 'unavailable';
  return 'unknown';
}

/** Runs a storage operation; success marks storage healthy, failure unhealthy and typed. */
export async function guardWrite<T>(fn: (db: TifaktorDb) => Promise<T>): Promise<T> {
  try {
    const result = await withDb(fn);
    setHealth(HEALTHY);
    return result;
  } catch (err) {
    if (err instanceof NoDraftError || err instanceof StorageWriteError) throw err;
    const reason = classifyStorageError(err);
    setHealth({ ok: false, reason });
    throw new StorageWriteError(reason, { cause: err });
  }
}

/** A write-and-read-back at start: some browsers (private modes, full disks) fail only on write. */
export async function probeStorage(now: number = Date.now()): Promise<StorageHealth> {
  try {
    await guardWrite(async (db) => {
      await db.meta.put({ key: 'probe', value: now });
      const back = await db.meta.get('probe');
      if (back?.value !== now) throw new Error('Storage probe read back something else');
    });
  } catch {
    // guardWrite has already recorded the reason in the health state.
  }
  return health;
}

/** Asks the browser not to evict our data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean | 'unsupported'> {
  const storage = globalThis.navigator?.storage as StorageManager | undefined;
  if (typeof storage?.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/** For tests: forget a previous test's failure. */
export function resetStorageHealthForTests(): void {
  setHealth(HEALTHY);
}
