// The sync loop is a chunk of its own (lazy-sync.ts), fetched after the first render: what waits
// in the outbox is still sent, and a nudge made while the chunk loads is not lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLazySyncClient, pendingCount, type LazySyncClient } from '../../../src/app/offline';
import { createFakeServer, seedOutbox, useFreshDb } from './fakes';

beforeEach(useFreshDb);

let server: ReturnType<typeof createFakeServer>;
const clients: LazySyncClient[] = [];
beforeEach(() => {
  server = createFakeServer();
});
afterEach(() => clients.splice(0).forEach((client) => client.stop()));

function lazyClient() {
  const client = createLazySyncClient({ fetch: server.fetch, locks: undefined, isOnline: () => true });
  clients.push(client);
  return client;
}

describe('the sync loop loaded after the first render', () => {
  it('sends what waits in the outbox once start() has fetched it', async () => {
    const ids = await seedOutbox(2);
    const client = lazyClient();
    client.start();

    await expect.poll(() => pendingCount()).toBe(0);
    expect(server.received).toEqual(ids);
  });

  it('keeps a requestSync() made before the loop is here and sends then', async () => {
    const client = lazyClient();
    client.requestSync();
    const ids = await seedOutbox(1);
    client.requestSync();

    await expect.poll(() => pendingCount()).toBe(0);
    expect(server.received).toEqual(ids);
  });
});
