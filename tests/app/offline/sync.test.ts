import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../src/app/offline/db';
import { listRejected, pendingCount } from '../../../src/app/offline';
import { createSyncClient, type SyncClientDeps } from '../../../src/app/offline/sync';
import { readSyncStatus } from '../../../src/app/offline/status';
import { createFakeServer, createManualTimers, FakeLockManager, seedOutbox, useFreshDb } from './fakes';

beforeEach(useFreshDb);

let server: ReturnType<typeof createFakeServer>;
let timers: ReturnType<typeof createManualTimers>;
const stops: (() => void)[] = [];
beforeEach(() => {
  server = createFakeServer();
  timers = createManualTimers();
});
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  vi.useRealTimers();
});

function client(overrides: Partial<SyncClientDeps> = {}) {
  const created = createSyncClient({
    fetch: server.fetch,
    locks: undefined,
    now: () => 5_000,
    random: () => 0.5,
    setTimeout: (fn, ms) => timers.setTimeout(fn, ms),
    clearTimeout: (h) => timers.clearTimeout(h),
    ...overrides,
  });
  stops.push(() => created.stop());
  return created;
}

describe('sync pass', () => {
  it('deletes every accepted response and records when it last reached the server', async () => {
    const ids = await seedOutbox(3);
    const outcome = await client().syncNow();

    expect(outcome).toMatchObject({ status: 'synced', accepted: 3, remaining: 0 });
    expect(server.received).toEqual(ids);
    expect(await pendingCount()).toBe(0);
    expect((await readSyncStatus()).lastSyncAt).toBe(5_000);
  });

  it('moves rejected responses to the rejected store with their reason and deletes the rest', async () => {
    const ids = await seedOutbox(6);
    server.rejectCodes.set(ids[1]!, 'ROUND_NOT_OPEN');
    server.rejectCodes.set(ids[4]!, 'VALUE_OUT_OF_RANGE');

    const outcome = await client().syncNow();

    expect(outcome).toMatchObject({ status: 'synced', accepted: 4, rejected: 2, remaining: 0 });
    expect(await pendingCount()).toBe(0);
    const rejected = await listRejected();
    expect(rejected.map((r) => [r.id, r.code]).sort()).toEqual(
      [
        [ids[1], 'ROUND_NOT_OPEN'],
        [ids[4], 'VALUE_OUT_OF_RANGE'],
      ].sort(),
    );
    // Only the reason stays on the device: nothing the person answered, so the next one cannot read it.
    expect(await getDb().rejected.get(ids[1]!)).toEqual({
      id: ids[1],
      roundId: 'round-1',
      code: 'ROUND_NOT_OPEN',
      rejectedAt: 5_000,
    });
  });

  it('counts a duplicate (already stored by an earlier, unanswered attempt) as sent', async () => {
    const ids = await seedOutbox(2);
    server.stored.add(ids[0]!);

    const outcome = await client().syncNow();

    expect(outcome).toMatchObject({ status: 'synced', accepted: 1, duplicate: 1, rejected: 0 });
    expect(await pendingCount()).toBe(0);
    expect(await getDb().rejected.count()).toBe(0);
  });

  it('keeps responses the server left out of its answer, and does not loop on them', async () => {
    const ids = await seedOutbox(4);
    server.omit.add(ids[2]!);

    const outcome = await client().syncNow();

    expect(outcome).toMatchObject({ status: 'failed', accepted: 3, remaining: 1 });
    expect(outcome.error?.code).toBe('INCOMPLETE_RESULTS');
    expect(await getDb().outbox.get(ids[2]!)).toBeDefined();
    expect(server.batches).toHaveLength(2); // the first batch, then the leftover once
  });

  it('never sends the local queuedAt (the server refuses unknown properties)', async () => {
    await seedOutbox(1);
    await client().syncNow();
    expect(await getDb().rejected.count()).toBe(0);
    expect(server.stored.size).toBe(1);
  });

  it('sends more than 100 waiting responses in batches of at most 100, oldest first', async () => {
    const ids = await seedOutbox(250);

    const outcome = await client().syncNow();

    expect(server.batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(server.received).toEqual(ids);
    expect(outcome).toMatchObject({ status: 'synced', accepted: 250, remaining: 0 });
  });

  it.each([
    ['a network error', 'network', 'NETWORK_ERROR'],
    ['a 500', 'http500', 'INTERNAL_ERROR'],
    ['a 503 while the server has lost its database', 'http503', 'DATABASE_UNAVAILABLE'],
    ['a 429', 'http429', 'RATE_LIMITED'],
    ['a body that is not JSON', 'html', 'INVALID_SERVER_RESPONSE'],
  ] as const)('keeps everything after %s and does not show it as an error', async (_, mode, code) => {
    await seedOutbox(3);
    server.mode = mode;

    const outcome = await client().syncNow();

    expect(outcome).toMatchObject({ status: 'failed', remaining: 3, error: { code } });
    expect(await pendingCount()).toBe(3);
    expect((await readSyncStatus()).lastError).toBeUndefined();
  });

  it('keeps every answer when the reply does not match the contract, even the one it calls accepted', async () => {
    const ids = await seedOutbox(2);
    server.mode = 'off-contract';

    const outcome = await client().syncNow();

    expect(outcome).toMatchObject({
      status: 'failed',
      accepted: 0,
      rejected: 0,
      remaining: 2,
      error: { code: 'INVALID_SERVER_RESPONSE' },
    });
    // Nothing counts as sent and nothing as refused: both wait for a server that answers properly.
    expect(await getDb().outbox.get(ids[0]!)).toBeDefined();
    expect(await listRejected()).toEqual([]);
    expect((await readSyncStatus()).lastSyncAt).toBeUndefined();

    server.mode = 'ok';
    expect(await client().syncNow()).toMatchObject({ status: 'synced', accepted: 1, duplicate: 1 });
    expect(await pendingCount()).toBe(0);
  });

  it('keeps everything after a 4xx without results, shows the error, and clears it on the next success', async () => {
    await seedOutbox(2);
    server.mode = 'malformed';
    const sync = client();

    expect(await sync.syncNow()).toMatchObject({ status: 'failed', error: { code: 'MALFORMED_REQUEST' } });
    expect(await pendingCount()).toBe(2);
    expect((await readSyncStatus()).lastError).toEqual({
      code: 'MALFORMED_REQUEST',
      message: 'bad envelope',
      at: 5_000,
    });

    server.mode = 'ok';
    await sync.syncNow();
    expect((await readSyncStatus()).lastError).toBeUndefined();
  });

  it('reports nothing to send without calling the server', async () => {
    expect(await client().syncNow()).toMatchObject({ status: 'nothing-to-send', remaining: 0 });
    expect(server.batches).toHaveLength(0);
  });
});

describe('sync scheduling', () => {
  it('retries after failures with growing, capped, fully jittered delays, and stops retrying after success', async () => {
    await seedOutbox(1);
    server.mode = 'network';
    const draws = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.999, 0];
    const sync = client({ random: () => draws.shift()!, baseDelayMs: 2_000, maxDelayMs: 300_000 });

    sync.start();
    for (let failure = 1; failure <= 11; failure++) {
      await vi.waitFor(() => expect(timers.delays).toHaveLength(failure));
      if (failure < 11) timers.fireAll();
    }

    expect(timers.delays).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 150_000, 299_700, 0,
    ]);
    expect(await pendingCount()).toBe(1);

    server.mode = 'ok';
    timers.fireAll();
    await vi.waitFor(async () => expect(await pendingCount()).toBe(0));
    await vi.waitFor(() => expect(timers.pending.size).toBe(0));
    expect(timers.delays).toHaveLength(11); // no further retry once the outbox is empty
  });

  it("syncs when the browser fires 'online'", async () => {
    await seedOutbox(2);
    let online = false;
    const sync = client({ isOnline: () => online });

    sync.start();
    await vi.waitFor(() => expect(timers.delays).toEqual([60_000])); // offline: only the slow check
    expect(server.batches).toHaveLength(0);

    online = true;
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(async () => expect(await pendingCount()).toBe(0));
    expect(server.received).toHaveLength(2);
  });

  it('syncs when the tab becomes visible, and no longer after stop()', async () => {
    // The client's own timers (default setTimeout) are fake, so "later" can be reached at once.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // Every pass asks isOnline() first, synchronously: a pass that starts cannot hide from it.
    const isOnline = vi.fn(() => true);
    const sync = createSyncClient({ fetch: server.fetch, locks: undefined, now: () => 5_000, isOnline });
    stops.push(() => sync.stop());
    sync.start();
    await sync.syncNow(); // joins the pass start() began
    await seedOutbox(1);

    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(async () => expect(await pendingCount()).toBe(0));

    sync.stop();
    isOnline.mockClear();
    await seedOutbox(1);
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    // Past the backoff cap and the periodic check: nothing armed before stop() may fire either.
    await vi.advanceTimersByTimeAsync(10 * 60_000);

    expect(isOnline).not.toHaveBeenCalled();
    expect(await pendingCount()).toBe(1);
  });

  it('runs a sync requested during a running pass again after it, instead of dropping it', async () => {
    await seedOutbox(1);
    let release!: () => void;
    server.gate = new Promise((resolve) => (release = resolve));
    const sync = client();

    const running = sync.syncNow();
    await vi.waitFor(() => expect(server.calls).toBe(1));
    const again = sync.syncNow();
    server.gate = undefined;
    release();

    expect(await running).toMatchObject({ status: 'synced', accepted: 1 });
    // A second pass really ran (and found the outbox empty): not skipped, not sent twice.
    expect(await again).toMatchObject({ status: 'nothing-to-send' });
    expect(server.received).toHaveLength(1);
  });
});

