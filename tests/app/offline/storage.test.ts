import { act, renderHook } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  probeStorage,
  requestPersistentStorage,
  saveAnswer,
  startDraft,
  StorageWriteError,
  useStorageHealth,
} from '../../../src/app/offline';
import { classifyStorageError, getStorageHealth } from '../../../src/app/offline/storage';
import { useFreshDb } from './fakes';

const ROUND = { id: 'round-1', questionnaireVersion: 'v1', unit: { id: 'unit-1' } };
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

beforeEach(useFreshDb);
afterEach(() => vi.restoreAllMocks());

describe('storage health', () => {
  it('turns a QuotaExceededError on write into StorageWriteError and a visible unhealthy state', async () => {
    await startDraft(ROUND, 'nb');
    const { result } = renderHook(() => useStorageHealth());
    expect(result.current).toEqual({ ok: true });

    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota();
    });
    const failure: unknown = await saveAnswer('s1', 3).catch((err: unknown) => err);

    expect(failure).toBeInstanceOf(StorageWriteError);
    expect((failure as StorageWriteError).reason).toBe('quota');
    await vi.waitFor(() => expect(result.current).toEqual({ ok: false, reason: 'quota' }));

    put.mockRestore();
    await act(() => saveAnswer('s1', 3));
    expect(result.current).toEqual({ ok: true }); // space freed: the warning goes away
  });

  it('reports a failed write probe at start', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('gone', 'UnknownError');
    });
    expect(await probeStorage()).toEqual({ ok: false, reason: 'unavailable' });
    expect(getStorageHealth()).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('reports a healthy write probe', async () => {
    expect(await probeStorage()).toEqual({ ok: true });
  });

  it.each([
    ['a bare QuotaExceededError', quota(), 'quota'],
    ["Dexie's AbortError wrapping it", new Dexie.AbortError('aborted', quota()), 'quota'],
    ["Dexie's own QuotaExceededError", new Dexie.QuotaExceededError('full'), 'quota'],
    ['a closed database', new Dexie.DatabaseClosedError('closed'), 'unavailable'],
    ['anything else', new Error('?'), 'unknown'],
  ])('classifies %s', (_, error, reason) => {
    expect(classifyStorageError(error)).toBe(reason);
  });
});

describe('requestPersistentStorage', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'storage');
  });

  it("says 'unsupported' when the browser has no storage manager", async () => {
    Object.defineProperty(navigator, 'storage', { value: undefined, configurable: true });
    expect(await requestPersistentStorage()).toBe('unsupported');
  });

  it('asks for persistence and returns what the browser granted', async () => {
    const persist = vi.fn(() => Promise.resolve(false));
    Object.defineProperty(navigator, 'storage', {
      value: { persist, persisted: () => Promise.resolve(false) },
      configurable: true,
    });
    expect(await requestPersistentStorage()).toBe(false);
    expect(persist).toHaveBeenCalledOnce();
  });
});
