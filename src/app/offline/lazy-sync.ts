// Owns how the tab's one sync client comes to be without being in the first load: sync.ts, the
// pass (sync-pass.ts) and what it does to the outbox (outbox-settle.ts) are one chunk, fetched
// when start() is called (main.tsx: right after the first render) and precached by the service
// worker like every chunk. Until it is here, a requestSync() waits for it; start() itself sends
// at once, so a request made while the chunk loads is not lost. A failed fetch of the chunk (the
// very first visit, cut off before the service worker has it) is tried again by the next start()
// or requestSync(): the answers wait in the outbox meanwhile, as they do offline.
import type { SyncClient, SyncClientDeps } from './sync';

export interface LazySyncClient {
  /** Fetches the sync loop and starts it (SyncClient.start). */
  start(): void;
  /** Fire-and-forget syncNow, e.g. right after submitDraft, once the loop is here. */
  requestSync(): void;
  stop(): void;
  /** The client, once its chunk is here (for tests, and for whoever must await a pass). */
  loaded(): Promise<SyncClient>;
}

export function createLazySyncClient(deps: SyncClientDeps): LazySyncClient {
  let client: Promise<SyncClient> | undefined;
  let isStarted = false;

  const loaded = (): Promise<SyncClient> => {
    client ??= import('./sync').then(
      ({ createSyncClient }) => createSyncClient(deps),
      (error: unknown) => {
        client = undefined;
        throw error;
      },
    );
    return client;
  };

  const whenLoaded = (use: (sync: SyncClient) => void): void => {
    loaded().then(use, () => undefined);
  };

  return {
    start() {
      isStarted = true;
      whenLoaded((sync) => {
        if (isStarted) sync.start();
      });
    },
    requestSync() {
      whenLoaded((sync) => sync.requestSync());
    },
    stop() {
      isStarted = false;
      if (client) whenLoaded((sync) => sync.stop());
    },
    loaded,
  };
}
