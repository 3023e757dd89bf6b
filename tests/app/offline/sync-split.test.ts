// One bad answer or one oversized batch must not hold the queue: a 413 is split down to single
// answers, a 500 caused by one answer gives that answer alone its own retry time, and neither
// parks or delays anything when the server (or a proxy) fails for everyone.
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../src/app/offline/db';
import { listRejected, pendingCount } from '../../../src/app/offline';
import { readSyncStatus } from '../../../src/app/offline/status';
import { drainOutbox, type PassDeps } from '../../../src/app/offline/sync-pass';
import { createFakeServer, seedOutbox, useFreshDb } from './fakes';

beforeEach(useFreshDb);

let server: ReturnType<typeof createFakeServer>;
let now: number;
beforeEach(() => {
  server = createFakeServer();
  now = 5_000;
});

const pass = (overrides: Partial<PassDeps> = {}) =>
  drainOutbox({
    fetch: server.fetch,
    now: () => now,
    requestTimeoutMs: 1_000,
    random: () => 0.5,
    ...overrides,
  });

/** 20 small answers with one of about 6 kB among them, at `at`; the server takes up to 4 kB. */
async function twentyAndOneLarge(at: number): Promise<{ ids: string[]; large: string }> {
  const ids = await seedOutbox(21, 1_000, (i) => (i === at ? { openText: 'x'.repeat(6_000) } : {}));
  server.maxBodyBytes = 4_000;
  return { ids, large: ids[at]! };
}

describe('a batch the server finds too large (413)', () => {
  it.each([0, 10, 20])(
    'is split down to single answers: the 20 good ones go out and the large one at %i is parked without its content',
    async (at) => {
      const { ids, large } = await twentyAndOneLarge(at);

      const outcome = await pass();

      expect(outcome).toMatchObject({ status: 'synced', accepted: 20, rejected: 1, remaining: 0 });
      expect(server.stored).toEqual(new Set(ids.filter((id) => id !== large)));
      expect(await getDb().rejected.get(large)).toEqual({
        id: large,
        roundId: 'round-1',
        code: 'BODY_TOO_LARGE',
        rejectedAt: 5_000,
      });
      expect((await readSyncStatus()).rejectedByCode).toEqual({ BODY_TOO_LARGE: 1 });
    },
  );

  it('does the same behind a proxy whose 413 is an HTML page', async () => {
    const { large } = await twentyAndOneLarge(5);
    server.tooLargeFrom = 'proxy';

    expect(await pass()).toMatchObject({ status: 'synced', accepted: 20, rejected: 1, remaining: 0 });
    expect((await listRejected()).map((r) => [r.id, r.code])).toEqual([[large, 'BODY_TOO_LARGE']]);
  });

  it('parks nothing when every answer is too large for a proxy: they wait, and the pass backs off', async () => {
    await seedOutbox(8);
    server.maxBodyBytes = 10; // a misconfigured proxy refuses everything
    server.tooLargeFrom = 'proxy';

    const outcome = await pass();

    expect(outcome).toMatchObject({ status: 'failed', accepted: 0, rejected: 0, remaining: 8 });
    expect(await getDb().rejected.count()).toBe(0);
    // Nothing counts against a single answer: the trouble is the way to the server.
    expect((await getDb().outbox.toArray()).every((row) => row.failures === undefined)).toBe(true);
    expect((await readSyncStatus()).trouble?.code).toBe('HTTP_413');
    // Halving 8 → 4 → 2 → 1, then the second single: a bounded number of requests.
    expect(server.sizes).toEqual([8, 4, 2, 1, 1]);
  });

  it('keeps a lone oversized answer until the server is seen to take another, then parks it', async () => {
    const [large] = await seedOutbox(1, 1_000, () => ({ openText: 'x'.repeat(6_000) }));
    server.maxBodyBytes = 4_000;

    expect(await pass()).toMatchObject({ status: 'failed', remaining: 1 });
    expect(await getDb().outbox.get(large!)).toBeDefined();

    const [good] = await seedOutbox(1, 2_000);
    expect(await pass()).toMatchObject({ status: 'synced', accepted: 1, rejected: 1, remaining: 0 });
    expect(server.stored).toEqual(new Set([good]));
    expect((await listRejected()).map((r) => r.code)).toEqual(['BODY_TOO_LARGE']);
  });
});

