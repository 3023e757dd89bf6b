// Reading the audit log (the writes are ../audit/record.ts): a municipality's entries, newest
// first, filtered by account, unit, action and a range of minutes, with the unit's and round's
// names as they are now. Nothing here updates or deletes an entry; the table's trigger would refuse
// an UPDATE anyway, and only retention deletes whole old rows.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface AuditFilter {
  municipalityId: string;
  actorId?: string | undefined;
  unitId?: string | undefined;
  action?: string | undefined;
  /** 'YYYY-MM-DDTHH:MMZ', included. */
  fromMinute?: string | undefined;
  /** 'YYYY-MM-DDTHH:MMZ', excluded. */
  beforeMinute?: string | undefined;
}

export interface AuditRow {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  unitId: string | null;
  unitName: string | null;
  roundId: string | null;
  roundName: string | null;
  detail: string | null;
}

export async function findAuditEntries(
  db: Kysely<DB>,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('units', 'units.id', 'audit_log.unit_id')
    .leftJoin('rounds', 'rounds.id', 'audit_log.round_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_id',
      'audit_log.actor_name',
      'audit_log.action',
      'audit_log.unit_id',
      'units.name as unit_name',
      'audit_log.round_id',
      'rounds.name as round_name',
      'audit_log.detail',
    ])
    .where('audit_log.municipality_id', '=', filter.municipalityId);
  if (filter.actorId !== undefined) query = query.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.unitId !== undefined) query = query.where('audit_log.unit_id', '=', filter.unitId);
  if (filter.action !== undefined) query = query.where('audit_log.action', '=', filter.action);
  if (filter.fromMinute !== undefined) query = query.where('audit_log.at', '>=', filter.fromMinute);
  if (filter.beforeMinute !== undefined) query = query.where('audit_log.at', '<', filter.beforeMinute);
  const rows = await query
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    unitId: r.unit_id,
    // A unit or round of another municipality never matches: the ids are the municipality's own.
    unitName: r.unit_name ?? null,
    roundId: r.round_id,
    roundName: r.round_name ?? null,
    detail: r.detail,
  }));
}
