// Owns what staff see about sending: how many answers wait, how many were refused, when the
// last exchange with the server happened, the last error worth acting on, and whether this tab
// is sending right now. Counts come from IndexedDB (shared by every tab); isSyncing is per tab.
import { getDb } from './db';
import { guardWrite } from './storage';

export interface SyncError {
  /** A server ErrorCode, or HTTP_<status> when the server gave none. */
  code: string;
  message: string;
  at: number;
}

export interface SyncStatus {
  pending: number;
  rejected: number;
  lastSyncAt?: number;
  isSyncing: boolean;
  lastError?: SyncError;
}

function asSyncError(value: unknown): SyncError | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { code, message, at } = value as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string' || typeof at !== 'number') return undefined;
  return { code, message, at };
}

/** Everything but isSyncing, read in one go; safe inside liveQuery (Dexie calls only). */
export async function readSyncStatus(): Promise<Omit<SyncStatus, 'isSyncing'>> {
  const db = getDb();
  const [pending, rejected, lastSync, lastError] = await Promise.all([
    db.outbox.count(),
    db.rejected.count(),
    db.meta.get('lastSyncAt'),
    db.meta.get('lastSyncError'),
  ]);
  const lastSyncAt = typeof lastSync?.value === 'number' ? lastSync.value : undefined;
  return { pending, rejected, lastSyncAt, lastError: asSyncError(lastError?.value) };
}

/** Kept until the next successful exchange clears it (see settleBatch). */
export async function recordSyncError(error: SyncError): Promise<void> {
  await guardWrite((db) => db.meta.put({ key: 'lastSyncError', value: error }));
}

// Per-tab count of running sync passes, as an external store for useSyncExternalStore.
let running = 0;
const listeners = new Set<() => void>();

export function isSyncing(): boolean {
  return running > 0;
}

export function subscribeSyncing(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function whileSyncing<T>(fn: () => Promise<T>): Promise<T> {
  running += 1;
  listeners.forEach((l) => l());
  try {
    return await fn();
  } finally {
    running -= 1;
    listeners.forEach((l) => l());
  }
}
