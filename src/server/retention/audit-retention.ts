// Owns the deletion of the audit log's old entries (issue 15): each municipality keeps its entries
// audit_retention_months (default 24); older ones are deleted whole (the log's trigger refuses any
// update, never a delete) and the deletion itself is logged as 'retention.audit_deleted' with the
// count, an entry of now that the next run keeps. One process at a time (../jobs/run-once.ts: an
// advisory lock on PostgreSQL), so two runs never both delete and log the same entries.
import type { Database } from '../db/database';
import { recordAudit, auditMinute } from '../audit/record';
import { runOnce } from '../jobs/run-once';
import { retentionPeriodsOfAll } from '../repositories/municipality-settings';
import { deleteAuditEntriesBefore } from '../repositories/retention';
import { addMonths } from '../../shared/months';

/** The first minute kept: `months` before now (UTC, as the log's times are). */
export function auditCutoff(now: Date, months: number): string {
  const minute = auditMinute(now);
  return `${addMonths(minute.slice(0, 10), -months)}${minute.slice(10)}`;
}

/** Per municipality, how many entries this run deleted (only those with any); {} when another ran. */
export async function deleteExpiredAuditEntries(
  database: Database,
  now: Date,
): Promise<Record<string, number>> {
  const result = await runOnce(database, 'audit-retention', async (trx) => {
    const deleted: Record<string, number> = {};
    for (const periods of await retentionPeriodsOfAll(trx)) {
      const before = auditCutoff(now, periods.auditRetentionMonths);
      const count = await deleteAuditEntriesBefore(trx, periods.municipalityId, before);
      if (count === 0) continue;
      deleted[periods.municipalityId] = count;
      await recordAudit(
        trx,
        { userId: null, municipalityId: periods.municipalityId },
        { action: 'retention.audit_deleted', detail: String(count) },
        now,
      );
    }
    return deleted;
  });
  return result.ran ? result.value : {};
}