describe('an answer that crashes the server (500) on its own', () => {
  it('waits for its own retry time while the others keep flowing, then is tried again', async () => {
    const ids = await seedOutbox(21);
    const bad = ids[7]!;
    server.crashOn.add(bad);

    const outcome = await pass();

    expect(outcome).toMatchObject({ status: 'synced', accepted: 20, rejected: 0, remaining: 1 });
    const row = await getDb().outbox.get(bad);
    expect(row).toMatchObject({ failures: 1, failureCode: 'INTERNAL_ERROR' });
    // Half of the first cap of 30 s (random 0.5): never refused, never blocking.
    expect(row?.retryAt).toBe(5_000 + 15_000);
    expect(await getDb().rejected.count()).toBe(0);
    expect((await readSyncStatus()).retryingByCode).toEqual({ INTERNAL_ERROR: 1 });

    // New answers go out at once; the failing one is not sent before its time.
    const [fresh] = await seedOutbox(1, 3_000);
    server.sizes = [];
    expect(await pass()).toMatchObject({ accepted: 1, remaining: 1 });
    expect(server.sizes).toEqual([1]);
    expect(server.stored.has(fresh!)).toBe(true);

    // Its time has come and the bug is fixed: it goes too.
    now = 20_001;
    server.crashOn.clear();
    expect(await pass()).toMatchObject({ status: 'synced', accepted: 1, remaining: 0 });
    expect(server.stored.has(bad)).toBe(true);
  });

  it('backs off further each time it fails again on its own', async () => {
    const ids = await seedOutbox(3);
    server.crashOn.add(ids[0]!);
    await pass();
    await seedOutbox(1, 2_000);
    now = 60_000;
    await pass();
    // failures 2: half of 60 s.
    expect(await getDb().outbox.get(ids[0]!)).toMatchObject({ failures: 2, retryAt: 60_000 + 30_000 });
  });

  it('marks nobody when the server fails for everyone, and stops after a bounded number of tries', async () => {
    const ids = await seedOutbox(100);
    ids.forEach((id) => server.crashOn.add(id));

    const outcome = await pass();

    expect(outcome).toMatchObject({ status: 'failed', accepted: 0, remaining: 100 });
    expect(server.sizes).toEqual([100, 50, 25, 13, 7, 4, 2, 1, 1]);
    expect((await getDb().outbox.toArray()).every((row) => row.failures === undefined)).toBe(true);
    expect((await readSyncStatus()).trouble?.code).toBe('INTERNAL_ERROR');
  });
});

describe('per-item codes that pass by themselves', () => {
  it.each(['RATE_LIMITED', 'DATABASE_UNAVAILABLE', 'DATABASE_BUSY', 'DATABASE_FULL', 'INTERNAL_ERROR'])(
    'keeps an answer refused with %s in the outbox to try again, never as refused',
    async (code) => {
      const ids = await seedOutbox(3);
      server.rejectCodes.set(ids[1]!, code);

      const outcome = await pass();

      expect(outcome).toMatchObject({ status: 'synced', accepted: 2, rejected: 0, remaining: 1 });
      expect(await getDb().rejected.count()).toBe(0);
      expect(await getDb().outbox.get(ids[1]!)).toMatchObject({ failures: 1, failureCode: code });
      // Sent once in this pass, not in a loop.
      expect(server.received.filter((id) => id === ids[1])).toHaveLength(1);

      server.rejectCodes.clear();
      now = 5_000 + 60 * 60_000;
      expect(await pass()).toMatchObject({ accepted: 1, remaining: 0 });
      expect(await pendingCount()).toBe(0);
    },
  );
});

describe('whole-request server trouble', () => {
  it('stops at once on a 503 without splitting, and shows it as trouble until the next exchange', async () => {
    await seedOutbox(40);
    server.mode = 'http503';

    expect(await pass()).toMatchObject({ status: 'failed', remaining: 40 });
    expect(server.calls).toBe(1);
    expect((await readSyncStatus()).trouble?.code).toBe('DATABASE_UNAVAILABLE');

    server.mode = 'ok';
    expect(await pass()).toMatchObject({ status: 'synced', accepted: 40 });
    expect((await readSyncStatus()).trouble).toBeUndefined();
  });

  it('does not call being offline server trouble', async () => {
    await seedOutbox(2);
    server.mode = 'network';
    await pass();
    expect((await readSyncStatus()).trouble).toBeUndefined();
  });
});
