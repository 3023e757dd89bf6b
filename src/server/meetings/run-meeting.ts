// Creating, reading and running a meeting: the leader of the unit (or above) or an admin creates it
// for a published round of their municipality; control moves the timer, phases and steps, draws the
// roles and reveals a round. Every change raises the meeting's version; the route publishes it on
// the bus after the change has committed. A closed or expired meeting refuses every change
// (MEETING_CLOSED); its input is deleted on approval (./outcome.ts) or, unapproved,
// MEETING_LIMITS.retentionDays after it expired (purgeExpiredMeetings).
import { randomInt, randomUUID } from 'node:crypto';
import type { CreateMeetingBody, MeetingControlBody } from '../../shared/api/meetings';
import type { FactorId } from '../../shared/factors';
import { GROUP_ROLES, MEETING_LIMITS, ROLE_RULES, type RoleRule } from '../../shared/meetings';
import { ApiError, notFound } from '../api-error';
import { recordAudit } from '../audit/record';
import type { StaffPrincipal } from '../auth/policy';
import { isUnitInScope } from '../auth/scope';
import type { CodeHasher } from '../codes/code-hasher';
import type { Database } from '../db/database';
import {
  claimExpiredMeeting,
  deleteMeetingInput,
  expiredMeetings,
  findMeeting,
  insertMeeting,
  listMeetings,
  showContributions,
  updateMeeting,
  type MeetingRow,
} from '../repositories/meetings';
import { findMunicipality } from '../repositories/municipalities';
import { findPlanOf, loadContents } from '../repositories/plans';
import { findRound } from '../repositories/rounds';
import { publishedRound } from '../plans/create-plan';
import { planBasis } from '../plans/basis';
import { meetingCode, meetingCodeHash, meetingToken, tokenHash } from './secrets';
import { currentStep, isClosed, revealedOf, stepsOf } from './snapshot';
import { buildSteps } from './steps';
import {
  extendTimer,
  freshTimer,
  nextPhase,
  pauseTimer,
  previousPhase,
  startTimer,
  type TimerColumns,
} from './timer';

/** Who runs meetings; the unit's reps read them (see routes/meetings.ts). */
export const MEETING_RUNNERS = ['admin', 'leader'] as const;
export const MEETING_READERS = ['admin', 'leader', 'union_rep', 'safety_rep'] as const;

/** The meeting's unit, for the access policy's unit scope; undefined (404) for no such meeting. */
export async function meetingUnitId(database: Database, meetingId: string | undefined) {
  if (meetingId === undefined) return undefined;
  return (await findMeeting(database.kysely, meetingId))?.unit_id;
}

export async function ownMeeting(database: Database, staff: StaffPrincipal, meetingId: string) {
  const meeting = await findMeeting(database.kysely, meetingId);
  if (!meeting || meeting.municipality_id !== staff.municipalityId) throw notFound('No such meeting');
  return meeting;
}

export const mayRun = (database: Database, staff: StaffPrincipal, meeting: MeetingRow) =>
  isUnitInScope(database.kysely, staff, meeting.unit_id, MEETING_RUNNERS);

/** A meeting the caller may change now: open, not expired. */
export async function openMeeting(database: Database, staff: StaffPrincipal, meetingId: string, now: Date) {
  const meeting = await ownMeeting(database, staff, meetingId);
  if (isClosed(meeting, now)) throw new ApiError('MEETING_CLOSED');
  return meeting;
}

/** Deletes the input of unapproved meetings that expired more than retentionDays ago. */
export async function purgeExpiredMeetings(database: Database, now: Date): Promise<void> {
  const before = new Date(now.getTime() - MEETING_LIMITS.retentionDays * 86_400_000).toISOString();
  for (const meeting of await expiredMeetings(database.kysely, before)) {
    await database.kysely.transaction().execute(async (trx) => {
      if (!(await claimExpiredMeeting(trx, meeting.id))) return;
      const contributions = await deleteMeetingInput(trx, meeting.id);
      // The deletion is itself in the audit log (issue 15), with what went: a count, never a text.
      await recordAudit(
        trx,
        { userId: null, municipalityId: meeting.municipalityId },
        {
          action: 'retention.meetings_deleted',
          unitId: meeting.unitId,
          roundId: meeting.roundId,
          detail: String(contributions),
        },
        now,
      );
    });
  }
}

function enterStep(
  steps: ReturnType<typeof stepsOf>,
  index: number,
): { step_index: number; phase: MeetingRow['phase'] } & TimerColumns {
  const phase = steps[index]!.kind === 'igp' ? 'individual' : null;
  return { step_index: index, phase, ...freshTimer(phase) };
}

