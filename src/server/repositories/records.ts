// What the records the law asks for read from the database (issue 15): the municipality's
// settings and how many accounts hold each staff role, for the processing record; whether a
// hosting operator serves the instance; and, for the public accessibility statement, a
// municipality's name and uustatus.no link by its entry address. Reads only.
import type { Kysely } from 'kysely';
import type { StaffRole } from '../../shared/api/staff';
import type { MunicipalityLanguage } from '../../shared/languages';
import type { DB } from '../db/schema';

export interface RecordMunicipality {
  id: string;
  name: string;
  number: string;
  language: MunicipalityLanguage;
  answerRetentionMonths: number;
  auditRetentionMonths: number;
  sessionIdleHours: number;
  accessibilityStatementUrl: string | null;
  controllerContact: string | null;
  dataProtectionOfficerContact: string | null;
}

export async function findRecordMunicipality(
  db: Kysely<DB>,
  id: string,
): Promise<RecordMunicipality | undefined> {
  const row = await db
    .selectFrom('municipalities')
    .select([
      'id',
      'name',
      'number',
      'language',
      'answer_retention_months',
      'audit_retention_months',
      'session_idle_hours',
      'accessibility_statement_url',
      'controller_contact',
      'dpo_contact',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      name: row.name,
      number: row.number,
      language: row.language,
      answerRetentionMonths: Number(row.answer_retention_months),
      auditRetentionMonths: Number(row.audit_retention_months),
      sessionIdleHours: Number(row.session_idle_hours),
      accessibilityStatementUrl: row.accessibility_statement_url,
      controllerContact: row.controller_contact,
      dataProtectionOfficerContact: row.dpo_contact,
    }
  );
}

/** How many of the municipality's accounts hold each role now (an account with a role on two units counts once). */
export async function countAccountsByRole(
  db: Kysely<DB>,
  municipalityId: string,
): Promise<Partial<Record<StaffRole, number>>> {
  const rows = await db
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select((eb) => [
      'role_assignments.role',
      eb.fn.count<string | number>('users.id').distinct().as('accounts'),
    ])
    .where('users.municipality_id', '=', municipalityId)
    .groupBy('role_assignments.role')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.role, Number(r.accounts)]));
}

/** True when the instance is run by a hosting operator: it has an operator account or several municipalities. */
export async function isOperatorHosted(db: Kysely<DB>): Promise<boolean> {
  const operator = await db.selectFrom('operators').select('id').limit(1).executeTakeFirst();
  if (operator) return true;
  const municipalities = await db.selectFrom('municipalities').select('id').limit(2).execute();
  return municipalities.length > 1;
}

/**
 * The municipality's own identity provider for staff sign-in (019-oidc), for the record's
 * processors and transfers: only when it is switched on.
 */
export async function findIdentityProvider(
  db: Kysely<DB>,
  municipalityId: string,
): Promise<{ issuer: string } | null> {
  const row = await db
    .selectFrom('oidc_providers')
    .select(['issuer', 'enabled'])
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return row && Number(row.enabled) === 1 ? { issuer: row.issuer } : null;
}

/** The public statement's municipality: by entry slug, or the instance's only one when no slug is given. */
export async function findStatementMunicipality(
  db: Kysely<DB>,
  slug: string | undefined,
): Promise<{ name: string; statementUrl: string | null } | 'unknown' | 'unnamed'> {
  const query = db.selectFrom('municipalities').select(['name', 'accessibility_statement_url']);
  if (slug !== undefined) {
    const row = await query.where('entry_slug', '=', slug).executeTakeFirst();
    return row ? { name: row.name, statementUrl: row.accessibility_statement_url } : 'unknown';
  }
  const rows = await query.limit(2).execute();
  if (rows.length !== 1) return 'unnamed';
  return { name: rows[0]!.name, statementUrl: rows[0]!.accessibility_statement_url };
}
