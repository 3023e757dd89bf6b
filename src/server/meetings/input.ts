// What the participants send: joining by code or QR token (a failed guess counts against the client
// address, MEETING_LIMITS.codeGuessesPerHour, in code_guesses like the other guessing limits),
// contributions (a phone in the writing phases of an IGP round; the leader's tablet for a group in
// one-device mode, also in the group phase) and dots. A contribution is stored without author: the
// phone's count lives in a counter row of its own. A resend of a clientId stores nothing
// (`stored: false`); the limits are checked inside the write's transaction, which rolls back on a
// refusal. Votes are final; a replayed ballot changes nothing.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ContributeBody, VoteBody } from '../../shared/api/meetings';
import { MEETING_LIMITS, WRITING_PHASES, type IgpPhase } from '../../shared/meetings';
import { ApiError } from '../api-error';
import { randomToken, sha256Hex } from '../auth/tokens';
import { clientGroup } from '../client-address';
import type { CodeHasher } from '../codes/code-hasher';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import { chargeGuesses, deleteGuessWindowsBefore } from '../repositories/code-guesses';
import {
  addDots,
  addToCounter,
  bumpVersion,
  contributionExists,
  counterValue,
  deleteMinuteCounters,
  findContribution,
  findMeeting,
  findMeetingByCodeHash,
  findMeetingByTokenHash,
  findParticipant,
  insertBallot,
  insertContribution,
  insertParticipant,
  labelContribution,
  type MeetingRow,
} from '../repositories/meetings';
import { meetingCodeHash, tokenHash } from './secrets';
import { currentStep, dotsSlot, isClosed, phaseSlot, voteOptions } from './snapshot';

const GUESS_WINDOW_MS = 3_600_000;

/**
 * Charges `hits` failed guesses (0: only asks); the seconds to wait when the client's hour is used
 * up. A client over its limit is refused every code, good or bad, so a refusal tells it nothing.
 */
async function chargeFailure(db: Kysely<DB>, hasher: CodeHasher, address: string, now: Date, hits = 1) {
  const at = now.getTime();
  const window = Math.floor(at / GUESS_WINDOW_MS);
  await deleteGuessWindowsBefore(db, window);
  const scope = `meeting-code:${hasher.hashClient(clientGroup(address))}`;
  const decision = await chargeGuesses(db, window, [
    { scope, hits, limit: MEETING_LIMITS.codeGuessesPerHour },
  ]);
  if (decision === 'admitted') return undefined;
  return Math.max(1, Math.ceil(((window + 1) * GUESS_WINDOW_MS - at) / 1000));
}

export type JoinResult =
  | { meeting: MeetingRow; participantId: string; cookieToken: string | undefined }
  | { retryAfterSeconds: number };

/**
 * Joins by code or token. A phone that already holds a cookie of this meeting keeps its participant
 * (cookieToken undefined: nothing to set); otherwise a new participant with a random cookie token.
 */
export async function joinMeeting(
  database: Database,
  hasher: CodeHasher,
  body: { code: string } | { token: string },
  client: { address: string; now: Date; cookieToken: string | undefined },
): Promise<JoinResult> {
  const db = database.kysely;
  // The token has 256 bits: it is answered even while the client is held back (like the public plan link).
  if ('code' in body) {
    const retryAfterSeconds = await chargeFailure(db, hasher, client.address, client.now, 0);
    if (retryAfterSeconds !== undefined) return { retryAfterSeconds };
  }
  const found =
    'code' in body
      ? await findMeetingByCodeHash(db, meetingCodeHash(hasher, body.code))
      : await findMeetingByTokenHash(db, tokenHash(body.token));
  if (!found || isClosed(found, client.now)) {
    const retryAfterSeconds = await chargeFailure(db, hasher, client.address, client.now);
    if (retryAfterSeconds !== undefined) return { retryAfterSeconds };
    throw new ApiError('MEETING_CODE_INVALID');
  }
  if (client.cookieToken !== undefined) {
    const held = await findParticipant(db, sha256Hex(client.cookieToken));
    if (held?.meeting_id === found.id)
      return { meeting: found, participantId: held.id, cookieToken: undefined };
  }
  const cookieToken = randomToken();
  const participantId = randomUUID();
  await db.transaction().execute(async (trx) => {
    await insertParticipant(trx, {
      id: participantId,
      meeting_id: found.id,
      token_hash: sha256Hex(cookieToken),
    });
    await bumpVersion(trx, found.id);
  });
  return { meeting: (await findMeeting(db, found.id))!, participantId, cookieToken };
}

/** The phone's participant and meeting from its cookie: MEETING_NOT_JOINED, or MEETING_CLOSED. */
export async function participantOf(database: Database, cookieToken: string | undefined, now: Date) {
  const db = database.kysely;
  const participant =
    cookieToken === undefined ? undefined : await findParticipant(db, sha256Hex(cookieToken));
  const meeting = participant && (await findMeeting(db, participant.meeting_id));
  if (!participant || !meeting) throw new ApiError('MEETING_NOT_JOINED');
  if (isClosed(meeting, now)) throw new ApiError('MEETING_CLOSED');
  return { participantId: participant.id, meeting };
}

const clientKey = (meetingId: string, clientId: string) =>
  sha256Hex(`meeting-client\u0000${meetingId}\u0000${clientId.toLowerCase()}`);

