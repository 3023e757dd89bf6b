// Owns which open answers a unit's report may list (issue 11). Free text can give its writer away
// far sooner than a figure, so open answers have their own, higher threshold (the round's
// openAnswerThreshold as frozen in its frame, never below the threshold). A unit's report lists
// open answers only when the unit's group (itself and everything below it) reaches it, and then
// only the answers of those units whose own answers (stored on the unit itself) reach it too: the
// answers of a smaller sub-unit are never listed under a parent. So the lists of any two units
// differ only by whole groups of at least the threshold, and no subtraction isolates a small one.
import { MIN_THRESHOLD } from '../../shared/rounds';
import type { RoundAnalysis } from './analyse';
import type { FrameSettings } from '../repositories/round-frames';
import { subtreeIds } from './report-shapes';

/** The threshold open answers are held to: never below the round's threshold or the floor. */
export function openAnswerThresholdOf(settings: FrameSettings): number {
  return Math.max(settings.openAnswerThreshold, settings.threshold, MIN_THRESHOLD);
}

export type OpenAnswerPlan = { listed: false } | { listed: true; unitIds: string[] };

/** Whether the unit's report lists open answers, and from which units' own answers. */
export function openAnswerPlan(
  analysis: RoundAnalysis,
  unitId: string,
  settings: FrameSettings,
): OpenAnswerPlan {
  const threshold = openAnswerThresholdOf(settings);
  if ((analysis.totals.get(unitId)?.responses ?? 0) < threshold) return { listed: false };
  const own = new Map(analysis.data.units.map((u) => [u.id, u.own.responses]));
  const unitIds = subtreeIds(analysis, unitId).filter((id) => (own.get(id) ?? 0) >= threshold);
  return { listed: true, unitIds };
}
