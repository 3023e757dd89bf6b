// Runs retention (issue 15) at start and every hour in each server process with the scheduled jobs
// on (app.ts, beside the release scheduler and the meeting purge): the answer rows of rounds past
// their period (./answer-retention.ts), then the audit log's old entries (./audit-retention.ts),
// then the wipe of what the deleted rows left below SQL (./wipe.ts) when anything went. Every step
// is safe on several processes at once; a run that fails is reported and the next one tries again.
import type { Database } from '../db/database';
import { startRepeating, type RepeatingJob } from '../jobs/repeat';
import type { DB } from '../db/schema';
import { ANSWER_TABLES } from '../repositories/retention';
import { deleteExpiredAnswers, type AnswerRetentionOutcome } from './answer-retention';
import { deleteExpiredAuditEntries } from './audit-retention';
import { wipeDeletedRows } from './wipe';

export const RETENTION_INTERVAL_MS = 60 * 60_000;

export interface RetentionOutcome extends AnswerRetentionOutcome {
  /** Audit entries deleted per municipality. */
  auditEntries: Record<string, number>;
}

export async function runRetention(database: Database, now: Date): Promise<RetentionOutcome> {
  const answers = await deleteExpiredAnswers(database, now);
  const auditEntries = await deleteExpiredAuditEntries(database, now);
  const tables: (keyof DB)[] = [];
  if (answers.rounds.length > 0) tables.push(...ANSWER_TABLES);
  if (Object.keys(auditEntries).length > 0) tables.push('audit_log');
  if (tables.length > 0) await wipeDeletedRows(database, tables);
  return { ...answers, auditEntries };
}

export type RetentionScheduler = RepeatingJob;

export function startRetention(options: {
  database: Database;
  now: () => Date;
  onError: (error: unknown) => void;
  intervalMs?: number;
}): RetentionScheduler {
  return startRepeating(() => runRetention(options.database, options.now()), {
    intervalMs: options.intervalMs ?? RETENTION_INTERVAL_MS,
    onError: options.onError,
  });
}
