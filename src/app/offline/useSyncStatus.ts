// Owns the live sending status for the UI ("3 answers wait to be sent, last sent 10:42").
import { useSyncExternalStore } from 'react';
import { useLiveValue } from './live';
import { isSyncing, readSyncStatus, subscribeSyncing, type SyncStatus } from './status';

export function useSyncStatus(): SyncStatus {
  const { value } = useLiveValue(readSyncStatus);
  const syncing = useSyncExternalStore(subscribeSyncing, isSyncing, () => false);
  return {
    pending: 0,
    rejected: 0,
    rejectedByCode: {},
    retryingByCode: {},
    removedRejected: 0,
    ...value,
    isSyncing: syncing,
  };
}
