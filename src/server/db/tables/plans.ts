// The follow-up plan tables (012-follow-up-plans). Dates are Oslo calendar dates ('YYYY-MM-DD');
// account ids have no foreign key (see the migration). Nothing here is per employee.
import type { ColumnType } from 'kysely';
import type { FocusKind, MeasureStatus, PlanStatus, ReviewDecision } from '../../../shared/api/plans';

export interface PlansTable {
  id: string;
  municipality_id: string;
  round_id: string;
  unit_id: string;
  /** The ancestor whose report the plan uses, when the unit has none of its own. */
  based_on_unit_id: string | null;
  status: PlanStatus;
  review_interval_months: ColumnType<number, number | undefined, number>;
  next_review_on: string | null;
  agreed_on: string | null;
  agreed_by: string | null;
  safety_consulted_on: string | null;
  safety_seen_by: string | null;
  safety_seen_on: string | null;
  union_consulted_on: string | null;
  union_seen_by: string | null;
  union_seen_on: string | null;
  created_on: string;
  updated_on: string;
}

export interface PlanFocusFactorsTable {
  id: string;
  plan_id: string;
  factor_id: string;
  kind: FocusKind;
  why: string;
  /** The basis report's average when chosen; null when hidden. Filled by the server only. */
  figure: number | null;
  carried_from_id: string | null;
  carried_choice: 'continue' | 'change' | null;
  position: number;
}

export interface PlanGoalsTable {
  id: string;
  plan_id: string;
  focus_factor_id: string;
  text: string;
  how_we_know: string;
  position: number;
}

export interface PlanMeasuresTable {
  id: string;
  plan_id: string;
  focus_factor_id: string;
  text: string;
  responsible_account_id: string | null;
  responsible_role: string | null;
  deadline: string;
  status: MeasureStatus;
  notes: string;
  position: number;
}

export interface PlanReviewsTable {
  id: string;
  plan_id: string;
  held_on: string;
  summary: string;
  recorded_by: string | null;
  position: number;
}

export interface PlanReviewItemsTable {
  review_id: string;
  measure_id: string;
  decision: ReviewDecision;
}

export interface PlanPublicLinksTable {
  token_hash: string;
  plan_id: string;
  created_on: string;
}
