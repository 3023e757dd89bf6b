// Which report a unit's plan stands on, and the figures it records. A unit whose report is hidden
// in the round (too few answers, or hidden to protect another group) plans on its nearest ancestor
// with a report; if none has one, on the round's own unit, with no figures. Which units are hidden
// and what a figure is come from the report code itself (analyseRound, buildUnitReport), so a plan
// can never show a figure the report would hide.
import type { FactorId } from '../../shared/factors';
import type { Database } from '../db/database';
import { findMunicipality } from '../repositories/municipalities';
import type { RoundRecord } from '../repositories/rounds';
import { analyseRound, type RoundAnalysis } from '../reports/analyse';
import { analysedRounds, loadRoundsData } from '../reports/round-data';
import { buildUnitReport } from '../reports/unit-report';

export interface PlanBasis {
  /** The unit whose report the plan uses (the unit itself when it has one). */
  unitId: string;
  /** null when the unit has its own report. */
  basedOnUnitId: string | null;
  /** Per factor the basis report's average; null where the report shows none. */
  figures: Partial<Record<FactorId, number | null>>;
}

export async function roundAnalysis(
  database: Database,
  round: RoundRecord,
  detail: 'totals' | 'counts',
): Promise<RoundAnalysis> {
  if (detail === 'counts') return (await analysedRounds(database, [round], detail)).get(round.id)!.analysis;
  const data = (await loadRoundsData(database, [round], detail)).get(round.id)!;
  return analyseRound(data);
}

/** The unit the plan stands on: the unit, or its nearest ancestor in the round that is not hidden. */
export function basisUnitId(analysis: RoundAnalysis, unitId: string): string {
  const parents = new Map(analysis.data.units.map((u) => [u.id, u.parentId]));
  for (let id: string | null | undefined = unitId; id; id = parents.get(id)) {
    if (!analysis.unitSuppression.has(id)) return id;
  }
  return analysis.data.rootUnitId;
}

export function isInRound(analysis: RoundAnalysis, unitId: string): boolean {
  return analysis.data.units.some((u) => u.id === unitId);
}

/** The basis and its figures, read from the basis unit's report; undefined for a unit outside the round. */
export async function planBasis(
  database: Database,
  round: RoundRecord,
  unitId: string,
): Promise<PlanBasis | undefined> {
  const analysis = await roundAnalysis(database, round, 'counts');
  if (!isInRound(analysis, unitId)) return undefined;
  const basisId = basisUnitId(analysis, unitId);
  const basedOnUnitId = basisId === unitId ? null : basisId;
  const unit = analysis.data.units.find((u) => u.id === basisId);
  const municipality = await findMunicipality(database.kysely, round.municipalityId);
  if (!unit || !municipality) return { unitId: basisId, basedOnUnitId, figures: {} };
  const report = await buildUnitReport(database, {
    round,
    analysis,
    unit,
    municipality: { id: municipality.id, name: municipality.name, language: municipality.language },
    mayReadOpenAnswers: false,
  });
  const figures: Partial<Record<FactorId, number | null>> = {};
  for (const row of report.factors) figures[row.factorId] = row.unit?.average ?? null;
  return { unitId: basisId, basedOnUnitId, figures };
}
