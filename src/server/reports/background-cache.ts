// Owns keeping the municipality's background breakdowns between reports. Working them out is the
// dearest part of a report (the cross rule of ./cross-suppression.ts weighs every shown unit against
// every shown group), and a released round's counts never change, so the result is kept per open
// Database and round, keyed on the round's totals as ./count-cache.ts keys its counts: another
// process that changed the counts changes the totals too, so a kept result is never stale. The
// frame and its settings (threshold, background) are frozen when the round opens, so they need no
// key of their own.
import type { BackgroundBreakdown } from '../../shared/api/reports';
import type { Database } from '../db/database';
import { backgroundBreakdowns, type RoundAnalysis } from './analyse';
import type { LoadedRoundData } from './model';

type Breakdowns = BackgroundBreakdown[] | null;

const kept = new WeakMap<Database, Map<string, Breakdowns>>();
const KEPT_ROUNDS = 64;

/** backgroundBreakdowns(analysis), from what was kept when the round's totals are the same. */
export function keptBackgroundBreakdowns(database: Database, analysis: RoundAnalysis): Breakdowns {
  const fingerprint = (analysis.data as Partial<LoadedRoundData>).countsFingerprint;
  if (fingerprint === undefined) return backgroundBreakdowns(analysis);
  const rounds = kept.get(database) ?? new Map<string, Breakdowns>();
  kept.set(database, rounds);
  const key = `${analysis.data.roundId}\u0000${fingerprint}`;
  if (rounds.has(key)) {
    const found = rounds.get(key)!;
    // Most recently used last, as the count cache keeps its rounds.
    rounds.delete(key);
    rounds.set(key, found);
    return structuredClone(found);
  }
  const worked = backgroundBreakdowns(analysis);
  rounds.set(key, worked);
  while (rounds.size > KEPT_ROUNDS) rounds.delete(rounds.keys().next().value!);
  return structuredClone(worked);
}
