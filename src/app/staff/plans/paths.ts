// The follow-up screens' addresses under /admin/oppfolging (see PlanRoutes.tsx).
import { ADMIN_PATHS } from '../ui/staff-paths';

const id = encodeURIComponent;
const base = ADMIN_PATHS.followup;

export const PLAN_PATHS = {
  list: base,
  listFor: (roundId: string) => `${base}?runde=${id(roundId)}`,
  overview: `${base}/oversikt`,
  /** The unit's plan for the round: opens it, or offers to start one. */
  unit: (roundId: string, unitId: string) => `${base}/runde/${id(roundId)}/enhet/${id(unitId)}`,
  plan: (planId: string) => `${base}/plan/${id(planId)}`,
  print: (planId: string) => `${base}/plan/${id(planId)}/utskrift`,
} as const;
