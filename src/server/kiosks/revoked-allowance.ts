// Owns the cut-off of a revoked kiosk. A kiosk is revoked because it is lost, stolen or misused, so
// nothing it sends afterwards can be believed, least of all the dates it puts on its answers. What
// the server knew at the revoke is how many answers the kiosk last said were waiting on it (the
// heartbeat, and every sync since issue 10): the revoke turns that count into an allowance
// (repositories/kiosks.ts revokeKiosk). After the revoke the kiosk may deliver that many more
// answers without a code, within the round's window and grace like any other, and then nothing:
// KIOSK_REVOKED. Answers with a personal code are let in by the code, not by the kiosk.
//
// The allowance is taken before the ingest transaction, in statements of their own, and what was
// taken for answers that were not stored after all (a duplicate from a racing batch, a failed
// transaction) is given back after it: the kiosk row never changes inside the transaction that
// stores an answer (see repositories/kiosks.ts).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { returnRevokedAllowance, takeRevokedAllowance } from '../repositories/kiosks';

/** Never more than this: a hostile kiosk may have reported any count before it was revoked. */
export { MAX_REPORTED_PENDING as MAX_REVOKED_ALLOWANCE } from '../../shared/api/respondent';

/**
 * Takes up to `wanted` of the kiosk's allowance and returns how many it got: all at once when
 * there is enough (the usual case), else one by one until none is left. Each take is atomic, so
 * parallel batches together never get more than the allowance.
 */
export async function takeAllowance(db: Kysely<DB>, kioskId: string, wanted: number): Promise<number> {
  if (wanted <= 0) return 0;
  if (await takeRevokedAllowance(db, kioskId, wanted)) return wanted;
  let taken = 0;
  while (taken < wanted && (await takeRevokedAllowance(db, kioskId, 1))) taken += 1;
  return taken;
}

export async function giveBackAllowance(db: Kysely<DB>, kioskId: string, count: number): Promise<void> {
  await returnRevokedAllowance(db, kioskId, count);
}