export interface Writer {
  /** A participant id, or 'group:<n>' for a group's shared tablet. */
  key: string;
  group: number | null;
}

/** The writer of a contribution from the leader's session: one-device mode only, for one group. */
export function groupWriter(meeting: MeetingRow, group: number | undefined): Writer {
  if (meeting.one_device !== 1)
    throw new ApiError('MEETING_WRONG_STEP', 'Only a one-device meeting takes contributions from the leader');
  if (group === undefined || group > meeting.groups)
    throw new ApiError('VALUE_OUT_OF_RANGE', `group must be one of the meeting's ${meeting.groups} groups`);
  return { key: `group:${group}`, group };
}

export async function contribute(
  database: Database,
  meeting: MeetingRow,
  writer: Writer,
  body: ContributeBody,
  now: Date,
): Promise<{ stored: boolean; remainingContributions: number }> {
  const step = currentStep(meeting);
  const phase = step.kind === 'igp' ? meeting.phase : null;
  const phases: readonly IgpPhase[] = writer.group === null ? WRITING_PHASES : [...WRITING_PHASES, 'group'];
  if (phase === null || !phases.includes(phase))
    throw new ApiError('MEETING_WRONG_STEP', 'Contributions are written in the individual phases');
  if (writer.group === null && body.group !== undefined)
    throw new ApiError('MALFORMED_REQUEST', 'A phone writes for no group');
  const limit =
    writer.group === null
      ? MEETING_LIMITS.contributionsPerPhonePerPhase
      : MEETING_LIMITS.contributionsPerGroupDevicePerPhase;
  const slot = phaseSlot(meeting.step_index, phase);
  const key = clientKey(meeting.id, body.clientId);
  const db = database.kysely;
  const remaining = async () => Math.max(0, limit - (await counterValue(db, meeting.id, writer.key, slot)));
  if (await contributionExists(db, meeting.id, key))
    return { stored: false, remainingContributions: await remaining() };
  const minute = `minute:${Math.floor(now.getTime() / 60_000)}`;
  const stored = await db.transaction().execute(async (trx) => {
    const inserted = await insertContribution(trx, {
      id: randomUUID(),
      meeting_id: meeting.id,
      step_index: meeting.step_index,
      phase,
      group_no: writer.group,
      label: null,
      text: body.text.trim(),
      shown: 0,
      client_key: key,
    });
    if (!inserted) return false;
    if ((await addToCounter(trx, meeting.id, writer.key, slot)) > limit)
      throw new ApiError('MEETING_LIMIT_REACHED');
    await deleteMinuteCounters(trx, meeting.id, minute);
    if (
      (await addToCounter(trx, meeting.id, `${writer.key}:rate`, minute)) >
      MEETING_LIMITS.contributionsPerMinute
    )
      throw new ApiError('RATE_LIMITED', 'Too many contributions in a minute; wait a little');
    await bumpVersion(trx, meeting.id);
    return true;
  });
  return { stored, remainingContributions: await remaining() };
}

export async function vote(
  database: Database,
  meeting: MeetingRow,
  participantId: string,
  body: VoteBody,
): Promise<void> {
  const step = currentStep(meeting);
  if (step.kind !== 'vote') throw new ApiError('MEETING_WRONG_STEP', 'No vote is running');
  const db = database.kysely;
  const options = new Set((await voteOptions(db, meeting, meeting.step_index)).map((o) => o.id));
  const entries = Object.entries(body.dots);
  if (entries.length === 0) throw new ApiError('VALUE_OUT_OF_RANGE', 'Place at least one dot');
  if (entries.some(([id]) => !options.has(id)))
    throw new ApiError('INVALID_REFERENCE', 'A dot is on something that is not an option of this vote');
  const total = entries.reduce((sum, [, dots]) => sum + dots, 0);
  await db.transaction().execute(async (trx) => {
    const counted = await insertBallot(trx, {
      meeting_id: meeting.id,
      step_index: meeting.step_index,
      client_key: clientKey(meeting.id, body.clientId),
      participant_id: participantId,
      dots: total,
    });
    if (!counted) return;
    // An atomic counter (the upsert locks its row on PostgreSQL): parallel ballots cannot overspend.
    const used = await addToCounter(trx, meeting.id, participantId, dotsSlot(meeting.step_index), total);
    if (used > MEETING_LIMITS.dotsPerPhone)
      throw new ApiError('MEETING_LIMIT_REACHED', 'More dots than this phone has left');
    for (const [id, dots] of entries) await addDots(trx, meeting.id, meeting.step_index, id, dots);
    await bumpVersion(trx, meeting.id);
  });
}

/** The leader groups a revealed contribution under a label (null takes it out again). */
export async function labelOf(
  database: Database,
  meeting: MeetingRow,
  contributionId: string,
  label: string | null,
): Promise<void> {
  const db = database.kysely;
  const found = await findContribution(db, meeting.id, contributionId);
  if (!found) throw new ApiError('NOT_FOUND', 'No such contribution in this meeting');
  if (Number(found.shown) !== 1)
    throw new ApiError('MEETING_WRONG_STEP', 'Contributions are grouped after they are revealed');
  await db.transaction().execute(async (trx) => {
    await labelContribution(trx, contributionId, label === null ? null : label.trim());
    await bumpVersion(trx, meeting.id);
  });
}
