// Builds the report of one unit (the round's own unit: the municipality overview) from the analysed
// round: figures, response rate, the national comparison, the previous round, background groups
// and open answers. The caller has checked the round, the unit and the caller's access; this
// decides only what the anonymity rule and the open-answer rule (./open-answers.ts) let through.
// Units, names, staffing and settings are the round's frozen frame's (input.frame).
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ALL_UNIT_TYPES, type UnitReportResponse } from '../../shared/api/reports';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import { codeCountsByUnit } from '../repositories/codes';
import { findNationalFigures } from '../repositories/national-figures';
import { openAnswerTexts, unitTypeLabel } from '../repositories/reports';
import { answersDeletedOn } from '../repositories/retention';
import { analysedRounds } from './round-data';
import { findRounds, previousRoundId, type RoundRecord } from '../repositories/rounds';
import { invitedIn, responseRate } from '../rounds/progress';
import type { RoundAnalysis } from './analyse';
import { releasedNational } from './national-release';
import { keptBackgroundBreakdowns } from './background-cache';
import type { LoadedRoundData, UnitNode } from './model';
import { openAnswerPlan } from './open-answers';
import { chooseNational, type ImportedNational, type NationalChoice } from './national-choice';
import { factorRows, shownRate, subtreeIds, toReportRound, toReportUnit } from './report-shapes';

export interface UnitReportInput {
  round: RoundRecord;
  analysis: RoundAnalysis;
  unit: UnitNode;
  municipality: UnitReportResponse['municipality'];
  /**
   * The round's frame: its report settings and each unit's staffing as they were at opening. Left
   * out, it is taken from analysis.data, which loadRoundsData always fills.
   */
  frame?: Pick<LoadedRoundData, 'settings' | 'staffing'>;
  /** The caller holds leader, union rep or safety rep on the unit or above it. */
  mayReadOpenAnswers: boolean;
}

function frameOf(input: UnitReportInput): Pick<LoadedRoundData, 'settings' | 'staffing'> {
  const frame = input.frame ?? (input.analysis.data as Partial<LoadedRoundData>);
  if (!frame.settings || !frame.staffing)
    throw new Error('The report needs the round as loadRoundsData reads it');
  return { settings: frame.settings, staffing: frame.staffing };
}

/** Fisher–Yates with the crypto generator: a fresh order on every request, nothing to replay. */
function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Invited over the unit and everything below it (see invitedIn); null when one unit's is unknown. */
async function unitResponseRate(
  db: Kysely<DB>,
  input: UnitReportInput,
): Promise<UnitReportResponse['responseRate']> {
  const ids = subtreeIds(input.analysis, input.unit.id);
  const codes = await codeCountsByUnit(db, input.round.id);
  let invited: number | null = 0;
  for (const id of ids) {
    const unit = frameOf(input).staffing.get(id) ?? { openKiosk: false, employeeCount: null };
    const own = invitedIn(unit, codes.get(id)?.issued ?? 0);
    invited = invited === null || own === null ? null : invited + own;
  }
  const answered = input.analysis.totals.get(input.unit.id)?.responses ?? 0;
  return { invited, answered, rate: shownRate(responseRate(answered, invited)) };
}

/** The unit's previous published round, the one this report compares with. */
async function comparedRound(database: Database, round: RoundRecord, unitId: string) {
  const db = database.kysely;
  const year = Number(round.opensOn.slice(0, 4));
  const previousId = await previousRoundId(db, round, unitId);
  if (previousId === undefined) return { year, previous: undefined };
  const records = await findRounds(db, [previousId]);
  const { analysis } = (await analysedRounds(database, [...records.values()], 'counts')).get(previousId)!;
  return { year, previous: { round: records.get(previousId)!, analysis } };
}

/** The municipality's imported figures for the unit type, else those for all unit types together. */
async function importedFigures(
  db: Kysely<DB>,
  municipalityId: string,
  year: number,
  unitType: string | null,
): Promise<ImportedNational> {
  if (unitType !== null) {
    const figures = await findNationalFigures(db, municipalityId, year, unitType);
    if (figures.size > 0) return { unitType, figures };
  }
  return { unitType: null, figures: await findNationalFigures(db, municipalityId, year, ALL_UNIT_TYPES) };
}

// The national figures are a lookup of the latest national release (../national/release.ts),
// never a pooling of other rounds here: pooled at report time, one municipality's own figures, or
// fake rounds published beside a small unit, gave that unit's figure away.
async function national(db: Kysely<DB>, input: UnitReportInput, year: number): Promise<NationalChoice> {
  const unitType = input.unit.unitType;
  const { computed, release } = await releasedNational(db, year, unitType);
  const label = unitType === null ? undefined : await unitTypeLabel(db, unitType);
  const imported =
    release === null ? await importedFigures(db, input.round.municipalityId, year, unitType) : undefined;
  const choice = chooseNational(computed, imported, { unitType, unitTypeLabel: label ?? null, year });
  return { ...choice, info: { ...choice.info, release: choice.info.source === 'instance' ? release : null } };
}

export async function buildUnitReport(
  database: Database,
  input: UnitReportInput,
): Promise<UnitReportResponse> {
  const db = database.kysely;
  const { round, analysis, unit } = input;
  const isMunicipality = unit.id === round.unitId;
  const suppression = analysis.unitSuppression.get(unit.id) ?? null;
  const compared = await comparedRound(database, round, unit.id);
  const nationalChoice = await national(db, input, compared.year);
  const previous = compared.previous;
  const base = {
    round: toReportRound(round, frameOf(input).settings),
    unit: toReportUnit(unit),
    municipality: input.municipality,
    isMunicipality,
    national: nationalChoice.info,
    previousRound: previous
      ? { id: previous.round.id, name: previous.round.name, closesOn: previous.round.closesOn }
      : null,
  };
  if (suppression !== null) {
    const hidden = {
      responseRate: null,
      factors: [],
      background: null,
      openAnswers: null,
      openAnswersHidden: null,
    };
    return { ...base, suppressed: true, suppressedReason: suppression, ...hidden };
  }
  const { settings } = frameOf(input);
  const plan =
    settings.openQuestionEnabled && input.mayReadOpenAnswers
      ? openAnswerPlan(analysis, unit.id, settings)
      : undefined;
  // After retention deleted the round's answer rows the report says so, rather than listing none.
  const deleted = plan !== undefined && (await answersDeletedOn(db, round.id)) !== null;
  const openAnswers =
    plan?.listed && !deleted ? shuffled(await openAnswerTexts(db, round.id, plan.unitIds)) : null;
  return {
    ...base,
    suppressed: false,
    suppressedReason: null,
    responseRate: await unitResponseRate(db, input),
    factors: factorRows(analysis, unit.id, nationalChoice.averages, previous?.analysis.figures.get(unit.id)),
    background: isMunicipality ? await keptBackgroundBreakdowns(database, analysis) : null,
    openAnswers,
    openAnswersHidden: deleted ? ('deleted' as const) : plan && !plan.listed ? ('too-few' as const) : null,
  };
}
