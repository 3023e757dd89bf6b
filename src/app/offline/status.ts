// Owns what staff see about sending: how many answers wait, how many were refused and why, when
// the last exchange with the server happened, the last error worth acting on, server trouble that
// holds answers back, and whether this tab is sending right now. Counts come from IndexedDB
// (shared by every tab); isSyncing is per tab. Never any content of an answer.
import { getDb } from './db';
import { REMOVED_REJECTED_KEY } from './outbox';
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
  /** Refused answers still on the device, by the server's code. */
  rejectedByCode: Record<string, number>;
  /** Waiting answers that failed on their own (a 5xx for them alone, RATE_LIMITED …), by code. */
  retryingByCode: Record<string, number>;
  /** Refusals removed after their round (pruneRejected): only this count is left of them. */
  removedRejected: number;
  lastSyncAt?: number;
  isSyncing: boolean;
  lastError?: SyncError;
  /**
   * Why the last pass could not send (the server failed, was overloaded or took no batch at all),
   * until the next exchange; answers wait and are sent again by themselves. Not set for "offline".
   */
  trouble?: SyncError;
}

function asSyncError(value: unknown): SyncError | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { code, message, at } = value as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string' || typeof at !== 'number') return undefined;
  return { code, message, at };
}

function countBy(codes: unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const code of codes) {
    if (typeof code !== 'string') continue;
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/** Everything but isSyncing, read in one go; safe inside liveQuery (Dexie calls only). */
export async function readSyncStatus(): Promise<Omit<SyncStatus, 'isSyncing'>> {
  const db = getDb();
  const [pending, refused, failing, lastSync, lastError, trouble, removed] = await Promise.all([
    db.outbox.count(),
    db.rejected.toArray(),
    db.outbox.filter((row) => typeof row.failureCode === 'string').toArray(),
    db.meta.get('lastSyncAt'),
    db.meta.get('lastSyncError'),
    db.meta.get('syncTrouble'),
    db.meta.get(REMOVED_REJECTED_KEY),
  ]);
  const lastSyncAt = typeof lastSync?.value === 'number' ? lastSync.value : undefined;
  return {
    pending,
    rejected: refused.length,
    rejectedByCode: countBy(refused.map((row) => row.code)),
    retryingByCode: countBy(failing.map((row) => row.failureCode)),
    removedRejected: typeof removed?.value === 'number' ? removed.value : 0,
    lastSyncAt,
    lastError: asSyncError(lastError?.value),
    trouble: asSyncError(trouble?.value),
  };
}

/** Kept until the next successful exchange clears it (see settleBatch). */
export async function recordSyncError(error: SyncError): Promise<void> {
  await guardWrite((db) => db.meta.put({ key: 'lastSyncError', value: error }));
}

/** Server trouble that held the outbox back; kept until the next exchange (see settleBatch). */
export async function recordSyncTrouble(error: SyncError): Promise<void> {
  await guardWrite((db) => db.meta.put({ key: 'syncTrouble', value: error }));
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
