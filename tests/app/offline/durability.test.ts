// The send must survive a power cut right after "Send": the transaction that queues the answer
// (and every other write to the outbox) asks IndexedDB for strict durability. fake-indexeddb
// ignores the option, so the test checks that it reaches IDBDatabase.transaction. Dexie binds that
// method when it opens the database, so the spy goes in before the first use.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveAnswer, startDraft, submitDraft } from '../../../src/app/offline';
import { settleBatch } from '../../../src/app/offline/outbox-settle';
import { getDb } from '../../../src/app/offline/db';
import { useFreshDb } from './fakes';

const ROUND = { id: 'round-1', questionnaireVersion: 'v1', unit: { id: 'unit-1' } };

beforeEach(useFreshDb);
afterEach(() => vi.restoreAllMocks());

type TransactionArgs = [
  storeNames: string | Iterable<string>,
  mode?: IDBTransactionMode,
  options?: IDBTransactionOptions,
];

function spyOnTransactions(): TransactionArgs[] {
  const calls: TransactionArgs[] = [];
  const original = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
    this: IDBDatabase,
    ...args: TransactionArgs
  ) {
    calls.push(args);
    return original.apply(this, args);
  });
  return calls;
}

const names = (stores: string | Iterable<string>) =>
  (typeof stores === 'string' ? [stores] : [...stores]).sort();

describe('strict durability', () => {
  it('opens the send (draft → outbox) with durability strict', async () => {
    const calls = spyOnTransactions();
    await startDraft(ROUND, 'nb');

    const id = await submitDraft();

    const send = calls.filter(([stores, mode]) => mode === 'readwrite' && names(stores).includes('outbox'));
    expect(send.map(([stores]) => names(stores))).toEqual([['draft', 'outbox']]);
    expect(send[0]![2]?.durability).toBe('strict');
    expect(await getDb().outbox.get(id)).toBeDefined();
  });

  it('settles a batch with durability strict too', async () => {
    const calls = spyOnTransactions();
    await startDraft(ROUND, 'nb');
    const id = await submitDraft();
    const [queued] = await getDb().outbox.toArray();
    calls.length = 0;

    await settleBatch([queued!], [{ id, status: 'accepted' }], 1);

    const settle = calls.filter(([, mode]) => mode === 'readwrite');
    expect(settle.length).toBeGreaterThan(0);
    expect(settle.every(([, , options]) => options?.durability === 'strict')).toBe(true);
  });

  it('leaves a tap (a draft write) and reads at the browser default', async () => {
    const calls = spyOnTransactions();
    await startDraft(ROUND, 'nb');
    calls.length = 0;

    await saveAnswer('s1', 4);
    await getDb().outbox.count();

    expect(calls.length).toBeGreaterThan(0);
    expect(calls.some(([, , options]) => options?.durability === 'strict')).toBe(false);
  });
});
