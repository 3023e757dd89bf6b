// The quarterly review: a date, a sentence on what happened, and keep, adjust or drop for each
// measure not yet finished (every one of them, and only the plan's own). Dropping sets the
// measure's status; the next review date is the one given or the date plus the plan's interval.
// A review of an agreed plan puts it in progress.
import { randomUUID } from 'node:crypto';
import type { ReviewRequest } from '../../shared/api/plans';
import { ApiError } from '../api-error';
import { insertReview, loadContents, nextPosition } from '../repositories/plans';
import type { EditContext } from './edit-plan';
import { ownPlan } from './read-plan';
import { addMonths, assertDate, assertEditable, isFinished } from './rules';

export async function recordReview(
  context: EditContext,
  planId: string,
  request: ReviewRequest,
): Promise<void> {
  const db = context.database.kysely;
  const plan = await ownPlan(db, context.staff, planId);
  assertEditable(plan.status, 'review');
  assertDate(request.heldOn, 'heldOn');
  if (request.heldOn > context.today) throw new ApiError('INVALID_DATE', 'heldOn is after today');
  const next = request.nextReviewOn ?? addMonths(request.heldOn, plan.review_interval_months);
  assertDate(next, 'nextReviewOn');
  if (next <= request.heldOn) throw new ApiError('INVALID_DATE', 'nextReviewOn must come after heldOn');

  const { measures } = (await loadContents(db, [plan.id])).get(plan.id)!;
  const named = new Set(request.items.map((i) => i.measureId));
  const own = new Set(measures.map((m) => m.id));
  const open = measures.filter((m) => !isFinished(m.status)).map((m) => m.id);
  if (named.size !== request.items.length || [...named].some((id) => !own.has(id))) {
    throw new ApiError(
      'INVALID_REFERENCE',
      "A review item names a measure twice or one that is not the plan's",
    );
  }
  if (open.some((id) => !named.has(id))) {
    throw new ApiError('INVALID_REFERENCE', 'A review decides on every measure not yet finished');
  }
  await insertReview(
    db,
    {
      id: randomUUID(),
      plan_id: plan.id,
      held_on: request.heldOn,
      summary: request.summary,
      recorded_by: context.staff.userId,
      position: await nextPosition(db, 'plan_reviews', plan.id),
    },
    request.items,
    {
      next_review_on: next,
      updated_on: context.today,
      ...(plan.status === 'agreed' ? { status: 'in_progress' as const } : {}),
    },
  );
}
