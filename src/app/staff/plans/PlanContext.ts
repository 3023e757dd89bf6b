// The plan on screen, handed to every part of the plan screen, with what the signed-in person may
// change in the plan's state (PLAN_EDIT_RULES of the contract). usePlanChange is how a part
// changes it: the answer replaces the plan everywhere, a failure stays with the part.
import { createContext, useContext } from 'react';
import { PLAN_EDIT_RULES, type Plan } from '../../../shared/api/plans';
import { useChange } from './usePlans';

type Rules = Record<keyof (typeof PLAN_EDIT_RULES)['draft'], boolean>;

export interface PlanContextValue {
  plan: Plan;
  setPlan: (plan: Plan) => void;
  /** What the person may change now: every flag false for anyone who may not edit. */
  may: Rules;
}

export const PlanContext = createContext<PlanContextValue | undefined>(undefined);

export function usePlanContext(): PlanContextValue {
  const value = useContext(PlanContext);
  if (!value) throw new Error('usePlanContext must be used inside the plan screen');
  return value;
}

export function usePlanChange() {
  const { setPlan } = usePlanContext();
  return useChange(setPlan);
}

export function mayFor(plan: Plan): Rules {
  const rules = PLAN_EDIT_RULES[plan.status];
  const edit = plan.can.edit;
  return {
    focus: edit && rules.focus,
    measures: edit && rules.measures,
    deleteMeasure: edit && rules.deleteMeasure,
    settings: edit && rules.settings,
    consultation: edit && rules.consultation,
    review: edit && rules.review,
  };
}
