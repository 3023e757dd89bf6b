// Owns the offline copy of the current round and its questionnaire, so a tablet that starts
// without network can still run the survey. It holds no answers.
import type { CurrentRoundResponse } from '../../shared/api/respondent';
import { createRespondentClient } from '../connection/respondent-client';
import { withDb } from './db';
import { isCurrentRoundResponse } from './normalise';
import { guardWrite } from './storage';

const CACHE_KEY = 'currentRound';

export interface CachedRound {
  data: CurrentRoundResponse;
  fetchedAt: number;
}

export type CurrentRoundResult =
  | ({ source: 'network' | 'cache' } & CachedRound)
  /** no-current-round: the server says so. unavailable: no network and nothing cached. */
  | { source: 'none'; reason: 'no-current-round' | 'unavailable' };

export async function saveCachedRound(
  data: CurrentRoundResponse,
  { now = Date.now() }: { now?: number } = {},
): Promise<void> {
  await guardWrite((db) => db.meta.put({ key: CACHE_KEY, value: { data, fetchedAt: now } }));
}

export async function loadCachedRound(): Promise<CachedRound | undefined> {
  const row = await withDb((db) => db.meta.get(CACHE_KEY));
  const value = row?.value as { data?: unknown; fetchedAt?: unknown } | undefined;
  if (!isCurrentRoundResponse(value?.data) || typeof value.fetchedAt !== 'number') return undefined;
  return { data: value.data, fetchedAt: value.fetchedAt };
}

async function fromCache(): Promise<CurrentRoundResult> {
  const cached = await loadCachedRound().catch(() => undefined);
  return cached ? { source: 'cache', ...cached } : { source: 'none', reason: 'unavailable' };
}

/** The current round from the server (and cache it), else the cached copy. */
export async function fetchCurrentRound(
  fetchFn: typeof fetch,
  { now = Date.now() }: { now?: number } = {},
): Promise<CurrentRoundResult> {
  const reply = await createRespondentClient(fetchFn).currentRound();
  if (reply.kind === 'refused' && reply.status === 404) {
    // The server says no round is open here: stop offering the old one.
    await guardWrite((db) => db.meta.delete(CACHE_KEY)).catch(() => undefined);
    return { source: 'none', reason: 'no-current-round' };
  }
  // Offline, a server error or a reply that is not a round: the copy on the device still serves.
  if (reply.kind !== 'ok') return fromCache();
  // A failed cache write must not hide a round we have in hand; storage health reports it.
  await saveCachedRound(reply.body, { now }).catch(() => undefined);
  return { source: 'network', data: reply.body, fetchedAt: now };
}
