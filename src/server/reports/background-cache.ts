// Owns keeping the municipality's background breakdowns between reports. Working them out is the
// dearest part of a report (the cross rule of ./cross-suppression.ts weighs every shown unit against
// every shown group: seconds for a municipality of 12,000 answers and 400 units), and a released
// round's counts never change, so the result is kept in this process and in the database
// (table background_breakdowns), keyed on the round's totals as ./count-cache.ts keys its counts:
// another process that changed the counts changes the totals too, so a kept result is never stale,
// and every process and restart reads what one worked out. The frame and its settings (threshold,
// background) are frozen when the round opens, so they need no key of their own. The release
// scheduler works them out for newly published rounds (warmBackgroundBreakdowns), so the first
// reader does not wait either.
import { createHash } from 'node:crypto';
import type { BackgroundBreakdown } from '../../shared/api/reports';
import type { Database } from '../db/database';
import { findRounds } from '../repositories/rounds';
import { backgroundBreakdowns, analyseRound, type RoundAnalysis } from './analyse';
import type { LoadedRoundData } from './model';
import { loadRoundsData } from './round-data';

type Breakdowns = BackgroundBreakdown[] | null;

const kept = new WeakMap<Database, Map<string, Breakdowns>>();
const KEPT_ROUNDS = 64;

const digest = (fingerprint: string) => createHash('sha256').update(fingerprint).digest('base64url');

function remember(database: Database, key: string, breakdowns: Breakdowns): void {
  const rounds = kept.get(database) ?? new Map<string, Breakdowns>();
  kept.set(database, rounds);
  // Most recently used last, as the count cache keeps its rounds.
  rounds.delete(key);
  rounds.set(key, breakdowns);
  while (rounds.size > KEPT_ROUNDS) rounds.delete(rounds.keys().next().value!);
}

/** backgroundBreakdowns(analysis), from what was kept (here or in the database) for the same totals. */
export async function keptBackgroundBreakdowns(
  database: Database,
  analysis: RoundAnalysis,
): Promise<Breakdowns> {
  const fingerprint = (analysis.data as Partial<LoadedRoundData>).countsFingerprint;
  if (fingerprint === undefined) return backgroundBreakdowns(analysis);
  const roundId = analysis.data.roundId;
  const print = digest(fingerprint);
  const key = `${roundId}\u0000${print}`;
  const here = kept.get(database)?.get(key);
  if (here !== undefined) {
    remember(database, key, here);
    return structuredClone(here);
  }
  const db = database.kysely;
  const stored = await db
    .selectFrom('background_breakdowns')
    .select('breakdowns')
    .where('round_id', '=', roundId)
    .where('fingerprint', '=', print)
    .executeTakeFirst();
  const worked = stored ? (JSON.parse(stored.breakdowns) as Breakdowns) : backgroundBreakdowns(analysis);
  if (!stored) {
    await db
      .insertInto('background_breakdowns')
      .values({ round_id: roundId, fingerprint: print, breakdowns: JSON.stringify(worked) })
      .onConflict((oc) =>
        oc.column('round_id').doUpdateSet({ fingerprint: print, breakdowns: JSON.stringify(worked) }),
      )
      .execute();
  }
  remember(database, key, worked);
  return structuredClone(worked);
}

/**
 * Works out the breakdowns of up to `limit` published rounds that have none stored yet, as the
 * municipality report would: what the scheduler does after rounds are published.
 */
export async function warmBackgroundBreakdowns(database: Database, limit = 5): Promise<number> {
  const rows = await database.kysely
    .selectFrom('rounds')
    .leftJoin('background_breakdowns', 'background_breakdowns.round_id', 'rounds.id')
    .select('rounds.id')
    .where('rounds.status', '=', 'published')
    .where('background_breakdowns.round_id', 'is', null)
    .orderBy('rounds.id')
    .limit(limit)
    .execute();
  const rounds = await findRounds(
    database.kysely,
    rows.map((r) => r.id),
  );
  for (const round of rounds.values()) {
    const data = (await loadRoundsData(database, [round], 'background', { cache: false })).get(round.id);
    if (data) await keptBackgroundBreakdowns(database, analyseRound(data));
  }
  return rounds.size;
}
