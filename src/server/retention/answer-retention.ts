// Owns the deletion of a published round's answer rows once the municipality's answer retention
// (answer_retention_months, default 24) has passed since it was published (issue 15). One
// transaction per round: the round is claimed (answers_deleted_on set only where it is still
// null, ../repositories/retention.ts), its answer rows and their per-answer traces are deleted,
// and one audit entry 'retention.answers_deleted' (the system's, actor null) names the round and
// the count. The counts every report and the national release are made of stay, so the round's
// figures, its trend in later reports and the heat map do not change; only its open answers are
// gone (the report says so, ../reports/unit-report.ts).
//
// Safe with several processes over one PostgreSQL: the round's advisory lock (the release's,
// ../repositories/inbox.ts lockRounds) and the claim let exactly one transaction delete and log a
// round; another finds it claimed and does nothing. A round still holding sealed answers (a release
// that failed) is left for a later run: those answers are not in the counts yet.
import { osloDate } from '../../shared/dates';
import { recordAudit } from '../audit/record';
import type { Database } from '../db/database';
import { lockRounds } from '../repositories/inbox';
import { retentionPeriodsOfAll } from '../repositories/municipality-settings';
import { inRetriedTransaction } from '../repositories/responses';
import {
  claimAnswerDeletion,
  deleteAnswerRows,
  roundsDueForAnswerDeletion,
  sealedCountOfRound,
  type DueRound,
} from '../repositories/retention';
import { addMonths } from '../../shared/months';

/** Deletes the round's answers if no other run has; the count deleted, or undefined when skipped. */
export async function deleteRoundAnswers(
  database: Database,
  round: DueRound,
  now: Date,
): Promise<number | undefined> {
  const today = osloDate(now);
  return inRetriedTransaction(database, async (trx) => {
    await lockRounds(trx, database, [round.id], 'exclusive');
    if ((await sealedCountOfRound(trx, round.id)) > 0) return undefined;
    if (!(await claimAnswerDeletion(trx, round.id, today))) return undefined;
    const deleted = await deleteAnswerRows(trx, round.id);
    await recordAudit(
      trx,
      { userId: null, municipalityId: round.municipalityId },
      {
        action: 'retention.answers_deleted',
        roundId: round.id,
        unitId: round.unitId,
        detail: String(deleted),
      },
      now,
    );
    return deleted;
  });
}

export interface AnswerRetentionOutcome {
  /** The rounds whose answer rows this run deleted, with how many answers each. */
  rounds: { roundId: string; answers: number }[];
}

/** Every municipality's rounds past their answer retention today (Oslo date). */
export async function deleteExpiredAnswers(database: Database, now: Date): Promise<AnswerRetentionOutcome> {
  const today = osloDate(now);
  const outcome: AnswerRetentionOutcome = { rounds: [] };
  for (const periods of await retentionPeriodsOfAll(database.kysely)) {
    const publishedBy = addMonths(today, -periods.answerRetentionMonths);
    const due = await roundsDueForAnswerDeletion(database.kysely, periods.municipalityId, publishedBy);
    for (const round of due) {
      const answers = await deleteRoundAnswers(database, round, now);
      if (answers !== undefined) outcome.rounds.push({ roundId: round.id, answers });
    }
  }
  return outcome;
}
