// Owns the opening of a round together with its frozen reporting frame (issue 11): in one
// transaction the round goes draft → open and its unit tree, names, unit types, employee counts and
// report settings are copied into the frame its reports are read from from then on. A round whose
// codes or kiosks were made for a unit that is no longer below its unit does not open: answers
// with them would belong to no unit of the frame.
import type { Kysely } from 'kysely';
import { ApiError } from '../api-error';
import type { DB } from '../db/schema';
import { freezeFrame, roundUnitIds, unitIdsWithRoundAccess } from '../repositories/round-frames';
import { updateRound, type StoredRound } from '../repositories/rounds';
import type { TransitionPlan } from './lifecycle';

/** True when the round was opened (false: it changed state meanwhile, nothing was written). */
export async function openRoundWithFrame(
  db: Kysely<DB>,
  round: StoredRound,
  plan: TransitionPlan,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await updateRound(trx, round.id, plan.from, plan.changes, plan.to))) return false;
    await freezeFrame(trx, round);
    const framed = await roundUnitIds(trx, round);
    const outside = (await unitIdsWithRoundAccess(trx, round.id)).filter((id) => !framed.has(id));
    if (outside.length > 0) {
      throw new ApiError(
        'INVALID_TRANSITION',
        `Codes or kiosks of this round are for units no longer below its unit: ${outside.slice(0, 5).join(', ')}; move them back first`,
      );
    }
    return true;
  });
}
