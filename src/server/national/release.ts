// Making national releases: what the scheduled job and the operator call. Reads every published
// round of the year once, analyses it, and writes a new version per unit type whose figures
// differ from its latest release (an unchanged computation writes nothing, so a nightly job does
// not pile up identical versions). Reports never call this: they read the latest release.
import type { Database } from '../db/database';
import { analyseRound } from '../reports/analyse';
import { loadRoundsData } from '../reports/round-data';
import { insertRelease, latestRelease, type StoredRelease } from '../repositories/national-releases';
import { findRounds, publishedRoundIdsOfYear } from '../repositories/rounds';
import {
  nationalMinMunicipalities,
  releaseFromContributions,
  roundContribution,
  strictestThreshold,
  unitTypesOf,
  WHOLE_MUNICIPALITY,
  type RoundContribution,
} from './compute';
import { roundsWithAnswers } from '../repositories/aggregates';
import { frameThresholds } from '../repositories/round-frames';

export interface ReleaseOutcome {
  year: number;
  /** Unit types that got a new version. */
  released: StoredRelease[];
  /** Unit types with too few municipalities (reports use imported figures for them). */
  tooFew: string[];
  unchanged: string[];
}

const sameFigures = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Computes and stores the national release of `year`. */
export async function makeNationalRelease(
  database: Database,
  year: number,
  options: { now?: Date; minMunicipalities?: number } = {},
): Promise<ReleaseOutcome> {
  const db = database.kysely;
  const min = options.minMunicipalities ?? nationalMinMunicipalities();
  const ids = await publishedRoundIdsOfYear(db, year);
  const rounds = [...(await findRounds(db, ids)).values()];
  // The pool's strictest threshold first, from the stored totals; then one round at a time, read
  // past the report cache and reduced to its contribution, so a release holds one round's counts
  // at a time (300 municipalities' rounds read at once took more than a GiB).
  const withAnswers = await roundsWithAnswers(db, ids);
  // A round reports under the threshold its frame froze when it opened (../reports/round-data.ts).
  const frozen = await frameThresholds(db, ids);
  const strictest = strictestThreshold(
    rounds.map((r) => ({ threshold: frozen.get(r.id) ?? r.threshold, answered: withAnswers.has(r.id) })),
  );
  const contributions: RoundContribution[] = [];
  const types = new Set<string>([WHOLE_MUNICIPALITY]);
  for (const round of rounds) {
    if (!withAnswers.has(round.id)) continue;
    const data = (await loadRoundsData(database, [round], 'counts', { cache: false })).get(round.id);
    if (!data) continue;
    const analysis = analyseRound(data);
    for (const t of unitTypesOf([analysis])) types.add(t);
    const contribution = roundContribution(analysis, strictest);
    if (contribution) contributions.push(contribution);
  }
  const outcome: ReleaseOutcome = { year, released: [], tooFew: [], unchanged: [] };
  const releasedAt = (options.now ?? new Date()).toISOString();
  for (const unitType of [...types].sort()) {
    const computed = releaseFromContributions(contributions, unitType, min);
    if (!computed) {
      outcome.tooFew.push(unitType);
      continue;
    }
    const last = await latestRelease(db, year, unitType);
    if (
      last &&
      last.municipalities === computed.municipalities &&
      sameFigures(last.averages, computed.averages)
    ) {
      outcome.unchanged.push(unitType);
      continue;
    }
    outcome.released.push(await insertRelease(db, { year, releasedAt, minMunicipalities: min, ...computed }));
  }
  return outcome;
}

/**
 * The scheduled job: releases the current year (and, in January, the year before, whose autumn
 * rounds may have been published late). H3's scheduler wires this under its run-once claim.
 */
export async function nationalReleaseJob(
  database: Database,
  now: Date = new Date(),
): Promise<ReleaseOutcome[]> {
  const year = now.getUTCFullYear();
  const years = now.getUTCMonth() === 0 ? [year - 1, year] : [year];
  const out: ReleaseOutcome[] = [];
  for (const y of years) out.push(await makeNationalRelease(database, y, { now }));
  return out;
}
