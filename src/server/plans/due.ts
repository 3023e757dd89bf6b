// The leader's start-page list: in the plans of the units their leader roles reach, the reviews
// and unfinished measures due within DUE_WITHIN_DAYS or overdue, and the plans still in draft.
// Overdue first, then by date (drafts last), then by unit name.
import type { Kysely } from 'kysely';
import { DUE_WITHIN_DAYS, type DueListResponse } from '../../shared/api/plans';
import { addDays } from '../../shared/dates';
import type { StaffPrincipal } from '../auth/policy';
import { unitsInScope } from '../auth/scope';
import type { DB } from '../db/schema';
import { listPlans, loadContents } from '../repositories/plans';
import { isFinished } from './rules';
import { namesFor } from './view';

type Item = DueListResponse['items'][number];

export async function dueListFor(
  db: Kysely<DB>,
  staff: StaffPrincipal,
  today: string,
): Promise<DueListResponse> {
  const scope = await unitsInScope(db, staff, ['leader']);
  const plans = (await listPlans(db, staff.municipalityId)).filter(
    (p) =>
      scope.has(p.unit_id) && (p.status === 'draft' || p.status === 'agreed' || p.status === 'in_progress'),
  );
  const contents = await loadContents(
    db,
    plans.map((p) => p.id),
  );
  const names = await namesFor(db, staff.municipalityId, plans);
  const horizon = addDays(today, DUE_WITHIN_DAYS);
  const items: Item[] = [];
  for (const plan of plans) {
    const base = {
      planId: plan.id,
      unitId: plan.unit_id,
      unitName: names.units.get(plan.unit_id) ?? '',
      roundName: names.rounds.get(plan.round_id) ?? '',
    };
    if (plan.status === 'draft') {
      items.push({ ...base, kind: 'draft', measureId: null, text: null, dueOn: null, overdue: false });
      continue;
    }
    if (plan.next_review_on !== null && plan.next_review_on <= horizon) {
      const dueOn = plan.next_review_on;
      items.push({ ...base, kind: 'review', measureId: null, text: null, dueOn, overdue: dueOn < today });
    }
    for (const m of contents.get(plan.id)!.measures) {
      if (isFinished(m.status) || m.deadline > horizon) continue;
      items.push({
        ...base,
        kind: 'measure',
        measureId: m.id,
        text: m.text,
        dueOn: m.deadline,
        overdue: m.deadline < today,
      });
    }
  }
  const key = (i: Item) => `${i.overdue ? 0 : 1}${i.dueOn ?? '9999-99-99'}`;
  items.sort((a, b) => key(a).localeCompare(key(b)) || a.unitName.localeCompare(b.unitName, 'nb'));
  return { items };
}
