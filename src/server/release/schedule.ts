// Owns when a round's sealed inbox is released (./release-round.ts): once the round is published,
// or closed with its grace days passed — the moment its report can first be read
// (../reports/access.ts), when no answer can arrive any more. Before that nothing is released, so
// a report never shows a figure that changed by one answer while the round ran.
//
// The scheduler runs the due releases at start and every few minutes in the process (an unref'd
// timer, stopped when the app closes); publishing releases at once (../routes/rounds-admin.ts), and
// so does reading a report of a due round (../routes/reports.ts), so no one waits for the timer.
//
// The same scheduler makes the national release (../national/release.ts) once every
// NATIONAL_RELEASE_INTERVAL_MS over all processes: it asks at start and every few minutes whether
// the period since the last run (kept in the database) has passed, under a claim across processes
// on PostgreSQL (../jobs/run-once.ts runWhenDue), so N processes, whenever they start or restart,
// make it once per period, not N times; a release unchanged since the last one writes nothing.
import { addDays, osloDate } from '../../shared/dates';
import type { Database } from '../db/database';
import { roundsWithSealed } from '../repositories/inbox';
import { findRounds, type RoundRecord } from '../repositories/rounds';
import { releaseRound } from './release-round';
import { warmBackgroundBreakdowns } from '../reports/background-cache';
import { runOnce, runWhenDue } from '../jobs/run-once';
import { makeNationalRelease, nationalReleaseJob, type ReleaseOutcome } from '../national/release';

export const RELEASE_INTERVAL_MS = 5 * 60_000;
export const NATIONAL_RELEASE_INTERVAL_MS = 6 * 60 * 60_000;

/**
 * Makes the national release when its period has passed since the last run of any process; on
 * PostgreSQL only one process at a time (the others skip). True when this call made it.
 */
export async function makeNationalReleaseOnce(database: Database, now: Date): Promise<boolean> {
  const claimed = await runWhenDue(database, 'national-release', NATIONAL_RELEASE_INTERVAL_MS, now, () =>
    nationalReleaseJob(database, now),
  );
  return claimed.ran;
}

/**
 * The operator's "make the national release of `year` now": under the same claim as the
 * scheduled job, so it never runs beside it; undefined when another process holds the claim.
 */
export async function makeNationalReleaseOfYear(
  database: Database,
  year: number,
  now: Date,
): Promise<ReleaseOutcome | undefined> {
  if (database.dialect !== 'postgres') return makeNationalRelease(database, year, { now });
  const claimed = await runOnce(database, 'national-release', () =>
    makeNationalRelease(database, year, { now }),
  );
  return claimed.ran ? claimed.value : undefined;
}

/** warmBackgroundBreakdowns on one process at a time (the others skip: the result is shared). */
export async function warmBreakdownsOnce(database: Database): Promise<number> {
  if (database.dialect !== 'postgres') return warmBackgroundBreakdowns(database);
  const claimed = await runOnce(database, 'warm-background-breakdowns', () =>
    warmBackgroundBreakdowns(database),
  );
  return claimed.ran ? claimed.value : 0;
}

export function isReleaseDue(round: Pick<RoundRecord, 'status' | 'closesOn' | 'graceDays'>, today: string) {
  if (round.status === 'published') return true;
  return round.status === 'closed' && today > addDays(round.closesOn, round.graceDays);
}

/** Releases every round that is due and has something sealed; returns how many answers. */
export async function releaseDue(database: Database, sealKey: Uint8Array, today: string): Promise<number> {
  const ids = await roundsWithSealed(database.kysely);
  if (ids.length === 0) return 0;
  const rounds = await findRounds(database.kysely, ids);
  let released = 0;
  for (const round of rounds.values()) {
    if (isReleaseDue(round, today)) released += await releaseRound(database, sealKey, round.id);
  }
  return released;
}

/** Releases the round if it is due (a report is about to be read, or it is being published). */
export async function releaseIfDue(
  database: Database,
  sealKey: Uint8Array,
  round: Pick<RoundRecord, 'id' | 'status' | 'closesOn' | 'graceDays'>,
  today: string,
): Promise<void> {
  if (isReleaseDue(round, today)) await releaseRound(database, sealKey, round.id);
}

export interface ReleaseScheduler {
  stop(): Promise<void>;
}

export function startReleaseScheduler(options: {
  database: Database;
  sealKey: Uint8Array;
  now: () => Date;
  onError: (error: unknown) => void;
  intervalMs?: number;
  /** How often to ask whether the national release is due (it is made once per its period). */
  nationalIntervalMs?: number;
}): ReleaseScheduler {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  // Stopping waits for a run under way; runs follow one another, never overlap.
  const run = () => {
    if (stopped) return;
    running = running
      .then(() => releaseDue(options.database, options.sealKey, osloDate(options.now())))
      // Then the municipality reports' background breakdowns of newly published rounds, a few per
      // run, so their first reader does not wait for the cross rule (../reports/background-cache.ts).
      .then(() => warmBreakdownsOnce(options.database))
      .then(
        () => undefined,
        (error: unknown) => options.onError(error),
      );
  };
  const national = () => {
    if (stopped) return;
    running = running
      .then(() => makeNationalReleaseOnce(options.database, options.now()))
      .then(
        () => undefined,
        (error: unknown) => options.onError(error),
      );
  };
  run();
  national();
  const timer = setInterval(run, options.intervalMs ?? RELEASE_INTERVAL_MS);
  timer.unref();
  // Asked often, made once per period: the database, not this process's start, says when it is due.
  const nationalTimer = setInterval(national, options.nationalIntervalMs ?? RELEASE_INTERVAL_MS);
  nationalTimer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(nationalTimer);
      await running;
    },
  };
}
