// Writing the audit log (issue 15; table audit_log, migration 018). Routes declare
// `config.audit` and the hook in ./hook.ts writes the entry before the reply leaves; code that
// changes or deletes on its own (retention, sign-in through the identity provider) calls
// recordAudit with the actor it has. The time is kept to the minute, and an entry never holds a
// respondent, a code or a device: `detail` is for a count, a name or a setting's new value.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AUDIT_DETAIL_MAX, type AuditAction } from '../../shared/audit';
import type { DB } from '../db/schema';

export interface AuditActor {
  /** The account; null for the system itself (scheduled retention). */
  userId: string | null;
  municipalityId: string;
}

export interface AuditEntry {
  action: AuditAction;
  unitId?: string | null | undefined;
  roundId?: string | null | undefined;
  detail?: string | null | undefined;
}

/** 'YYYY-MM-DDTHH:MMZ': the minute, UTC. */
export const auditMinute = (now: Date): string => `${now.toISOString().slice(0, 16)}Z`;

export async function recordAudit(
  db: Kysely<DB>,
  actor: AuditActor,
  entry: AuditEntry,
  now: Date,
): Promise<void> {
  let actorName: string | null = null;
  if (actor.userId !== null) {
    const user = await db
      .selectFrom('users')
      .select(['display_name', 'username'])
      .where('id', '=', actor.userId)
      .executeTakeFirst();
    actorName = user ? `${user.display_name} (${user.username})` : null;
  }
  const detail = entry.detail == null ? null : entry.detail.slice(0, AUDIT_DETAIL_MAX);
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      municipality_id: actor.municipalityId,
      at: auditMinute(now),
      actor_id: actor.userId,
      actor_name: actorName,
      action: entry.action,
      unit_id: entry.unitId ?? null,
      round_id: entry.roundId ?? null,
      detail,
    })
    .execute();
}
