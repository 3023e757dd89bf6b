// The semantic checks of one well-formed response against its round and questionnaire version,
// and its way in: a personal one-time code, or an enrolled kiosk of an open-kiosk unit. Returns the
// normalised response to store (a code is checked and used later, in the ingest transaction), or
// the first reason to reject it. Pure: everything it needs is loaded beforehand into the context,
// once per batch.
//
// Round windows, by the server's Oslo date on receipt (`today`), never by the device's clock alone:
// - draft, or received before opensOn: ROUND_NOT_OPEN. Published: ROUND_CLOSED.
// - received from opensOn to closesOn: taken, with a code or from an open kiosk, whatever date the
//   device put on it. An answer received while the round is open was made while it was open (or
//   before: a device cannot offer a round it has not fetched), so no device date can lose it.
// - received after closesOn (or once closed, which sets closesOn to the day of closing), up to
//   closesOn + graceDays: taken only with a way in (an enrolled kiosk, or a personal code: the PWA
//   works offline on phones as well, and a code lets in one answer, so a late sync cannot add
//   answers beyond the people invited), and only if it was collected by the close. The device's
//   date is the only witness of that, so it is believed where it can be true and ignored where it
//   cannot (see storedDate): on or before closesOn, taken; a day after closesOn that has already
//   come (up to today), the device says it was made after the close: ROUND_CLOSED; a day after
//   today has not come yet, so the device's clock is wrong and says nothing about when: taken.
// - received after closesOn + graceDays: ROUND_CLOSED.
//
// The device's date is first put on the server's calendar when the batch says what day the device
// thought it was (IngestRequest.deviceToday): a clock k days ahead has its answers' dates moved back
// k days, so an answer made on the last days of the round by such a device is not taken for a late
// one once the real date has caught up.
//
// The date stored with an answer (a date, never a time) is the device's date moved into what can be
// true: not before opensOn (a clock behind, say 1970), not after the day it was received (a clock
// ahead, say 2099) and, after the close, not after closesOn. Only a string that is no calendar date
// at all is INVALID_DATE.
import type { ErrorCode } from '../../shared/api/errors';
import type { SubmittedResponse } from '../../shared/api/respondent';
import { normaliseCode } from '../../shared/codes';
import { addDays, isIsoDate } from '../../shared/dates';
import { isLikertValue, type LikertValue } from '../../shared/likert';
import { DECLINED, type Questionnaire } from '../../shared/questionnaire/types';
import type { NewResponse } from './types';
import type { RoundRecord } from '../repositories/rounds';

/** The enrolled kiosk that sent the batch (Authorization: Kiosk …). */
export interface KioskContext {
  roundId: string;
  unitId: string;
  revokedOn: string | null;
}

export interface ValidationContext {
  /** The server's Oslo date: the client's clock is not trusted. */
  today: string;
  /**
   * Days to add to each device date: the server's date minus the device's own date when it sent
   * the batch (IngestRequest.deviceToday); 0 when the device did not say.
   */
  clockShiftDays?: number;
  rounds: ReadonlyMap<string, RoundRecord>;
  questionnaires: ReadonlyMap<string, Questionnaire>;
  /** round id → the round's unit and every unit below it. */
  unitsByRound: ReadonlyMap<string, ReadonlySet<string>>;
  kiosk?: KioskContext;
  /** Whether the kiosk's unit takes answers without a code. */
  kioskUnitIsOpen?: boolean;
}

/**
 * How the answer got in. code: the normalised code, to be used up in the ingest transaction; the
 * code's unit becomes the answer's unit, and the unitId sent must be one of `acceptedUnitIds` (the
 * unit the device was set up with: the round's own unit, or the kiosk's). refusalUnitId is where an
 * unknown code is counted.
 */
export type WayIn =
  /** revoked: the kiosk was revoked, so the answer needs one of its allowance (ingest-batch.ts). */
  | { kind: 'kiosk'; revoked: boolean }
  | { kind: 'code'; code: string; acceptedUnitIds: readonly string[]; refusalUnitId: string };

export type Validated =
  { ok: true; response: NewResponse; wayIn: WayIn } | { ok: false; code: ErrorCode; message: string };

class Rejection extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Client-chosen keys are echoed in messages, but never at length. */
const quote = (key: string) => JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);

function checkRound(
  item: SubmittedResponse,
  ctx: ValidationContext,
): { round: RoundRecord; q: Questionnaire } {
  const round = ctx.rounds.get(item.roundId);
  if (!round) throw new Rejection('UNKNOWN_ROUND', 'No such round');
  if (round.status === 'draft') throw new Rejection('ROUND_NOT_OPEN', 'The round is not open');
  if (round.status === 'published')
    throw new Rejection('ROUND_CLOSED', `The round closed on ${round.closesOn}`);
  if (ctx.today < round.opensOn) throw new Rejection('ROUND_NOT_OPEN', `The round opens on ${round.opensOn}`);
  if (ctx.today > addDays(round.closesOn, round.graceDays)) {
    throw new Rejection('ROUND_CLOSED', `The round closed on ${round.closesOn}`);
  }
  if (!ctx.unitsByRound.get(round.id)?.has(item.unitId)) {
    throw new Rejection('UNKNOWN_UNIT', 'The unit is not part of this round');
  }
  const q = ctx.questionnaires.get(item.questionnaireVersion);
  if (!q) throw new Rejection('UNKNOWN_QUESTIONNAIRE_VERSION', 'No such questionnaire version');
  if (item.questionnaireVersion !== round.questionnaireVersion) {
    throw new Rejection(
      'QUESTIONNAIRE_VERSION_MISMATCH',
      `The round uses questionnaire ${round.questionnaireVersion}`,
    );
  }
  return { round, q };
}

