// Owns which rounds a device answers in: an enrolled kiosk its own round and unit (also before the
// round opens and in the grace days after, so it can show its state and keep syncing), any other
// device the rounds open today in its municipality — several may be open at once, and the device
// caches them all; a coded answer goes to its code's round whichever it names (../ingest/code-round.ts)
// — and what a checked one-time code lets its holder start.
//
// The municipality is the one whose entry address (/k/<slug>, ../../shared/entry-slug.ts) the device
// was opened with. The old single-round address (/rounds/current) takes it as `?m=<slug>`; without
// one it means the only municipality when there is one, and on an instance of several the newest
// open round of any (what old clients always got: their coded answers now find their round by code).
import type { Kysely } from 'kysely';
import type { CodeCheckResponse } from '../../shared/api/organisation';
import type { CurrentRoundResponse } from '../../shared/api/respondent';
import { isEntrySlug } from '../../shared/entry-slug';
import { ApiError, notFound } from '../api-error';
import type { DB } from '../db/schema';
import type { KioskRecord } from '../repositories/kiosks';
import { findMunicipalityByEntrySlug, soleMunicipalityId } from '../repositories/organisation';
import { findOpenRounds, findRounds, type StoredRound } from '../repositories/rounds';
import { findUnitName } from '../repositories/units';
import { deviceStatus, isAnsweringDay } from './lifecycle';

export interface DeviceRound {
  round: StoredRound;
  unit: { id: string; name: string };
}

type Kiosk = Pick<KioskRecord, 'roundId' | 'unitId' | 'revokedOn'>;

/** The kiosk's own round; 403 KIOSK_REVOKED. */
async function kioskRound(db: Kysely<DB>, kiosk: Kiosk): Promise<DeviceRound> {
  if (kiosk.revokedOn !== null) {
    throw new ApiError('KIOSK_REVOKED', `This tablet was revoked on ${kiosk.revokedOn}`);
  }
  const round = (await findRounds(db, [kiosk.roundId])).get(kiosk.roundId)!;
  return { round, unit: await findUnitName(db, kiosk.unitId) };
}

/** The municipality of an entry slug: 400 MALFORMED_REQUEST when it cannot be one, 404 ENTRY_UNKNOWN. */
export async function entryMunicipality(
  db: Kysely<DB>,
  slug: string,
): Promise<{ id: string; name: string; entrySlug: string }> {
  if (!isEntrySlug(slug)) {
    throw new ApiError('MALFORMED_REQUEST', 'An entry address holds 2 to 63 of a-z, 0-9 and single hyphens');
  }
  const found = await findMunicipalityByEntrySlug(db, slug);
  if (!found) throw new ApiError('ENTRY_UNKNOWN', 'No municipality has this entry address');
  return found;
}

/** Every round a device of this municipality offers today, newest first (a kiosk: its own only). */
export async function roundsForDevice(
  db: Kysely<DB>,
  kiosk: Kiosk | undefined,
  municipalityId: string,
  today: string,
): Promise<DeviceRound[]> {
  if (kiosk) return [await kioskRound(db, kiosk)];
  const open = await findOpenRounds(db, today, municipalityId);
  return open.map(({ round, unitName }) => ({ round, unit: { id: round.unitId, name: unitName } }));
}

/**
 * The one round of the old address: a kiosk's own, else the newest open round of the municipality
 * `slug` names (see the top of this file without one); 403 KIOSK_REVOKED, or 404 when none is open.
 */
export async function roundForDevice(
  db: Kysely<DB>,
  kiosk: Kiosk | undefined,
  today: string,
  slug?: string,
): Promise<DeviceRound> {
  if (kiosk) return kioskRound(db, kiosk);
  const municipalityId =
    slug !== undefined ? (await entryMunicipality(db, slug)).id : await soleMunicipalityId(db);
  const [found] = await findOpenRounds(db, today, municipalityId);
  if (!found) throw notFound('No round is open');
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
