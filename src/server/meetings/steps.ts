// The steps of a meeting, built once from its template when it is created (TEMPLATE_OUTLINE in
// src/shared/meetings.ts): analysis = intro, the unit's results (one step; the figures come from
// GET …/results, the report code's), the strengths round, a round per candidate factor, the vote
// over the candidates, choose, summary; measures = per focus factor of the unit's plan a round on
// measures and a vote over its contributions, then measures, summary; review = one item per open
// measure of the plan, summary. The measures and review templates need the plan (MEETING_NEEDS_PLAN).
import type { MeetingStep } from '../../shared/api/meetings';
import type { FactorId } from '../../shared/factors';
import type { MeetingTemplate } from '../../shared/meetings';
import { ApiError } from '../api-error';
import type { PlanContent } from '../repositories/plans';
import { isFinished } from '../plans/rules';

const step = (kind: MeetingStep['kind'], extra: Partial<MeetingStep> = {}): MeetingStep => ({
  kind,
  prompt: null,
  factorId: null,
  measureId: null,
  text: null,
  ...extra,
});

export function buildSteps(
  template: MeetingTemplate,
  candidates: readonly FactorId[] | undefined,
  plan: PlanContent | undefined,
): MeetingStep[] {
  if (template === 'analysis') {
    if (!candidates || candidates.length === 0)
      throw new ApiError('MALFORMED_REQUEST', 'The analysis meeting needs candidateFactors');
    return [
      step('intro'),
      step('results'),
      step('igp', { prompt: 'strengths' }),
      ...candidates.map((factorId) => step('igp', { prompt: 'factor', factorId })),
      step('vote'),
      step('choose'),
      step('summary'),
    ];
  }
  if (!plan) throw new ApiError('MEETING_NEEDS_PLAN');
  if (template === 'measures') {
    if (plan.focus.length === 0)
      throw new ApiError('MEETING_NEEDS_PLAN', 'The plan has no focus factors to find measures for');
    return [
      ...plan.focus.flatMap((f) => [
        step('igp', { prompt: 'measures', factorId: f.factor_id as FactorId }),
        step('vote', { factorId: f.factor_id as FactorId }),
      ]),
      step('measures'),
      step('summary'),
    ];
  }
  const open = plan.measures.filter((m) => !isFinished(m.status));
  if (open.length === 0) throw new ApiError('MEETING_NEEDS_PLAN', 'The plan has no open measures to review');
  return [
    ...open.map((m) => {
      const focus = plan.focus.find((f) => f.id === m.focus_factor_id);
      return step('reviewItem', {
        measureId: m.id,
        text: m.text,
        factorId: (focus?.factor_id as FactorId | undefined) ?? null,
      });
    }),
    step('summary'),
  ];
}
