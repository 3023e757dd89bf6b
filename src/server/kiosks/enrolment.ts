// Owns enrolling a tablet: the link is used up and the kiosk made in one transaction, a kiosk
// without a label gets the next "Nettbrett n" of its unit and round, and a link that fails says
// why (unknown, used or expired), so the person holding the tablet knows to ask for a new one.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ApiError } from '../api-error';
import { randomToken } from '../auth/tokens';
import type { DB } from '../db/schema';
import { consumeEnrolment, countKiosks, findEnrolment, insertKiosk } from '../repositories/kiosks';
import { findRounds } from '../repositories/rounds';

/** Why the link could not be used, from what is stored of it (undefined: never issued). */
export function enrolmentFailure(stored: { used: boolean } | undefined): string {
  if (!stored) return 'This enrolment link is unknown';
  return stored.used ? 'This enrolment link has been used' : 'This enrolment link has expired';
}

/** The label a kiosk gets when the link named none: numbered after the unit's kiosks in the round. */
export function defaultKioskLabel(kiosksBefore: number): string {
  return `Nettbrett ${kiosksBefore + 1}`;
}

type Outcome = { ok: true; credential: string; kioskId: string } | { ok: false; reason: string };

/** The new kiosk's credential (shown once) and id; 400 ENROLMENT_INVALID when the link fails. */
export async function enrolKiosk(
  db: Kysely<DB>,
  token: string,
  now: Date,
): Promise<{ credential: string; kioskId: string }> {
  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    const enrolment = await consumeEnrolment(trx, token, now);
    if (!enrolment) return { ok: false, reason: enrolmentFailure(await findEnrolment(trx, token)) };
    const round = (await findRounds(trx, [enrolment.roundId])).get(enrolment.roundId)!;
    const label =
      enrolment.label ?? defaultKioskLabel(await countKiosks(trx, enrolment.unitId, enrolment.roundId));
    const credential = randomToken();
    const kioskId = randomUUID();
    await insertKiosk(trx, {
      id: kioskId,
      municipalityId: round.municipalityId,
      unitId: enrolment.unitId,
      roundId: enrolment.roundId,
      label,
      credential,
      enrolledAt: now.toISOString(),
    });
    return { ok: true, credential, kioskId };
  });
  if (!outcome.ok) throw new ApiError('ENROLMENT_INVALID', outcome.reason);
  return { credential: outcome.credential, kioskId: outcome.kioskId };
}
