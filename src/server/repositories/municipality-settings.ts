// Owns the reads and writes of the municipality's retention and session settings (018): how long
// answers and the audit log are kept, the staff session's idle limit and the accessibility
// statement's address, and the processing record's two contacts. The rules (bounds, what an address may be) are the schema's and
// ../retention/settings.ts's; the retention job reads every municipality's periods here.
import type { Kysely } from 'kysely';
import type { MunicipalitySettings, UpdateMunicipalitySettingsRequest } from '../../shared/api/retention';
import type { DB } from '../db/schema';

export async function findMunicipalitySettings(
  db: Kysely<DB>,
  municipalityId: string,
): Promise<MunicipalitySettings | undefined> {
  const row = await db
    .selectFrom('municipalities')
    .select([
      'session_idle_hours',
      'answer_retention_months',
      'audit_retention_months',
      'accessibility_statement_url',
      'controller_contact',
      'dpo_contact',
    ])
    .where('id', '=', municipalityId)
    .executeTakeFirst();
  return (
    row && {
      sessionIdleHours: Number(row.session_idle_hours),
      answerRetentionMonths: Number(row.answer_retention_months),
      auditRetentionMonths: Number(row.audit_retention_months),
      accessibilityStatementUrl: row.accessibility_statement_url,
      controllerContact: row.controller_contact,
      dataProtectionOfficerContact: row.dpo_contact,
    }
  );
}

export async function updateMunicipalitySettings(
  db: Kysely<DB>,
  municipalityId: string,
  settings: UpdateMunicipalitySettingsRequest,
): Promise<void> {
  await db
    .updateTable('municipalities')
    .set({
      session_idle_hours: settings.sessionIdleHours,
      answer_retention_months: settings.answerRetentionMonths,
      audit_retention_months: settings.auditRetentionMonths,
      accessibility_statement_url: settings.accessibilityStatementUrl,
      // Left out (a screen from before the contacts): as they are.
      ...(settings.controllerContact !== undefined && { controller_contact: settings.controllerContact }),
      ...(settings.dataProtectionOfficerContact !== undefined && {
        dpo_contact: settings.dataProtectionOfficerContact,
      }),
    })
    .where('id', '=', municipalityId)
    .execute();
}

export interface RetentionPeriods {
  municipalityId: string;
  answerRetentionMonths: number;
  auditRetentionMonths: number;
}

/** Every municipality's two retention periods, for the retention job. */
export async function retentionPeriodsOfAll(db: Kysely<DB>): Promise<RetentionPeriods[]> {
  const rows = await db
    .selectFrom('municipalities')
    .select(['id', 'answer_retention_months', 'audit_retention_months'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    municipalityId: r.id,
    answerRetentionMonths: Number(r.answer_retention_months),
    auditRetentionMonths: Number(r.audit_retention_months),
  }));
}
