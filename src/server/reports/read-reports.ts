// What a staff member's report requests return: the rounds and units they may open, the report of
// a unit (the round's own unit: the municipality overview), and the heat map. The rules are
// stated in shared/api/reports.ts; access.ts says who sees which report when. The unit check is
// made here rather than by the route's access policy, because the municipality overview is open
// to every report role, whatever units they hold. Which units of a round someone may open is
// worked out on the round's frozen frame (auth/scope.ts frameScope), never on today's tree, so a
// reorganisation after the round opened shows nobody more or less of it (issue 11). `today` is
// the Oslo date of the request.
import type { HeatmapResponse, ReportRoundListResponse, UnitReportResponse } from '../../shared/api/reports';
import { ApiError, notFound } from '../api-error';
import { isAdmin, type StaffPrincipal } from '../auth/policy';
import { frameScope } from '../auth/scope';
import type { Database } from '../db/database';
import { findMunicipality } from '../repositories/municipalities';
import { findRounds, reportableRoundIds, type RoundRecord } from '../repositories/rounds';
import {
  assertReportAvailable,
  isReportAvailable,
  OPEN_ANSWER_ROLES,
  REPORT_ROLES,
  unitReportDetail,
} from './access';
import { analyseRound } from './analyse';
import { heatmapRows, rootFirst, toReportRound, toReportUnit } from './report-shapes';
import type { LoadedRoundData } from './model';
import { analysedRounds, loadRoundsData } from './round-data';
import { buildUnitReport } from './unit-report';

/** The units of the round the caller may open: every unit for admin, else those of their roles in the frame. */
function visibleUnits(staff: StaffPrincipal, data: LoadedRoundData): ReadonlySet<string> | 'all' {
  return isAdmin(staff) ? 'all' : frameScope(staff, data.units, REPORT_ROLES);
}

/** A round of the caller's municipality: another municipality's is as unknown as a missing one. */
async function ownRound(database: Database, staff: StaffPrincipal, roundId: string): Promise<RoundRecord> {
  const round = (await findRounds(database.kysely, [roundId])).get(roundId);
  if (!round || round.municipalityId !== staff.municipalityId) throw notFound('No such round');
  return round;
}

/**
 * The unit of the round's frame the caller may open: 404 when the frame has no such unit,
 * FORBIDDEN_UNIT outside their roles' reach (the round's own unit, the municipality overview, is
 * every report role's).
 */
function unitInReach(staff: StaffPrincipal, round: RoundRecord, data: LoadedRoundData, unitId: string) {
  const unit = data.units.find((u) => u.id === unitId);
  if (!unit) throw notFound('The unit is not part of this round');
  if (unitId !== round.unitId && !frameScope(staff, data.units, REPORT_ROLES).has(unitId)) {
    throw new ApiError('FORBIDDEN_UNIT', 'This unit is outside your units');
  }
  return unit;
}

async function analysed(database: Database, round: RoundRecord, detail: 'counts' | 'background') {
  return (await analysedRounds(database, [round], detail)).get(round.id)!;
}

/** The municipality's rounds whose report is available to the caller, each with the units they may open. */
export async function listReportRounds(
  database: Database,
  staff: StaffPrincipal,
  today: string,
): Promise<ReportRoundListResponse> {
  const db = database.kysely;
  const ids = await reportableRoundIds(db, staff.municipalityId);
  const records = await findRounds(db, ids);
  const rounds = ids
    .map((id) => records.get(id)!)
    .filter((round) => isReportAvailable(round, isAdmin(staff), today));
  // Which units are suppressed needs only how many answered where.
  const data = await loadRoundsData(database, rounds, 'totals');
  return {
    rounds: rounds.map((round) => {
      const roundData = data.get(round.id)!;
      const analysis = analyseRound(roundData);
      const units = rootFirst(analysis, visibleUnits(staff, roundData)).map((unit) => ({
        ...toReportUnit(unit),
        suppressed: analysis.unitSuppression.has(unit.id),
      }));
      return { round: toReportRound(round, roundData.settings), units };
    }),
  };
}

/**
 * One unit's report. 404 for a round of another municipality or a unit outside the round,
 * FORBIDDEN_UNIT for a unit below the root outside the caller's units, REPORT_NOT_AVAILABLE before
 * the report is available to them; open answers only for a unit in their open-answer scope.
 */
export async function unitReportFor(
  database: Database,
  staff: StaffPrincipal,
  target: { roundId: string; unitId: string },
  today: string,
): Promise<UnitReportResponse> {
  const db = database.kysely;
  const round = await ownRound(database, staff, target.roundId);
  const { data, analysis } = await analysed(database, round, unitReportDetail(round, target.unitId));
  const unit = unitInReach(staff, round, data, target.unitId);
  assertReportAvailable(round, isAdmin(staff), today);
  const municipality = await findMunicipality(db, round.municipalityId);
  if (!municipality) throw notFound('No such municipality');
  return buildUnitReport(database, {
    round,
    analysis,
    unit,
    municipality: { id: municipality.id, name: municipality.name, language: municipality.language },
    frame: data,
    mayReadOpenAnswers: frameScope(staff, data.units, OPEN_ANSWER_ROLES).has(unit.id),
  });
}

/**
 * Refuses what unitReportFor or heatmapFor would refuse the caller for this round and unit (404,
 * FORBIDDEN_UNIT, REPORT_NOT_AVAILABLE): the audit log's "is about to export" entry names only a
 * report the caller may read, so nobody can write a false entry about a unit outside their own.
 */
export async function assertMayReadReport(
  database: Database,
  staff: StaffPrincipal,
  target: { roundId: string; unitId?: string },
  today: string,
): Promise<void> {
  const round = await ownRound(database, staff, target.roundId);
  if (target.unitId !== undefined && target.unitId !== round.unitId) {
    unitInReach(staff, round, (await analysed(database, round, 'counts')).data, target.unitId);
  }
  assertReportAvailable(round, isAdmin(staff), today);
}

/** The heat map of a round over the units the caller may open, root first. */
export async function heatmapFor(
  database: Database,
  staff: StaffPrincipal,
  roundId: string,
  today: string,
): Promise<HeatmapResponse> {
  const round = await ownRound(database, staff, roundId);
  assertReportAvailable(round, isAdmin(staff), today);
  const { data, analysis } = await analysed(database, round, 'counts');
  const units = rootFirst(analysis, visibleUnits(staff, data));
  return { round: toReportRound(round, data.settings), rows: heatmapRows(analysis, units) };
}
