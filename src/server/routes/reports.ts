// Anonymous reports: the rounds and units a staff member may open, the report of a unit (the round's
// own unit: the municipality overview), and the heat map. Every report role may call these; which
// rounds and units each caller sees, and when, is decided in ../reports/read-reports.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  HeatmapResponseSchema,
  ReportParamsSchema,
  ReportRoundListResponseSchema,
  RoundIdParamsSchema,
  UnitReportResponseSchema,
  type HeatmapResponse,
  type ReportRoundListResponse,
  type UnitReportResponse,
} from '../../shared/api/reports';
import { osloDate } from '../../shared/dates';
import { HEATMAP_READ, UNIT_REPORT_READ } from '../audit/report-reads';
import type { Database } from '../db/database';
import { releaseDue } from '../release/schedule';
import { REPORT_ROLES } from '../reports/access';
import { heatmapFor, listReportRounds, unitReportFor } from '../reports/read-reports';
import { staffOf } from './staff-request';

export const reportRoutes: FastifyPluginAsyncTypebox<{
  database: Database;
  now: () => Date;
  sealKey: Uint8Array;
}> = (app, { database, now, sealKey }) => {
  const access = { allow: REPORT_ROLES };
  const today = () => osloDate(now());
  // A round whose report may now be read has its sealed answers released first (../release/),
  // so no one waits for the scheduler. After authorization: an anonymous request releases nothing.
  app.addHook('preHandler', async () => {
    await releaseDue(database, sealKey, today());
  });

  app.get(
    STAFF_PATHS.reportRounds,
    { config: { access }, schema: { response: { 200: ReportRoundListResponseSchema } } },
    async (request): Promise<ReportRoundListResponse> =>
      listReportRounds(database, staffOf(request), today()),
  );

  app.get(
    STAFF_PATHS.unitReport,
    {
      config: { access, audit: UNIT_REPORT_READ },
      schema: { params: ReportParamsSchema, response: { 200: UnitReportResponseSchema } },
    },
    async (request): Promise<UnitReportResponse> =>
      unitReportFor(database, staffOf(request), request.params, today()),
  );

  app.get(
    STAFF_PATHS.heatmap,
    {
      config: { access, audit: HEATMAP_READ },
      schema: { params: RoundIdParamsSchema, response: { 200: HeatmapResponseSchema } },
    },
    async (request): Promise<HeatmapResponse> =>
      heatmapFor(database, staffOf(request), request.params.roundId, today()),
  );
  return Promise.resolve();
};
