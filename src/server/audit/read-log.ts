// Reading the audit log for admin and the privacy officer: the filters of a search turned into a
// range of minutes (the dates are Oslo days, the entries UTC minutes), one page of it, and the
// whole of it as CSV. The CSV is made here, not in the browser, so what leaves the server is
// exactly what the log holds; text cells are formula-guarded (src/shared/csv.ts).
import type { AuditEntry, AuditLogQuery, AuditLogResponse } from '../../shared/api/audit';
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX } from '../../shared/api/audit';
import { ApiError } from '../api-error';
import { csvCell, csvText } from '../../shared/csv';
import { addDays, osloDate } from '../../shared/dates';
import type { Database } from '../db/database';
import { findAuditEntries, type AuditFilter } from '../repositories/audit-log';
import { auditMinute } from './record';

/** The most rows one export holds; retention keeps the log far below this. */
export const AUDIT_EXPORT_MAX = 100_000;

/** The UTC instant an Oslo day begins (Oslo is UTC+1 or UTC+2; midnight never falls in a DST gap). */
export function osloDayStart(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  for (const hours of [1, 2]) {
    const candidate = new Date(Date.UTC(y, m - 1, d) - hours * 3_600_000);
    const before = new Date(candidate.getTime() - 60_000);
    if (osloDate(candidate) === isoDate && osloDate(before) !== isoDate) return candidate;
  }
  return new Date(Date.UTC(y, m - 1, d));
}

export function auditFilter(municipalityId: string, query: AuditLogQuery): AuditFilter {
  return {
    municipalityId,
    actorId: query.actor,
    unitId: query.unit,
    action: query.action,
    fromMinute: query.from === undefined ? undefined : auditMinute(osloDayStart(query.from)),
    beforeMinute: query.to === undefined ? undefined : auditMinute(osloDayStart(addDays(query.to, 1))),
  };
}

export async function readAuditPage(
  database: Database,
  municipalityId: string,
  query: AuditLogQuery,
): Promise<AuditLogResponse> {
  const limit = query.limit === undefined ? AUDIT_PAGE_DEFAULT : Number(query.limit);
  if (limit > AUDIT_PAGE_MAX)
    throw new ApiError('MALFORMED_REQUEST', `At most ${AUDIT_PAGE_MAX} entries a page`);
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  // One row more than the page tells whether there is a next page.
  const rows = await findAuditEntries(database.kysely, auditFilter(municipalityId, query), {
    limit: limit + 1,
    offset,
  });
  return {
    entries: rows.slice(0, limit) satisfies AuditEntry[],
    nextOffset: rows.length > limit ? offset + limit : null,
  };
}

const osloMinute = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** 'YYYY-MM-DD HH:MM' in Oslo time, from an entry's UTC minute. */
export const osloMinuteOf = (at: string): string => osloMinute.format(new Date(at.replace('Z', ':00Z')));

const HEADER = ['time_oslo', 'actor', 'actor_id', 'action', 'unit', 'unit_id', 'round', 'round_id', 'detail'];

export async function auditCsv(
  database: Database,
  municipalityId: string,
  query: AuditLogQuery,
): Promise<string> {
  const rows = await findAuditEntries(database.kysely, auditFilter(municipalityId, query), {
    limit: AUDIT_EXPORT_MAX,
    offset: 0,
  });
  const lines = rows.map((r) =>
    [
      osloMinuteOf(r.at),
      r.actorName ?? '',
      r.actorId ?? '',
      r.action,
      r.unitName ?? '',
      r.unitId ?? '',
      r.roundName ?? '',
      r.roundId ?? '',
      r.detail ?? '',
    ].map(csvCell),
  );
  return csvText([HEADER.map(csvCell), ...lines]);
}
