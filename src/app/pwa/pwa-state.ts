// Owns the service-worker lifecycle. registerType is 'prompt': a waiting version is only
// announced here, and the start screen is the one place that applies it, so nobody's survey
// is ever reloaded under their fingers. Kiosk tabs stay open for days: check for updates hourly.
import { useSyncExternalStore } from 'react';

export interface PwaState {
  needRefresh: boolean;
  offlineReady: boolean;
}

const UPDATE_CHECK_MS = 60 * 60 * 1000;

let state: PwaState = { needRefresh: false, offlineReady: false };
let applyUpdate: ((reload?: boolean) => Promise<void>) | undefined;
const listeners = new Set<() => void>();

function setState(patch: Partial<PwaState>): void {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

export async function registerServiceWorker(): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  applyUpdate = registerSW({
    onNeedRefresh: () => setState({ needRefresh: true }),
    onOfflineReady: () => setState({ offlineReady: true }),
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
  });
}

/** Reloads into the waiting version. Call only from the start screen. */
export async function applyWaitingUpdate(): Promise<void> {
  await applyUpdate?.(true);
}

export function usePwaState(): PwaState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
