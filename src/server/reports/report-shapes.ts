// Turns an analysed round into the wire shapes of shared/api/reports.ts: the round, units, the ten
// factor rows of a unit, heat map rows. Every figure is at the precision the screen shows
// (./figures.ts shownAverage, shownShare), also the national and previous-round averages. Pure;
// every figure comes from the analysis, which has already left out what the anonymity rule hides,
// so nothing here can show a suppressed figure.
import type {
  FactorFigure,
  FactorRow,
  HeatmapResponse,
  ReportRound,
  ReportUnit,
} from '../../shared/api/reports';
import { FACTOR_IDS, type FactorId } from '../../shared/factors';
import { sortParentsFirst } from '../../shared/unit-tree';
import type { FrameSettings } from '../repositories/round-frames';
import type { RoundRecord } from '../repositories/rounds';
import type { RoundAnalysis } from './analyse';
import { shownAverage, shownShare } from './figures';
import type { UnitNode } from './model';

type Figures = Partial<Record<FactorId, FactorFigure>>;

/** The round with the report settings of its frame (what the report was computed with). */
export function toReportRound(round: RoundRecord, settings: FrameSettings): ReportRound {
  if (round.status !== 'closed' && round.status !== 'published') {
    throw new Error(`Round ${round.id} is ${round.status}: it has no report`);
  }
  return {
    id: round.id,
    name: round.name,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    status: round.status,
    threshold: settings.threshold,
    openAnswerThreshold: settings.openAnswerThreshold,
    rootUnitId: round.unitId,
    defaultLanguage: round.defaultLanguage,
  };
}

export function toReportUnit(unit: UnitNode): ReportUnit {
  return { id: unit.id, name: unit.name, parentId: unit.parentId, unitType: unit.unitType };
}

/** The root first, then the other units of `unitIds` that are in the round, parents first. */
export function rootFirst(analysis: RoundAnalysis, unitIds: ReadonlySet<string> | 'all'): UnitNode[] {
  const { rootUnitId, units } = analysis.data;
  const root = units.find((u) => u.id === rootUnitId);
  const rest = units.filter((u) => u.id !== rootUnitId && (unitIds === 'all' || unitIds.has(u.id)));
  return [...(root ? [root] : []), ...sortParentsFirst(rest)];
}

/** The unit and every unit below it in the round. */
export function subtreeIds(analysis: RoundAnalysis, unitId: string): string[] {
  const out: string[] = [];
  const stack = [unitId];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    out.push(id);
    stack.push(...(analysis.children.get(id) ?? []));
  }
  return out;
}

/** Each value rounded to the one decimal shown first, so the change adds up in the table. */
function change(unit: number | null, previous: number | null): number | null {
  if (unit === null || previous === null) return null;
  return Math.round((shownAverage(unit) - shownAverage(previous)) * 10) / 10;
}

const shownOrNull = (value: number | null | undefined) => (value == null ? null : shownAverage(value));

/** A response rate (0..1) as the screen shows it: one decimal of a percent. */
export function shownRate(rate: number | null): number | null {
  return rate === null ? null : shownShare(rate);
}

/** The ten rows of a unit that is not suppressed, in FACTOR_IDS order. */
export function factorRows(
  analysis: RoundAnalysis,
  unitId: string,
  national: readonly (number | null)[],
  previous: Figures | undefined,
): FactorRow[] {
  const unit = analysis.figures.get(unitId) ?? {};
  const municipality = analysis.figures.get(analysis.data.rootUnitId) ?? {};
  return FACTOR_IDS.map((factorId, i): FactorRow => {
    const figure = unit[factorId] ?? null;
    const before = previous?.[factorId]?.average ?? null;
    return {
      factorId,
      unit: figure,
      municipality: municipality[factorId] ?? null,
      national: shownOrNull(national[i]),
      previous: shownOrNull(before),
      change: change(figure?.average ?? null, before),
    };
  });
}

export function heatmapRows(analysis: RoundAnalysis, units: readonly UnitNode[]): HeatmapResponse['rows'] {
  return units.map((unit) => {
    const figures = analysis.figures.get(unit.id) ?? {};
    const suppressed = analysis.unitSuppression.has(unit.id);
    return {
      unitId: unit.id,
      name: unit.name,
      parentId: unit.parentId,
      depth: analysis.depth.get(unit.id) ?? 0,
      suppressed,
      averages: FACTOR_IDS.map((f) => (suppressed ? null : shownOrNull(figures[f]?.average))),
    };
  });
}
