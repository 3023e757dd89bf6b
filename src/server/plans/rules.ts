// The follow-up plan's rules, pure: which transitions exist and what each needs, what may change in
// which state (PLAN_EDIT_RULES of the contract), what is missing before a plan can be agreed, and
// the date arithmetic of the review rhythm. The module's other files apply them.
import {
  FINISHED_MEASURE_STATUSES,
  PLAN_EDIT_RULES,
  PLAN_TRANSITIONS,
  type MeasureStatus,
  type PlanReadinessItem,
  type PlanStatus,
} from '../../shared/api/plans';
import { isIsoDate } from '../../shared/dates';
import { ApiError } from '../api-error';
import type { PlanContent, PlanRow } from '../repositories/plans';

export type EditPart = keyof (typeof PLAN_EDIT_RULES)['draft'];

/** PLAN_LOCKED unless the part may change in the plan's state. */
export function assertEditable(status: PlanStatus, part: EditPart): void {
  if (!PLAN_EDIT_RULES[status][part]) {
    throw new ApiError('PLAN_LOCKED', `The plan is ${status}: ${part} cannot change now`);
  }
}

/** PLAN_INVALID_TRANSITION unless `to` follows `from`; agreed → draft only before the first review. */
export function assertTransition(from: PlanStatus, to: PlanStatus, reviews: number): void {
  const allowed = (PLAN_TRANSITIONS[from] as readonly PlanStatus[]).includes(to);
  if (!allowed || (from === 'agreed' && to === 'draft' && reviews > 0)) {
    throw new ApiError('PLAN_INVALID_TRANSITION', `A plan cannot go from ${from} to ${to}`);
  }
}

/** What is still missing before the plan can be agreed, in PLAN_READINESS_ITEMS order. */
export function readiness(
  plan: PlanRow,
  content: PlanContent,
  focusFactorCount: number,
): PlanReadinessItem[] {
  const missing: PlanReadinessItem[] = [];
  const { focus, goals, measures } = content;
  if (focus.length === 0 || focus.length > focusFactorCount) missing.push('focus_factor');
  const every = (items: readonly { focus_factor_id: string }[]) =>
    focus.length > 0 && focus.every((f) => items.some((i) => i.focus_factor_id === f.id));
  if (!every(goals)) missing.push('goal');
  if (!every(measures)) missing.push('measure');
  if (plan.safety_consulted_on === null) missing.push('safety_rep');
  return missing;
}

export const isFinished = (status: MeasureStatus): boolean => FINISHED_MEASURE_STATUSES.includes(status);

/** INVALID_DATE unless a real calendar date (the schema has checked the shape). */
export function assertDate(value: string, what: string): void {
  if (!isIsoDate(value)) throw new ApiError('INVALID_DATE', `${what} is not a calendar date`);
}

/** The same day `months` months later, or the month's last day when it has no such day. */
export { addMonths } from '../../shared/months';
