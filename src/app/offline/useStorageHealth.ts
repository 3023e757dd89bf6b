// Owns the UI's view of storage health, so a failed save shows a clear message.
import { useSyncExternalStore } from 'react';
import { getStorageHealth, subscribeStorageHealth, type StorageHealth } from './storage';

export function useStorageHealth(): StorageHealth {
  return useSyncExternalStore(subscribeStorageHealth, getStorageHealth, getStorageHealth);
}