describe('one sync at a time', () => {
  it('two tabs sharing Web Locks send each response exactly once', async () => {
    const ids = await seedOutbox(150);
    const locks = new FakeLockManager();
    let release!: () => void;
    server.gate = new Promise((resolve) => (release = resolve));
    const tabA = client({ locks });
    const tabB = client({ locks });

    const both = Promise.all([tabA.syncNow(), tabB.syncNow()]);
    await vi.waitFor(() => expect(locks.requests).toBe(2));
    server.gate = undefined;
    release();
    const outcomes = await both;

    expect(outcomes.map((o) => o.status).sort()).toEqual(['skipped-locked', 'synced']);
    expect(server.received).toHaveLength(150);
    expect(new Set(server.received)).toEqual(new Set(ids));
  });

  it('without navigator.locks, two clients in one tab still send each response exactly once', async () => {
    await seedOutbox(5);
    let release!: () => void;
    server.gate = new Promise((resolve) => (release = resolve));

    const first = client().syncNow();
    const second = client().syncNow();
    // The second pass gives way while the first still waits for the server: no second request.
    expect(await second).toMatchObject({ status: 'skipped-locked', remaining: 5 });
    await vi.waitFor(() => expect(server.calls).toBe(1));
    release();

    expect(await first).toMatchObject({ status: 'synced', accepted: 5 });
    expect(server.calls).toBe(1);
    expect(server.received).toHaveLength(5);
  });

  it('a tab that finds the lock taken checks again later while responses wait', async () => {
    await seedOutbox(1);
    const locks = new FakeLockManager();
    locks.held.add('tifaktor-sync'); // another tab is mid-sync
    const sync = client({ locks });

    sync.start();
    await vi.waitFor(() => expect(timers.delays).toEqual([60_000]));
    expect(server.batches).toHaveLength(0);
  });
});
