// The audit log's routes (issue 15): admin and the privacy officer read and export the log; any
// report role tells the server, before the browser makes it, that it makes a CSV or a print of a
// report, a heat map or the plan overview (those files are made in the browser, so this call is
// the only thing the server sees of them; the staff app awaits it before making the file). No
// route changes or deletes an entry.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AuditExportRequestSchema,
  AuditLogQuerySchema,
  AuditLogResponseSchema,
  type AuditLogQuery,
  type AuditLogResponse,
} from '../../shared/api/audit';
import { STAFF_PATHS } from '../../shared/api/paths';
import { osloDate } from '../../shared/dates';
import { notFound } from '../api-error';
import { auditCsv, readAuditPage } from '../audit/read-log';
import { bodyField } from '../audit/specs';
import { assertStaffAccess } from '../auth/authorize';
import type { AccessPolicy } from '../auth/policy';
import type { Database } from '../db/database';
import { OVERVIEW_ROLES } from '../plans/overview';
import { findRound } from '../repositories/rounds';
import { REPORT_ROLES } from '../reports/access';
import { assertMayReadReport } from '../reports/read-reports';
import { staffOf } from './staff-request';

const LOG_READERS: AccessPolicy = { allow: ['admin', 'privacy_officer'] };

/** What a search asked for, in the entry: the filters only (ids, an action, dates). */
function searchDetail(query: AuditLogQuery): string | null {
  const parts = (['actor', 'unit', 'action', 'from', 'to'] as const).flatMap((key) =>
    query[key] === undefined ? [] : [`${key}=${query[key]}`],
  );
  return parts.length === 0 ? null : parts.join(' ');
}

export const auditRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = (
  app,
  { database, now },
) => {
  const db = database.kysely;

  app.get(
    STAFF_PATHS.auditLog,
    {
      config: {
        access: LOG_READERS,
        // A search is one entry: its first page; paging on through it writes none.
        audit: {
          action: (request) =>
            Number((request.query as AuditLogQuery).offset ?? 0) === 0 ? 'audit.read' : undefined,
          unit: (request) => (request.query as AuditLogQuery).unit,
          detail: (request) => searchDetail(request.query as AuditLogQuery),
        },
      },
      schema: { querystring: AuditLogQuerySchema, response: { 200: AuditLogResponseSchema } },
    },
    async (request, reply): Promise<AuditLogResponse> => {
      void reply.header('cache-control', 'no-store');
      return readAuditPage(database, staffOf(request).municipalityId, request.query);
    },
  );

  app.get(
    STAFF_PATHS.auditLogExport,
    {
      config: {
        access: LOG_READERS,
        audit: {
          action: 'audit.export',
          unit: (request) => (request.query as AuditLogQuery).unit,
          detail: (request) => searchDetail(request.query as AuditLogQuery),
        },
      },
      schema: { querystring: AuditLogQuerySchema },
    },
    async (request, reply) => {
      const csv = await auditCsv(database, staffOf(request).municipalityId, request.query);
      void reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="revisjonslogg.csv"')
        .header('cache-control', 'no-store');
      return csv;
    },
  );

  app.post(
    STAFF_PATHS.auditExports,
    {
      config: {
        access: { allow: REPORT_ROLES },
        audit: {
          action: (request) =>
            (request.body as { kind: string }).kind === 'csv' ? 'report.export.csv' : 'report.export.print',
          unit: bodyField('unitId'),
          round: bodyField('roundId'),
          detail: bodyField('subject'),
        },
      },
      schema: { body: AuditExportRequestSchema },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const { subject, roundId, unitId } = request.body;
      // Only what the caller may read: the entry must not name a report, heat map or overview of
      // a unit they cannot open (the same refusal the read itself would give).
      if (subject === 'plans') {
        const round = await findRound(db, staff.municipalityId, roundId);
        if (!round) throw notFound('No such round');
        // The overview route's own policy (routes/plans.ts), on the unit the export names.
        await assertStaffAccess(db, staff, OVERVIEW_ROLES, unitId ?? round.unitId);
      } else {
        await assertMayReadReport(
          database,
          staff,
          { roundId, ...(unitId !== undefined && { unitId }) },
          osloDate(now()),
        );
      }
      return reply.code(204).send();
    },
  );
  return Promise.resolve();
};
