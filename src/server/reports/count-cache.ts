// Owns the in-process cache of rounds' count rows. Reading counts is most of what a report costs,
// and a published round's never change, so most reports read only the totals and take the counts
// from here. The cache is keyed on the totals (see fingerprints), so it is safe with several server
// processes on one database: it never serves counts older than the stored answers. It is held per
// open Database, and holds at most CACHED_ROUNDS rounds.
import type { Database } from '../db/database';
import {
  backgroundRows,
  countRows,
  type BackgroundRows,
  type CountRows,
  type TotalRows,
} from '../repositories/aggregates';

export interface CachedRound {
  /** What the counts were read at: every stored answer changes its round's totals. */
  fingerprint: string;
  counts: CountRows;
  background?: BackgroundRows;
}

/** Rounds' counts kept per open database, the most recently used last. */
const countCache = new WeakMap<Database, Map<string, CachedRound>>();
const CACHED_ROUNDS = 64;

/**
 * The totals of a round as one string. Ingest adds to aggregate_counts, background_counts and
 * aggregate_totals in one transaction, so counts read when the totals said this are still the
 * counts while they say it: a cache keyed on it never serves figures older than the answers, in
 * this process or after another process stored some.
 */
export function fingerprints(totals: TotalRows): Map<string, string> {
  const parts = new Map<string, string[]>();
  for (const t of totals) {
    const list = parts.get(t.round_id) ?? [];
    list.push(`${t.unit_id}:${Number(t.responses)}`);
    parts.set(t.round_id, list);
  }
  return new Map([...parts].map(([id, list]) => [id, list.sort().join('|')]));
}

/** Forgets the cached counts of a database: for measuring the cost of a first read (npm run bench). */
export function forgetCachedCounts(database: Database): void {
  countCache.delete(database);
}

/**
 * The count rows (and, with `background`, the background rows) of each round: from the cache when
 * its totals have not changed since, else from the database in one query per kind for all the
 * rounds that need it. With `keep` false nothing is taken from or left in the cache.
 */
export async function roundCounts(
  database: Database,
  roundIds: readonly string[],
  prints: ReadonlyMap<string, string>,
  background: boolean,
  keep = true,
): Promise<Map<string, CachedRound>> {
  // keep = false (the national release reads every round of the year once): read past the cache
  // and leave it as it was, so one release neither fills the process with the year's counts nor
  // pushes out the rounds reports are reading.
  const cache = keep
    ? (countCache.get(database) ?? new Map<string, CachedRound>())
    : new Map<string, CachedRound>();
  if (keep) countCache.set(database, cache);
  const fingerprintOf = (id: string) => prints.get(id) ?? '';
  const fresh = (id: string) => {
    const hit = cache.get(id);
    return hit && hit.fingerprint === fingerprintOf(id) && (!background || hit.background) ? hit : undefined;
  };
  const stale = roundIds.filter((id) => !fresh(id));
  if (stale.length > 0) {
    const counts = await countRows(database, stale);
    const rows = background ? await backgroundRows(database, stale) : undefined;
    for (const id of stale) {
      cache.set(id, {
        fingerprint: fingerprintOf(id),
        counts: counts.filter((c) => c.round_id === id),
        ...(rows && {
          background: {
            counts: rows.counts.filter((c) => c.round_id === id),
            totals: rows.totals.filter((t) => t.round_id === id),
            profiles: rows.profiles.filter((p) => p.round_id === id),
          },
        }),
      });
    }
  }
  const out = new Map<string, CachedRound>();
  for (const id of roundIds) {
    const entry = cache.get(id)!;
    // Most recently used last; the least recently used goes first when the cache is full.
    cache.delete(id);
    cache.set(id, entry);
    out.set(id, entry);
  }
  while (cache.size > CACHED_ROUNDS) cache.delete(cache.keys().next().value!);
  return out;
}
