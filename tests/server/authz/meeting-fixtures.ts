// The meetings of the authorisation matrix (table-meetings.ts), written straight through the
// meetings repository into the published report round over the sector: meeting A of unit A, open,
// in the individual phase of its strengths round; meeting X of unit A, closed (its event stream
// sends the final snapshot and ends, so the matrix can open it); meeting E of unit A, expired, with
// a phone. Each meeting's code and token are derived as the server derives them, under the test key.
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/server/db/schema';
import { meetingCode, meetingCodeHash, meetingToken, tokenHash } from '../../../src/server/meetings/secrets';
import { insertMeeting, insertParticipant } from '../../../src/server/repositories/meetings';
import { NOW, TEST_CODE_HASHER } from '../support/fixtures';

const A = 'authz-meeting-a';
export const MEETING_FIXTURES = {
  meetingA: A,
  closedMeeting: 'authz-meeting-closed',
  expiredMeeting: 'authz-meeting-expired',
  tokenA: meetingToken(TEST_CODE_HASHER, A),
  /** The participant cookie of a phone in meeting A, and of one in the expired meeting. */
  phoneA: 'tf_meeting=AuthzPhoneOfMeetingA-0123456789abcdefghijk',
  phoneExpired: 'tf_meeting=AuthzPhoneOfExpiredMeeting-0123456789abcd',
} as const;

const STEPS = [
  { kind: 'intro', prompt: null, factorId: null, measureId: null, text: null },
  { kind: 'igp', prompt: 'strengths', factorId: null, measureId: null, text: null },
  { kind: 'summary', prompt: null, factorId: null, measureId: null, text: null },
];

export async function seedMeetingFixtures(db: Kysely<DB>, roundId: string, unitId: string) {
  const F = MEETING_FIXTURES;
  const meeting = (id: string, changes: object) => ({
    id,
    municipality_id: 'm1',
    unit_id: unitId,
    round_id: roundId,
    template: 'analysis' as const,
    language: 'nb',
    groups: 2,
    one_device: 0,
    state: 'open' as const,
    steps: JSON.stringify(STEPS),
    step_index: 1,
    phase: 'individual' as const,
    timer_running: 0,
    timer_duration_seconds: 300,
    timer_remaining_seconds: 300,
    timer_started_at: null,
    roles: null,
    revealed_steps: '[]',
    code_hash: meetingCodeHash(TEST_CODE_HASHER, meetingCode(TEST_CODE_HASHER, id)),
    token_hash: tokenHash(meetingToken(TEST_CODE_HASHER, id)),
    expires_at: new Date(NOW.getTime() + 12 * 3_600_000).toISOString(),
    focus: null,
    plan_id: null,
    summary: null,
    version: 1,
    created_at: NOW.toISOString(),
    ...changes,
  });
  if (!(await insertMeeting(db, meeting(F.meetingA, {})))) return;
  await insertMeeting(
    db,
    meeting(F.closedMeeting, {
      state: 'closed',
      step_index: 2,
      phase: null,
      code_hash: null,
      token_hash: null,
      summary: 'Oppsummert.',
    }),
  );
  await insertMeeting(
    db,
    meeting(F.expiredMeeting, { expires_at: new Date(NOW.getTime() - 1000).toISOString() }),
  );
  const cookieToken = (cookie: string) => cookie.slice('tf_meeting='.length);
  await insertParticipant(db, {
    id: 'authz-phone-a',
    meeting_id: F.meetingA,
    token_hash: tokenHash(cookieToken(F.phoneA)),
  });
  await insertParticipant(db, {
    id: 'authz-phone-expired',
    meeting_id: F.expiredMeeting,
    token_hash: tokenHash(cookieToken(F.phoneExpired)),
  });
}
