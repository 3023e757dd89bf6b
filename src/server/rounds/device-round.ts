// Owns which round a device answers in: an enrolled kiosk its own round and unit (also before the
// round opens and in the grace days after, so it can show its state and keep syncing), any other
// device the current open round; and what a checked one-time code lets its holder start.
import type { Kysely } from 'kysely';
import type { CodeCheckResponse } from '../../shared/api/organisation';
import type { CurrentRoundResponse } from '../../shared/api/respondent';
import { ApiError, notFound } from '../api-error';
import type { DB } from '../db/schema';
import type { KioskRecord } from '../repositories/kiosks';
import { findCurrentRound, findRounds, type StoredRound } from '../repositories/rounds';
import { findUnitName } from '../repositories/units';
import { deviceStatus, isAnsweringDay } from './lifecycle';

export interface DeviceRound {
  round: StoredRound;
  unit: { id: string; name: string };
}

/** The round a tablet or phone answers in; 403 KIOSK_REVOKED, or 404 when no round is open. */
export async function roundForDevice(
  db: Kysely<DB>,
  kiosk: Pick<KioskRecord, 'roundId' | 'unitId' | 'revokedOn'> | undefined,
  today: string,
): Promise<DeviceRound> {
  if (kiosk) {
    if (kiosk.revokedOn !== null) {
      throw new ApiError('KIOSK_REVOKED', `This tablet was revoked on ${kiosk.revokedOn}`);
    }
    const round = (await findRounds(db, [kiosk.roundId])).get(kiosk.roundId)!;
    return { round, unit: await findUnitName(db, kiosk.unitId) };
  }
  const found = await findCurrentRound(db, today);
  if (!found) throw notFound('No round is open');
  if (found.round.status !== 'open') throw new Error('findCurrentRound returned a round that is not open');
  return { round: found.round, unit: { id: found.round.unitId, name: found.unitName } };
}

/** The round as the device contract shows it. */
export function toDeviceRound({ round, unit }: DeviceRound): CurrentRoundResponse['round'] {
  return {
    id: round.id,
    name: round.name,
    names: round.names,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    status: deviceStatus(round.status),
    defaultLanguage: round.defaultLanguage,
    threshold: round.threshold,
    openQuestionEnabled: round.openQuestionEnabled,
    backgroundEnabled: round.backgroundEnabled,
    questionnaireVersion: round.questionnaireVersion,
    unit,
  };
}

/** For a code that exists and is unused: whether its round takes answers today, and which. */
export async function codeRoundCheck(
  db: Kysely<DB>,
  code: { roundId: string; unitId: string },
  today: string,
): Promise<CodeCheckResponse> {
  const round = (await findRounds(db, [code.roundId])).get(code.roundId)!;
  if (!isAnsweringDay(round, today)) return { status: 'notOpen' };
  const unit = await findUnitName(db, code.unitId);
  const { id, name, opensOn, closesOn, questionnaireVersion } = round;
  return { status: 'valid', round: { id, name, opensOn, closesOn, questionnaireVersion }, unit };
}
