// Owns the offline copy of the rounds this device offers and their questionnaires, so a tablet or
// phone that starts without network can still run the survey. It holds no answers.
//
// Several rounds may be open at once in one municipality. A device opened at its municipality's
// entry address (/k/<slug>, remembered here under `entrySlug`: it names no person) asks for and
// caches every open round there, each with its questionnaire (meta `entryRounds`); a respondent
// with a code answers the round of that code (the server's code check says which, and the server
// files the answer under its code's round in any case). A device without an entry address, and an
// enrolled kiosk, keeps the one round of the old address (meta `currentRound`).
import type { CurrentRoundResponse, EntryRoundsResponse } from '../../shared/api/respondent';
import { isEntrySlug } from '../../shared/entry-slug';
import { createRespondentClient } from '../connection/respondent-client';
import { withDb } from './db';
import { loadKiosk } from './kiosk';
import { isCurrentRoundResponse } from './normalise';
import { guardWrite } from './storage';

const CACHE_KEY = 'currentRound';
export const ENTRY_ROUNDS_KEY = 'entryRounds';
const ENTRY_SLUG_KEY = 'entrySlug';

export interface CachedRound {
  data: CurrentRoundResponse;
  fetchedAt: number;
}

export type CurrentRoundResult =
  /** data: the first (newest) of `rounds`, every round this device offers now, each with its questionnaire. */
  | ({ source: 'network' | 'cache'; rounds: CurrentRoundResponse[] } & CachedRound)
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

/** Remembers the municipality whose entry address opened this device. */
export async function saveEntrySlug(slug: string): Promise<void> {
  if (!isEntrySlug(slug)) return;
  await guardWrite((db) => db.meta.put({ key: ENTRY_SLUG_KEY, value: slug }));
}

export async function loadEntrySlug(): Promise<string | undefined> {
  const row = await withDb((db) => db.meta.get(ENTRY_SLUG_KEY)).catch(() => undefined);
  return typeof row?.value === 'string' && isEntrySlug(row.value) ? row.value : undefined;
}

/** Each round with its own questionnaire; a round whose questionnaire is missing is left out. */
export function roundsOf(entry: EntryRoundsResponse): CurrentRoundResponse[] {
  const byVersion = new Map(entry.questionnaires.map((q) => [q.version, q]));
  return entry.rounds.flatMap((round) => {
    const questionnaire = byVersion.get(round.questionnaireVersion);
    const one = { round, questionnaire, ...(entry.settings && { settings: entry.settings }) };
    // Read back from storage, a row is untrusted: each round must still look like one.
    return isCurrentRoundResponse(one) ? [one] : [];
  });
}

export async function saveEntryRounds(
  data: EntryRoundsResponse,
  { now = Date.now() }: { now?: number } = {},
): Promise<void> {
  await guardWrite((db) => db.meta.put({ key: ENTRY_ROUNDS_KEY, value: { data, fetchedAt: now } }));
}

/** The cached rounds of the entry address, each with its questionnaire; undefined when none. */
export async function loadEntryRounds(): Promise<
  { rounds: CurrentRoundResponse[]; fetchedAt: number } | undefined
> {
  const row = await withDb((db) => db.meta.get(ENTRY_ROUNDS_KEY));
  const value = row?.value as { data?: Partial<EntryRoundsResponse>; fetchedAt?: unknown } | undefined;
  const data = value?.data;
  if (!data || !Array.isArray(data.rounds) || !Array.isArray(data.questionnaires)) return undefined;
  if (typeof value.fetchedAt !== 'number') return undefined;
  const rounds = roundsOf(data as EntryRoundsResponse);
  return rounds.length > 0 ? { rounds, fetchedAt: value.fetchedAt } : undefined;
}

async function fromCache(entry: boolean): Promise<CurrentRoundResult> {
  if (entry) {
    const cached = await loadEntryRounds().catch(() => undefined);
    if (cached) return { source: 'cache', data: cached.rounds[0]!, ...cached };
    return { source: 'none', reason: 'unavailable' };
  }
  const cached = await loadCachedRound().catch(() => undefined);
  return cached
    ? { source: 'cache', rounds: [cached.data], ...cached }
    : { source: 'none', reason: 'unavailable' };
}

async function forget(key: string): Promise<CurrentRoundResult> {
  // The server says no round is open here: stop offering the old ones.
  await guardWrite((db) => db.meta.delete(key)).catch(() => undefined);
  return { source: 'none', reason: 'no-current-round' };
}

/** Every open round of the entry address (and cache them), else the cached copy. */
async function fetchEntryRounds(
  fetchFn: typeof fetch,
  slug: string,
  now: number,
): Promise<CurrentRoundResult> {
  const reply = await createRespondentClient(fetchFn).entryRounds(slug);
  if (reply.kind === 'refused' && reply.status === 404) return forget(ENTRY_ROUNDS_KEY);
  // Offline, a server error or a reply that is not ours: the copy on the device still serves.
  if (reply.kind !== 'ok') return fromCache(true);
  const rounds = roundsOf(reply.body);
  if (rounds.length === 0) return forget(ENTRY_ROUNDS_KEY);
  // A failed cache write must not hide rounds we have in hand; storage health reports it.
  await saveEntryRounds(reply.body, { now }).catch(() => undefined);
  return { source: 'network', data: rounds[0]!, rounds, fetchedAt: now };
}

/** The rounds this device offers, from the server (and cache them), else the cached copy. */
export async function fetchCurrentRound(
  fetchFn: typeof fetch,
  { now = Date.now() }: { now?: number } = {},
): Promise<CurrentRoundResult> {
  // An enrolled kiosk answers its own round only, whatever address it was opened with.
  const slug = (await loadKiosk()) ? undefined : await loadEntrySlug();
  if (slug !== undefined) return fetchEntryRounds(fetchFn, slug, now);
  const reply = await createRespondentClient(fetchFn).currentRound();
  if (reply.kind === 'refused' && reply.status === 404) return forget(CACHE_KEY);
  if (reply.kind !== 'ok') return fromCache(false);
  await saveCachedRound(reply.body, { now }).catch(() => undefined);
  return { source: 'network', data: reply.body, rounds: [reply.body], fetchedAt: now };
}