/** The code, or the kiosk, that lets this answer in; the unit it is stored under (for a kiosk). */
function checkWayIn(
  item: SubmittedResponse,
  round: RoundRecord,
  ctx: ValidationContext,
): { wayIn: WayIn; unitId: string } {
  const kiosk = ctx.kiosk?.roundId === round.id ? ctx.kiosk : undefined;
  if (item.code !== undefined) {
    const acceptedUnitIds = [round.unitId, ...(kiosk ? [kiosk.unitId] : [])];
    // An unknown code is counted for the kiosk's unit, else for the unit the device claimed.
    const refusalUnitId = kiosk?.unitId ?? item.unitId;
    return {
      wayIn: { kind: 'code', code: normaliseCode(item.code), acceptedUnitIds, refusalUnitId },
      unitId: item.unitId,
    };
  }
  if (!kiosk || !ctx.kioskUnitIsOpen) {
    throw new Rejection('CODE_REQUIRED', 'This answer needs a one-time code');
  }
  // A revoked kiosk is not cut off here by the date it puts on its answers (it could put any):
  // the ingest lets in only as many as it reported waiting when it was revoked.
  if (item.unitId !== kiosk.unitId && item.unitId !== round.unitId) {
    throw new Rejection('UNIT_MISMATCH', "The unit is not this tablet's unit");
  }
  // The answer is stored under the kiosk's unit, which must be in the round's frame too.
  if (!ctx.unitsByRound.get(round.id)?.has(kiosk.unitId)) {
    throw new Rejection('UNKNOWN_UNIT', 'The unit is not part of this round');
  }
  return { wayIn: { kind: 'kiosk', revoked: kiosk.revokedOn !== null }, unitId: kiosk.unitId };
}

/**
 * The device's date on the server's calendar: a clock that was k days ahead when it sent the batch
 * was k days ahead when the answer was made (a date that is no calendar date stays as sent).
 */
function corrected(answeredOn: string, shift: number | undefined): string {
  return shift && isIsoDate(answeredOn) ? addDays(answeredOn, shift) : answeredOn;
}

/** The date to store, or the reason the answer is too late (see the top of this file). */
function storedDate(answeredOn: string, round: RoundRecord, today: string): string {
  if (!isIsoDate(answeredOn)) throw new Rejection('INVALID_DATE', 'answeredOn is not a calendar date');
  const latest = today <= round.closesOn ? today : round.closesOn;
  if (answeredOn > round.closesOn && answeredOn <= today) {
    throw new Rejection('ROUND_CLOSED', `Made after the round closed on ${round.closesOn}`);
  }
  if (answeredOn < round.opensOn) return round.opensOn;
  return answeredOn > latest ? latest : answeredOn;
}

function normaliseAnswers(item: SubmittedResponse, q: Questionnaire): Record<string, LikertValue | null> {
  const known = new Set(q.statements.map((s) => s.id));
  for (const [key, value] of Object.entries(item.answers)) {
    if (!known.has(key))
      throw new Rejection('UNKNOWN_STATEMENT', `No statement ${quote(key)} in ${q.version}`);
    if (value !== null && !isLikertValue(value)) {
      throw new Rejection('VALUE_OUT_OF_RANGE', `The answer to ${quote(key)} must be 1 to 5, or null`);
    }
  }
  const answers: Record<string, LikertValue | null> = {};
  for (const s of q.statements) {
    const value = Object.hasOwn(item.answers, s.id) ? item.answers[s.id] : null;
    answers[s.id] = isLikertValue(value) ? value : null;
  }
  return answers;
}

function checkBackground(
  item: SubmittedResponse,
  round: RoundRecord,
  q: Questionnaire,
): Record<string, string> {
  const entries = Object.entries(item.background);
  if (entries.length > 0 && !round.backgroundEnabled) {
    throw new Rejection('BACKGROUND_NOT_ALLOWED', 'This round asks no background questions');
  }
  for (const [key, value] of entries) {
    const question = q.background.find((b) => b.id === key);
    if (!question) throw new Rejection('UNKNOWN_BACKGROUND_QUESTION', `No background question ${quote(key)}`);
    if (value !== DECLINED && !question.options.some((o) => o.value === value)) {
      throw new Rejection('INVALID_BACKGROUND_VALUE', `${quote(value)} is not an option of ${key}`);
    }
  }
  return Object.fromEntries(entries);
}

function normaliseOpenText(item: SubmittedResponse, round: RoundRecord, q: Questionnaire): string | null {
  const text = item.openText?.trim() ?? '';
  if (text === '') return null;
  if (!round.openQuestionEnabled)
    throw new Rejection('OPEN_TEXT_NOT_ALLOWED', 'This round has no open question');
  // Characters as people count them (code points), not UTF-16 units.
  if ([...text].length > q.openQuestion.maxLength) {
    throw new Rejection(
      'OPEN_TEXT_TOO_LONG',
      `The open answer may be at most ${q.openQuestion.maxLength} characters`,
    );
  }
  return text;
}

export function validateResponse(item: SubmittedResponse, ctx: ValidationContext): Validated {
  try {
    const { round, q } = checkRound(item, ctx);
    // After the close only answers made by the close get in (storedDate), each with its way in.
    const answeredOn = storedDate(corrected(item.answeredOn, ctx.clockShiftDays), round, ctx.today);
    const answers = normaliseAnswers(item, q);
    const background = checkBackground(item, round, q);
    const openText = normaliseOpenText(item, round, q);
    const { wayIn, unitId } = checkWayIn(item, round, ctx);
    const response: NewResponse = {
      id: item.id.toLowerCase(),
      roundId: round.id,
      unitId,
      questionnaireVersion: q.version,
      answeredOn,
      answers,
      background,
      openText,
    };
    return { ok: true, response, wayIn };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
