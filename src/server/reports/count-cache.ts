// Owns the in-process cache of rounds' counts and of their analyses. Reading counts and analysing
// them is most of what a report costs, and a published round's never change, so most reports read
// only the totals and take the rest from here. The cache is keyed on the totals (see fingerprints),
// so it is safe with several server processes on one database: it never serves counts older than
// the stored answers. It is held per open Database, and holds at most CACHED_ROUNDS rounds and
// CACHED_UNITS units of them together (a large municipality's round counts for its ~400 units).
import type { Database } from '../db/database';
import {
  backgroundRows,
  countRows,
  addEntries,
  type BackgroundRows,
  type TotalRows,
} from '../repositories/aggregates';
import type { RoundAnalysis } from './analyse';
import type { LoadedRoundData, ValueCounts } from './model';

/** A unit's own counts per statement id, as stored: shared by every report, never changed. */
export type UnitCounts = Readonly<Record<string, ValueCounts>>;

export interface CachedRound {
  /** What the counts were read at: every stored answer changes its round's totals. */
  fingerprint: string;
  /** Per unit with any count stored, its counts (a unit with none is absent). */
  units: ReadonlyMap<string, UnitCounts>;
  background?: BackgroundRows;
  /**
   * The round's analyses as loaded with counts, and with background groups too (which also serves
   * a request for counts alone): made once per fingerprint. Only a framed round's is kept, whose
   * units and settings are frozen; callers never change an analysis.
   */
  analyses: {
    counts?: { data: LoadedRoundData; analysis: RoundAnalysis };
    background?: { data: LoadedRoundData; analysis: RoundAnalysis };
  };
}

/** Rounds' counts kept per open database, the most recently used last. */
const countCache = new WeakMap<Database, Map<string, CachedRound>>();
const CACHED_ROUNDS = 64;
const CACHED_UNITS = 6000;

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

/** How many rounds and units the cache of a database holds now (for its tests). */
export function cachedSize(database: Database): { rounds: number; units: number } {
  const cache = countCache.get(database);
  let units = 0;
  for (const entry of cache?.values() ?? []) units += entry.units.size;
  return { rounds: cache?.size ?? 0, units };
}

/** The stored count rows of rounds' units as one record of statement counts per unit and round. */
function unitCounts(rows: Awaited<ReturnType<typeof countRows>>): Map<string, Map<string, UnitCounts>> {
  const rounds = new Map<string, Map<string, UnitCounts>>();
  for (const row of rows) {
    const units = rounds.get(row.round_id) ?? new Map<string, UnitCounts>();
    rounds.set(row.round_id, units);
    units.set(row.unit_id, addEntries({}, row.entries));
  }
  return rounds;
}

/**
 * The counts (and, with `background`, the background rows) of each round: from the cache when its
 * totals have not changed since, else from the database in one query per kind for all the rounds
 * that need it. With `keep` false nothing is taken from or left in the cache.
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
  const current = (id: string) => {
    const hit = cache.get(id);
    return hit && hit.fingerprint === fingerprintOf(id) ? hit : undefined;
  };
  // A round kept with counts alone and now asked for with background groups keeps its counts and
  // their analysis, and reads only the background rows.
  const needCounts = roundIds.filter((id) => !current(id));
  const needBackground = background ? roundIds.filter((id) => !current(id)?.background) : [];
  const counts =
    needCounts.length > 0
      ? unitCounts(await countRows(database, needCounts))
      : new Map<string, Map<string, UnitCounts>>();
  const rows = needBackground.length > 0 ? await backgroundRows(database, needBackground) : undefined;
  for (const id of needCounts) {
    cache.set(id, { fingerprint: fingerprintOf(id), units: counts.get(id) ?? new Map(), analyses: {} });
  }
  for (const id of needBackground) {
    if (!rows) break;
    cache.get(id)!.background = {
      counts: rows.counts.filter((c) => c.round_id === id),
      totals: rows.totals.filter((t) => t.round_id === id),
      profiles: rows.profiles.filter((p) => p.round_id === id),
    };
  }
  const out = new Map<string, CachedRound>();
  for (const id of roundIds) {
    const entry = cache.get(id)!;
    // Most recently used last; the least recently used goes first when the cache is full.
    cache.delete(id);
    cache.set(id, entry);
    out.set(id, entry);
  }
  trimCache(cache, out, { rounds: CACHED_ROUNDS, units: CACHED_UNITS });
  return out;
}

/**
 * Drops the least recently used rounds (the first) until the cache holds at most `bounds.rounds`
 * rounds and `bounds.units` units of them together; the rounds of `recent`, the ones just read,
 * stay even when they alone are over the bound.
 */
export function trimCache(
  cache: Map<string, Pick<CachedRound, 'units'>>,
  recent: ReadonlyMap<string, unknown>,
  bounds: { rounds: number; units: number },
): void {
  let units = 0;
  for (const entry of cache.values()) units += entry.units.size;
  for (const [id, entry] of cache) {
    if ((cache.size <= bounds.rounds && units <= bounds.units) || recent.has(id)) break;
    cache.delete(id);
    units -= entry.units.size;
  }
}
