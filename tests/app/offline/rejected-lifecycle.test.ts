// What happens to a refused answer on the device: its content goes in the same transaction that
// learns of the refusal, its reason is counted for the tablet's sync line, it is removed once its
// round is over (only a count kept), and a device coming from version 1 is cleaned up on upgrade.
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, openDb } from '../../../src/app/offline/db';
import { listRejected, pendingCount, saveCachedRound } from '../../../src/app/offline';
import { pruneRejected, REJECTED_MAX_AGE_MS, settleBatch } from '../../../src/app/offline/outbox-settle';
import { readSyncStatus } from '../../../src/app/offline/status';
import { roundFixture } from '../support/fixtures';
import { response, seedOutbox, useFreshDb } from './fakes';

beforeEach(useFreshDb);

const DAY = 24 * 60 * 60 * 1000;

describe('a final refusal', () => {
  it('keeps no statement value, background or open text, only id, round, reason and when', async () => {
    const [id] = await seedOutbox(1, 1_000, () => ({
      background: { ageGroup: 'declined' },
      openText: 'Sjefen min heter Per',
      code: 'ABCD-EFGH',
    }));
    const [sent] = (await getDb().outbox.toArray()).map(({ queuedAt: _, ...wire }) => wire);

    await settleBatch(
      [sent!],
      [{ id: id!, status: 'rejected', code: 'CODE_ALREADY_USED', message: '"declined" is not an option' }],
      7,
    );

    const stored = await getDb().rejected.get(id!);
    expect(stored).toEqual({ id, roundId: 'round-1', code: 'CODE_ALREADY_USED', rejectedAt: 7 });
    expect(JSON.stringify(await getDb().rejected.toArray())).not.toMatch(/Per|declined|ABCD|"s1"/);
    expect(await pendingCount()).toBe(0);
  });

  it('is counted by reason for the sync line', async () => {
    const ids = await seedOutbox(4);
    const batch = (await getDb().outbox.orderBy('queuedAt').toArray()).map(({ queuedAt: _, ...w }) => w);
    await settleBatch(
      batch,
      [
        { id: ids[0]!, status: 'rejected', code: 'CODE_ALREADY_USED', message: '' },
        { id: ids[1]!, status: 'rejected', code: 'CODE_ALREADY_USED', message: '' },
        { id: ids[2]!, status: 'rejected', code: 'ROUND_CLOSED', message: '' },
        { id: ids[3]!, status: 'accepted' },
      ],
      7,
    );
    expect(await readSyncStatus()).toMatchObject({
      pending: 0,
      rejected: 3,
      rejectedByCode: { CODE_ALREADY_USED: 2, ROUND_CLOSED: 1 },
    });
  });
});

describe('removing refusals once they are of no use', () => {
  async function refuse(id: string, roundId: string, rejectedAt: number): Promise<void> {
    await getDb().rejected.put({ id, roundId, code: 'CODE_UNKNOWN', rejectedAt });
  }

  it("removes the cached round's refusals after its close plus the longest grace, keeping a count", async () => {
    // closesOn 2026-12-04; the longest grace is 60 days: kept to 2027-02-02, gone from the 3rd.
    await saveCachedRound(roundFixture());
    await refuse('a', 'round-1', Date.UTC(2026, 11, 1));
    await refuse('b', 'round-1', Date.UTC(2026, 11, 2));

    expect(await pruneRejected(Date.UTC(2027, 1, 2, 12))).toBe(0);
    expect(await getDb().rejected.count()).toBe(2);

    expect(await pruneRejected(Date.UTC(2027, 1, 3, 12))).toBe(2);
    expect(await listRejected()).toEqual([]);
    expect((await readSyncStatus()).removedRejected).toBe(2);
  });

  it('removes refusals of any other round (or with no round cached) after a bounded age', async () => {
    const now = Date.UTC(2027, 5, 1);
    await saveCachedRound(roundFixture({ id: 'round-2' }));
    await refuse('old', 'round-1', now - REJECTED_MAX_AGE_MS - 1);
    await refuse('recent', 'round-1', now - DAY);

    expect(await pruneRejected(now)).toBe(1);
    expect((await listRejected()).map((r) => r.id)).toEqual(['recent']);

    await refuse('older', 'round-9', now - REJECTED_MAX_AGE_MS - 5);
    await pruneRejected(now);
    expect((await readSyncStatus()).removedRejected).toBe(2);
  });

  it('runs at the start of every sync pass', async () => {
    const { drainOutbox } = await import('../../../src/app/offline/sync-pass');
    await refuse('old', 'round-1', 1);
    const outcome = await drainOutbox({
      fetch: () => Promise.reject(new TypeError('offline')),
      now: () => REJECTED_MAX_AGE_MS + 10,
      requestTimeoutMs: 1_000,
    });
    expect(outcome.status).toBe('nothing-to-send');
    expect(await getDb().rejected.count()).toBe(0);
  });
});

describe('the version 2 upgrade of a device that ran version 1', () => {
  it('strips the content of final refusals and puts the ones that pass by themselves back in the outbox', async () => {
    const name = `tifaktor-v1-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ draft: 'key', outbox: 'id, queuedAt', rejected: 'id, rejectedAt', meta: 'key' });
    const used = response({ openText: 'Sjefen min heter Per' });
    const limited = response();
    const badClock = response();
    await v1.table('rejected').bulkPut([
      { id: used.id, response: used, code: 'CODE_ALREADY_USED', message: 'used', rejectedAt: 10 },
      { id: limited.id, response: limited, code: 'RATE_LIMITED', message: 'slow', rejectedAt: 11 },
      { id: badClock.id, response: badClock, code: 'INVALID_DATE', message: 'date', rejectedAt: 12 },
    ]);
    v1.close();

    openDb(name);

    expect(await getDb().rejected.toArray()).toEqual([
      { id: used.id, roundId: 'round-1', code: 'CODE_ALREADY_USED', rejectedAt: 10 },
    ]);
    const outbox = await getDb().outbox.orderBy('queuedAt').toArray();
    expect(outbox).toEqual([
      { ...limited, queuedAt: 11 },
      { ...badClock, queuedAt: 12 },
    ]);
    // At least version 2: later versions (4, the meeting outbox) add stores on top of its upgrade.
    expect(getDb().verno).toBeGreaterThanOrEqual(2);
  });
});
