import { renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveAnswer, startDraft, submitDraft, useDraft } from '../../../src/app/offline';
import { useSyncStatus } from '../../../src/app/offline/useSyncStatus';
import { createSyncClient } from '../../../src/app/offline/sync';
import { createFakeServer, useFreshDb } from './fakes';

const ROUND = { id: 'round-1', questionnaireVersion: 'v1', unit: { id: 'unit-1' } };

beforeEach(useFreshDb);

describe('live status hooks', () => {
  it('shows answers waiting after a submit and the last sync time after sending', async () => {
    const { result } = renderHook(() => useSyncStatus());
    await waitFor(() => expect(result.current).toMatchObject({ pending: 0, rejected: 0, isSyncing: false }));

    await startDraft(ROUND, 'nb');
    await submitDraft();
    await waitFor(() => expect(result.current.pending).toBe(1));

    const server = createFakeServer();
    await createSyncClient({ fetch: server.fetch, locks: undefined, now: () => 42 }).syncNow();
    await waitFor(() => expect(result.current).toMatchObject({ pending: 0, lastSyncAt: 42 }));
  });

  it('mirrors the stored draft as it is saved', async () => {
    const { result } = renderHook(() => useDraft());
    await waitFor(() => expect(result.current).toEqual({ draft: undefined, isLoading: false }));

    await startDraft(ROUND, 'nb');
    await saveAnswer('s1', 5);
    await waitFor(() => expect(result.current.draft?.answers).toEqual({ s1: 5 }));
  });
});
