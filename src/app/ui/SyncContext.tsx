// Hands the one sync client of this tab to the screens that need to nudge it (after "Send").
import { createContext, useContext } from 'react';

export interface SyncHandle {
  requestSync(): void;
}

export const SyncContext = createContext<SyncHandle | null>(null);

export function useSync(): SyncHandle | null {
  return useContext(SyncContext);
}
