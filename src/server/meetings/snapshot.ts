// What every viewer of a meeting sees (MeetingSnapshotSchema), read from the database each time:
// before the leader reveals a step only its count, never a text; after, the texts in the order of
// their random ids (random, and the same on every read), without author. The leader's view adds the
// code and join token (derived again, ./secrets.ts) for those who may run the meeting; a phone's
// view adds what this phone may still do.
import type { Kysely } from 'kysely';
import type {
  MeetingLeaderView,
  MeetingSnapshot,
  MeetingStep,
  ParticipantView,
} from '../../shared/api/meetings';
import type { FactorId } from '../../shared/factors';
import { MEETING_LIMITS, WRITING_PHASES, type RoleRule } from '../../shared/meetings';
import type { MunicipalityLanguage } from '../../shared/languages';
import type { CodeHasher } from '../codes/code-hasher';
import type { DB } from '../db/schema';
import {
  contributionCount,
  shownContributionsOf,
  counterValue,
  dotsOf,
  participantCount,
  voterCount,
  type MeetingRow,
} from '../repositories/meetings';
import { meetingCode, meetingToken } from './secrets';
import { timerView } from './timer';
import { wordCloud } from './word-cloud';

export const stepsOf = (meeting: MeetingRow): MeetingStep[] => JSON.parse(meeting.steps) as MeetingStep[];
export const revealedOf = (meeting: MeetingRow): number[] => JSON.parse(meeting.revealed_steps) as number[];
export const currentStep = (meeting: MeetingRow): MeetingStep => stepsOf(meeting)[meeting.step_index]!;

/** Closed: its summary approved, or past its hours. */
export const isClosed = (meeting: MeetingRow, now: Date): boolean =>
  meeting.state === 'closed' || Date.parse(meeting.expires_at) <= now.getTime();

/** The options of a vote step: the candidate factors, or the revealed measures of its factor's round. */
export async function voteOptions(
  db: Kysely<DB>,
  meeting: MeetingRow,
  stepIndex: number,
): Promise<{ id: string; label: string }[]> {
  const steps = stepsOf(meeting);
  const vote = steps[stepIndex];
  if (vote?.kind !== 'vote') return [];
  if (vote.factorId === null) {
    return steps
      .filter((s) => s.kind === 'igp' && s.prompt === 'factor' && s.factorId !== null)
      .map((s) => ({ id: s.factorId!, label: s.factorId! }));
  }
  const source = steps.findIndex(
    (s) => s.kind === 'igp' && s.prompt === 'measures' && s.factorId === vote.factorId,
  );
  if (source < 0 || !revealedOf(meeting).includes(source)) return [];
  return (await shownContributionsOf(db, meeting.id, source)).map((c) => ({ id: c.id, label: c.text }));
}

export async function buildSnapshot(
  db: Kysely<DB>,
  meeting: MeetingRow,
  now: Date,
): Promise<MeetingSnapshot> {
  const steps = stepsOf(meeting);
  const step = steps[meeting.step_index]!;
  const igp = step.kind === 'igp';
  const revealed = igp && revealedOf(meeting).includes(meeting.step_index);
  const contributions = revealed ? await shownContributionsOf(db, meeting.id, meeting.step_index) : [];
  let vote: MeetingSnapshot['vote'] = null;
  if (step.kind === 'vote') {
    const dots = await dotsOf(db, meeting.id, meeting.step_index);
    const options = await voteOptions(db, meeting, meeting.step_index);
    vote = {
      dotsPerPhone: MEETING_LIMITS.dotsPerPhone,
      voters: await voterCount(db, meeting.id, meeting.step_index),
      options: options.map((o) => ({ ...o, dots: dots.get(o.id) ?? 0 })),
    };
  }
  return {
    meetingId: meeting.id,
    version: meeting.version,
    serverNow: now.toISOString(),
    template: meeting.template,
    language: meeting.language as MunicipalityLanguage,
    oneDevice: meeting.one_device === 1,
    state: isClosed(meeting, now) ? 'closed' : 'open',
    unitId: meeting.unit_id,
    roundId: meeting.round_id,
    groups: meeting.groups,
    steps,
    stepIndex: meeting.step_index,
    phase: igp ? meeting.phase : null,
    timer: igp && meeting.phase !== null ? timerView(meeting, now) : null,
    roles:
      meeting.roles === null
        ? null
        : (JSON.parse(meeting.roles) as { group: number; roles: Record<string, RoleRule> }[]),
    participants: await participantCount(db, meeting.id),
    contributionCount: igp ? await contributionCount(db, meeting.id, meeting.step_index) : 0,
    revealed,
    contributions: contributions.map((c) => ({
      id: c.id,
      text: c.text,
      phase: c.phase,
      group: c.group_no,
      label: c.label,
    })),
    wordCloud: revealed && step.prompt === 'strengths' ? wordCloud(contributions.map((c) => c.text)) : [],
    vote,
    focus:
      meeting.focus === null ? null : (JSON.parse(meeting.focus) as { keep: FactorId; improve: FactorId }),
    planId: meeting.plan_id,
    summary: meeting.summary,
  };
}

export async function leaderView(
  db: Kysely<DB>,
  hasher: CodeHasher,
  meeting: MeetingRow,
  now: Date,
  mayRun: boolean,
): Promise<MeetingLeaderView> {
  const joinable = mayRun && !isClosed(meeting, now);
  return {
    snapshot: await buildSnapshot(db, meeting, now),
    code: joinable ? meetingCode(hasher, meeting.id) : null,
    joinToken: joinable ? meetingToken(hasher, meeting.id) : null,
    expiresAt: meeting.expires_at,
  };
}

export const phaseSlot = (stepIndex: number, phase: string) => `step:${stepIndex}:${phase}`;
/** The counter of the dots a phone placed in a vote step. */
export const dotsSlot = (stepIndex: number) => `dots:${stepIndex}`;

export async function participantView(
  db: Kysely<DB>,
  meeting: MeetingRow,
  participantId: string,
  now: Date,
): Promise<ParticipantView> {
  const snapshot = await buildSnapshot(db, meeting, now);
  const step = stepsOf(meeting)[meeting.step_index]!;
  const writing =
    snapshot.state === 'open' &&
    step.kind === 'igp' &&
    meeting.phase !== null &&
    WRITING_PHASES.includes(meeting.phase);
  const sent = writing
    ? await counterValue(db, meeting.id, participantId, phaseSlot(meeting.step_index, meeting.phase!))
    : 0;
  const used =
    step.kind === 'vote'
      ? await counterValue(db, meeting.id, participantId, dotsSlot(meeting.step_index))
      : 0;
  return {
    snapshot,
    me: {
      remainingContributions: writing ? Math.max(0, MEETING_LIMITS.contributionsPerPhonePerPhase - sent) : 0,
      remainingDots:
        step.kind === 'vote' && snapshot.state === 'open'
          ? Math.max(0, MEETING_LIMITS.dotsPerPhone - used)
          : 0,
    },
  };
}