export async function createMeeting(
  database: Database,
  hasher: CodeHasher,
  staff: StaffPrincipal,
  body: CreateMeetingBody,
  now: Date,
): Promise<MeetingRow> {
  const db = database.kysely;
  await purgeExpiredMeetings(database, now);
  const round = await publishedRound(database, staff, body.roundId);
  const municipality = await findMunicipality(db, staff.municipalityId);
  if (!municipality) throw notFound('No such municipality');
  let plan;
  if (body.template === 'analysis') {
    if (!(await planBasis(database, round, body.unitId)))
      throw notFound('The unit is not part of this round');
  } else {
    const row = await findPlanOf(db, round.id, body.unitId);
    plan = row && (await loadContents(db, [row.id])).get(row.id);
  }
  const steps = buildSteps(body.template, body.candidateFactors, plan);
  const planRow = plan ? await findPlanOf(db, round.id, body.unitId) : undefined;
  for (let attempt = 0; attempt < 4; attempt++) {
    const id = randomUUID();
    const inserted = await insertMeeting(db, {
      id,
      municipality_id: staff.municipalityId,
      unit_id: body.unitId,
      round_id: round.id,
      template: body.template,
      language: body.language ?? municipality.language,
      groups: body.groups,
      one_device: body.oneDevice ? 1 : 0,
      state: 'open',
      steps: JSON.stringify(steps),
      ...enterStep(steps, 0),
      roles: null,
      revealed_steps: '[]',
      code_hash: meetingCodeHash(hasher, meetingCode(hasher, id)),
      token_hash: tokenHash(meetingToken(hasher, id)),
      expires_at: new Date(now.getTime() + MEETING_LIMITS.meetingHours * 3_600_000).toISOString(),
      focus: null,
      plan_id: planRow?.id ?? null,
      summary: null,
      version: 1,
      created_at: now.toISOString(),
    });
    if (inserted) return (await findMeeting(db, id))!;
  }
  throw new Error('Four meeting ids in a row drew a code already in use');
}

export async function meetingsOf(
  database: Database,
  staff: StaffPrincipal,
  roundId: string,
  unitId: string,
  now: Date,
) {
  await purgeExpiredMeetings(database, now);
  const rows = await listMeetings(database.kysely, staff.municipalityId, roundId, unitId);
  return {
    meetings: rows.map((m) => ({
      meetingId: m.id,
      unitId: m.unit_id,
      roundId: m.round_id,
      template: m.template,
      state: isClosed(m, now) ? ('closed' as const) : ('open' as const),
      createdAt: m.created_at,
      summary: m.summary,
    })),
  };
}

/** One rule per role for each group, drawn with the crypto generator; no rule twice in a group. */
export function drawRoles(groups: number): { group: number; roles: Record<string, RoleRule> }[] {
  return Array.from({ length: groups }, (_, i) => {
    const pool: RoleRule[] = [...ROLE_RULES];
    const roles: Record<string, RoleRule> = {};
    for (const role of GROUP_ROLES) roles[role] = pool.splice(randomInt(pool.length), 1)[0]!;
    return { group: i + 1, roles };
  });
}

export async function controlMeeting(
  database: Database,
  staff: StaffPrincipal,
  meetingId: string,
  body: MeetingControlBody,
  now: Date,
): Promise<void> {
  const meeting = await openMeeting(database, staff, meetingId, now);
  const steps = stepsOf(meeting);
  const step = currentStep(meeting);
  const phase = step.kind === 'igp' ? meeting.phase : null;
  const wrong = (why: string) => new ApiError('MEETING_WRONG_STEP', why);
  const update = (changes: Parameters<typeof updateMeeting>[2]) =>
    updateMeeting(database.kysely, meeting.id, changes);
  switch (body.action) {
    case 'start':
    case 'resume':
      if (phase === null) throw wrong('Only an IGP round has a timer');
      return update(startTimer(meeting, now));
    case 'pause':
      if (phase === null) throw wrong('Only an IGP round has a timer');
      return update(pauseTimer(meeting, now));
    case 'extend':
      if (phase === null) throw wrong('Only an IGP round has a timer');
      return update(extendTimer(meeting, body.minutes, now));
    case 'next': {
      const next = phase === null ? undefined : nextPhase(phase);
      if (next) return update({ phase: next, ...freshTimer(next) });
      if (meeting.step_index + 1 >= steps.length) throw wrong('This is the last step');
      return update(enterStep(steps, meeting.step_index + 1));
    }
    case 'previous': {
      const previous = phase === null ? undefined : previousPhase(phase);
      if (previous) return update({ phase: previous, ...freshTimer(previous) });
      if (meeting.step_index === 0) throw wrong('This is the first step');
      return update(enterStep(steps, meeting.step_index - 1));
    }
    case 'drawRoles':
      return update({ roles: JSON.stringify(drawRoles(meeting.groups)) });
    case 'reveal': {
      if (step.kind !== 'igp') throw wrong('Only an IGP round is revealed');
      // Again after new contributions: those written since the last reveal are shown now.
      const revealed = revealedOf(meeting);
      const shown = revealed.includes(meeting.step_index) ? revealed : [...revealed, meeting.step_index];
      await database.kysely.transaction().execute(async (trx) => {
        await showContributions(trx, meeting.id, meeting.step_index);
        await updateMeeting(trx, meeting.id, { revealed_steps: JSON.stringify(shown) });
      });
      return;
    }
  }
}

/** The unit's figures for the results step: the report code's, with its suppression (plans/basis.ts). */
export async function meetingResults(database: Database, staff: StaffPrincipal, meetingId: string) {
  const meeting = await ownMeeting(database, staff, meetingId);
  const round = await findRound(database.kysely, staff.municipalityId, meeting.round_id);
  if (!round) throw notFound('No such round');
  const basis = await planBasis(database, round, meeting.unit_id);
  if (!basis) throw notFound('The unit is not part of this round');
  return {
    basedOnUnitId: basis.basedOnUnitId,
    factors: Object.entries(basis.figures).map(([factorId, average]) => ({
      factorId: factorId as FactorId,
      average: average ?? null,
    })),
  };
}
