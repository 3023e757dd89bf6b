// Turns stored plan rows into the wire shapes of src/shared/api/plans.ts: the summary, the full
// plan as staff read it (with display names, overdue flags and readiness) and the measure's
// responsible person. Names of rounds, units and accounts are looked up once per call.
import type { Kysely } from 'kysely';
import type { FactorId } from '../../shared/factors';
import type {
  FocusFactor,
  Measure,
  Plan,
  PlanPerson,
  PlanSummary,
  Responsible,
} from '../../shared/api/plans';
import type { DB } from '../db/schema';
import { displayNames, type MeasureRow, type PlanContent, type PlanRow } from '../repositories/plans';
import { findRounds } from '../repositories/rounds';
import { findUnitsByIds } from '../repositories/units';
import { isFinished, readiness } from './rules';

export interface Names {
  rounds: Map<string, string>;
  units: Map<string, string>;
  people: Map<string, string>;
}

/** The names every plan of `plans` (and `content`) refers to. */
export async function namesFor(
  db: Kysely<DB>,
  municipalityId: string,
  plans: readonly PlanRow[],
  contents: Iterable<PlanContent> = [],
): Promise<Names> {
  const rounds = await findRounds(
    db,
    plans.map((p) => p.round_id),
  );
  const units = await findUnitsByIds(
    db,
    plans.flatMap((p) => [p.unit_id, ...(p.based_on_unit_id ? [p.based_on_unit_id] : [])]),
  );
  const people: string[] = plans.flatMap((p) =>
    [p.agreed_by, p.safety_seen_by, p.union_seen_by].filter((id): id is string => id !== null),
  );
  for (const content of contents) {
    for (const m of content.measures) if (m.responsible_account_id) people.push(m.responsible_account_id);
    for (const r of content.reviews) if (r.recorded_by) people.push(r.recorded_by);
  }
  return {
    rounds: new Map([...rounds].map(([id, r]) => [id, r.name])),
    units: new Map(units.map((u) => [u.id, u.name])),
    people: await displayNames(db, municipalityId, people),
  };
}

/** An account as a plan names it; a removed account has no name any more. */
function person(names: Names, id: string | null): PlanPerson | null {
  return id === null ? null : { accountId: id, displayName: names.people.get(id) ?? '' };
}

export function toSummary(plan: PlanRow, names: Names): PlanSummary {
  return {
    id: plan.id,
    roundId: plan.round_id,
    roundName: names.rounds.get(plan.round_id) ?? '',
    unitId: plan.unit_id,
    unitName: names.units.get(plan.unit_id) ?? '',
    basedOnUnitId: plan.based_on_unit_id,
    basedOnUnitName: plan.based_on_unit_id === null ? null : (names.units.get(plan.based_on_unit_id) ?? ''),
    status: plan.status,
    reviewIntervalMonths: plan.review_interval_months,
    nextReviewOn: plan.next_review_on,
    agreedOn: plan.agreed_on,
    agreedBy: person(names, plan.agreed_by),
    updatedOn: plan.updated_on,
  };
}

export function responsibleOf(measure: MeasureRow, names: Names): Responsible {
  if (measure.responsible_account_id !== null) {
    const id = measure.responsible_account_id;
    return { kind: 'account', accountId: id, displayName: names.people.get(id) ?? '' };
  }
  return { kind: 'role', text: measure.responsible_role ?? '' };
}

export const isOverdue = (measure: MeasureRow, today: string): boolean =>
  !isFinished(measure.status) && measure.deadline < today;

function toMeasure(measure: MeasureRow, names: Names, today: string): Measure {
  return {
    id: measure.id,
    focusFactorId: measure.focus_factor_id,
    text: measure.text,
    responsible: responsibleOf(measure, names),
    deadline: measure.deadline,
    status: measure.status,
    notes: measure.notes,
    overdue: isOverdue(measure, today),
  };
}

function toFocusFactors(content: PlanContent, names: Names, today: string): FocusFactor[] {
  return content.focus.map((f) => ({
    id: f.id,
    factorId: f.factor_id as FactorId,
    kind: f.kind,
    why: f.why,
    figure: f.figure,
    carriedFrom:
      f.carried_from_id === null || f.carried_choice === null
        ? null
        : { focusFactorId: f.carried_from_id, choice: f.carried_choice },
    goals: content.goals
      .filter((g) => g.focus_factor_id === f.id)
      .map((g) => ({ id: g.id, text: g.text, howWeKnow: g.how_we_know })),
    measures: content.measures
      .filter((m) => m.focus_factor_id === f.id)
      .map((m) => toMeasure(m, names, today)),
  }));
}

export interface PlanViewContext {
  names: Names;
  focusFactorCount: number;
  today: string;
  can: Plan['can'];
}

export function toPlan(plan: PlanRow, content: PlanContent, context: PlanViewContext): Plan {
  const { names } = context;
  const consultation = (consultedOn: string | null, seenBy: string | null, seenOn: string | null) => ({
    consultedOn,
    seenBy: person(names, seenBy),
    seenOn,
  });
  return {
    ...toSummary(plan, names),
    focusFactorCount: context.focusFactorCount,
    consultations: {
      safetyRep: consultation(plan.safety_consulted_on, plan.safety_seen_by, plan.safety_seen_on),
      unionRep: consultation(plan.union_consulted_on, plan.union_seen_by, plan.union_seen_on),
    },
    focusFactors: toFocusFactors(content, names, context.today),
    reviews: content.reviews.map((r) => ({
      id: r.id,
      heldOn: r.held_on,
      summary: r.summary,
      items: content.reviewItems
        .filter((i) => i.review_id === r.id)
        .map((i) => ({ measureId: i.measure_id, decision: i.decision })),
      recordedBy: person(names, r.recorded_by),
    })),
    readiness: { missing: plan.status === 'draft' ? readiness(plan, content, context.focusFactorCount) : [] },
    can: context.can,
    publicLink: content.link ? { createdOn: content.link.created_on } : null,
  };
}
