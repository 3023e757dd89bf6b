// Anonymous reports: the rounds and units a staff member may open, the report of a unit (the round's
// own unit: the municipality overview), and the heat map. Who sees what and when is stated in
// shared/api/reports.ts; the unit check is made here rather than by the access policy, because
// the municipality overview is open to every report role, whatever units they hold.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF_PATHS } from '../../shared/api/paths';
import type { Kysely } from 'kysely';
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
import { ApiError, notFound } from '../api-error';
import type { StaffPrincipal } from '../auth/policy';
import { isUnitInScope, unitsInScope } from '../auth/scope';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import { findMunicipality } from '../repositories/municipalities';
import { loadRoundsData, type RoundDetail } from '../reports/round-data';
import { findRounds, reportableRoundIds, type RoundRecord } from '../repositories/rounds';
import { isReportAvailable, OPEN_ANSWER_ROLES, REPORT_ROLES } from '../reports/access';
import { analyseRound } from '../reports/analyse';
import { heatmapRows, rootFirst, toReportRound, toReportUnit } from '../reports/report-shapes';
import { buildUnitReport } from '../reports/unit-report';
import { isAdmin, staffOf } from './staff-request';

const notAvailable = (round: RoundRecord) =>
  new ApiError(
    'REPORT_NOT_AVAILABLE',
    round.status === 'closed'
      ? 'The report is not published yet'
      : `The round is ${round.status}; its report comes when it is published`,
  );

/** The units of the round the caller may open: every unit for admin, else those in their scope. */
async function visibleUnits(db: Kysely<DB>, staff: StaffPrincipal): Promise<ReadonlySet<string> | 'all'> {
  return isAdmin(staff) ? 'all' : unitsInScope(db, staff, REPORT_ROLES);
}

export const reportRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = (
  app,
  { database, now },
) => {
  const db = database.kysely;
  const access = { allow: REPORT_ROLES };

  /** A round of the caller's municipality: another municipality's is as unknown as a missing one. */
  async function ownRound(staff: StaffPrincipal, roundId: string): Promise<RoundRecord> {
    const round = (await findRounds(db, [roundId])).get(roundId);
    if (!round || round.municipalityId !== staff.municipalityId) throw notFound('No such round');
    return round;
  }

  function checkAvailable(staff: StaffPrincipal, round: RoundRecord): void {
    if (!isReportAvailable(round, isAdmin(staff), osloDate(now()))) throw notAvailable(round);
  }

  async function roundData(round: RoundRecord, detail: RoundDetail) {
    return (await loadRoundsData(database, [round], detail)).get(round.id)!;
  }

  app.get(
    STAFF_PATHS.reportRounds,
    { config: { access }, schema: { response: { 200: ReportRoundListResponseSchema } } },
    async (request): Promise<ReportRoundListResponse> => {
      const staff = staffOf(request);
      const today = osloDate(now());
      const ids = await reportableRoundIds(db, staff.municipalityId);
      const records = await findRounds(db, ids);
      const rounds = ids
        .map((id) => records.get(id)!)
        .filter((round) => isReportAvailable(round, isAdmin(staff), today));
      // Which units are suppressed needs only how many answered where.
      const data = await loadRoundsData(database, rounds, 'totals');
      const scope = await visibleUnits(db, staff);
      return {
        rounds: rounds.map((round) => {
          const analysis = analyseRound(data.get(round.id)!);
          const units = rootFirst(analysis, scope).map((unit) => ({
            ...toReportUnit(unit),
            suppressed: analysis.unitSuppression.has(unit.id),
          }));
          return { round: toReportRound(round), units };
        }),
      };
    },
  );

  app.get(
    STAFF_PATHS.unitReport,
    {
      config: { access },
      schema: { params: ReportParamsSchema, response: { 200: UnitReportResponseSchema } },
    },
    async (request): Promise<UnitReportResponse> => {
      const staff = staffOf(request);
      const { roundId, unitId } = request.params;
      const round = await ownRound(staff, roundId);
      const isRoot = unitId === round.unitId;
      // Background groups are shown only on the municipality overview.
      const data = await roundData(round, isRoot ? 'background' : 'counts');
      const unit = data.units.find((u) => u.id === unitId);
      if (!unit) throw notFound('The unit is not part of this round');
      if (!isRoot && !(await isUnitInScope(db, staff, unit.id, REPORT_ROLES))) {
        throw new ApiError('FORBIDDEN_UNIT', 'This unit is outside your units');
      }
      checkAvailable(staff, round);
      const municipality = await findMunicipality(db, round.municipalityId);
      if (!municipality) throw notFound('No such municipality');
      return buildUnitReport(database, {
        round,
        analysis: analyseRound(data),
        unit,
        municipality: { id: municipality.id, name: municipality.name, language: municipality.language },
        mayReadOpenAnswers: await isUnitInScope(db, staff, unit.id, OPEN_ANSWER_ROLES),
      });
    },
  );

  app.get(
    STAFF_PATHS.heatmap,
    {
      config: { access },
      schema: { params: RoundIdParamsSchema, response: { 200: HeatmapResponseSchema } },
    },
    async (request): Promise<HeatmapResponse> => {
      const staff = staffOf(request);
      const round = await ownRound(staff, request.params.roundId);
      checkAvailable(staff, round);
      const analysis = analyseRound(await roundData(round, 'counts'));
      const units = rootFirst(analysis, await visibleUnits(db, staff));
      return { round: toReportRound(round), rows: heatmapRows(analysis, units) };
    },
  );
  return Promise.resolve();
};
