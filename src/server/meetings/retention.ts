// The retention of a meeting that was never approved (issue 13: "deleted ... after a retention
// period"): its phones, contributions, counters and dots go MEETING_LIMITS.retentionDays after
// it expired (purgeExpiredMeetings). Creating or listing meetings purges too, but a unit that never
// holds another meeting would keep its input for ever, so every server process with the scheduled
// jobs on (server.ts) also runs the purge at start and every hour. Two processes purging at the
// same time delete the same rows: harmless, so no claim across processes is needed.
import type { Database } from '../db/database';
import { startRepeating, type RepeatingJob } from '../jobs/repeat';
import { purgeExpiredMeetings } from './run-meeting';

export const MEETING_PURGE_INTERVAL_MS = 60 * 60_000;

export type MeetingPurge = RepeatingJob;

export function startMeetingPurge(options: {
  database: Database;
  now: () => Date;
  onError: (error: unknown) => void;
  intervalMs?: number;
}): MeetingPurge {
  return startRepeating(() => purgeExpiredMeetings(options.database, options.now()), {
    intervalMs: options.intervalMs ?? MEETING_PURGE_INTERVAL_MS,
    onError: options.onError,
  });
}
