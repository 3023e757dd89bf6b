// The analysis meeting (issue 13; rules in ../meetings/). Staff routes: the leader of the unit (or
// above) and admin run a meeting; the unit's union and safety reps (and every runner) list the
// meetings, read one (GET meeting answers reps with code and joinToken null: they join on their
// own phone like everyone else) and follow its event stream. Participant routes (/meetings/live/…)
// are `allow: 'public'` and verify the participant cookie themselves (like the kiosk routes do their
// credential): join sets it, the others answer 401 MEETING_NOT_JOINED without it. After every
// committed change the route publishes the meeting on the bus; each event stream reads the snapshot
// again and sends it (coalescing bursts), with `: ping` every 20 s. The streams end when the app
// closes, and a closed meeting's stream ends after its final snapshot.
import fastifySse from '@fastify/sse';
import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApproveSummaryBodySchema,
  ChooseFocusBodySchema,
  ContributeAnswerSchema,
  ContributeBodySchema,
  CreateMeetingBodySchema,
  GroupContributionBodySchema,
  GroupVoteBodySchema,
  JoinBodySchema,
  MEETING_COOKIE,
  MeetingContributionParamsSchema,
  MeetingControlBodySchema,
  MeetingLeaderViewSchema,
  MeetingListQuerySchema,
  MeetingListSchema,
  MeetingMeasuresBodySchema,
  MeetingParamsSchema,
  MeetingResultsSchema,
  MeetingReviewBodySchema,
  ParticipantViewSchema,
  VoteBodySchema,
  type MeetingSnapshot,
} from '../../shared/api/meetings';
import { API_PREFIX, RESPONDENT_PATHS, STAFF_PATHS } from '../../shared/api/paths';
import { osloDate } from '../../shared/dates';
import { ApiError } from '../api-error';
import type { CodeHasher } from '../codes/code-hasher';
import type { Database } from '../db/database';
import { contribute, groupWriter, joinMeeting, labelOf, participantOf, vote } from '../meetings/input';
import type { MeetingBus } from '../meetings/live/bus';
import { addMeetingMeasures, approveSummary, chooseFocus, recordMeetingReview } from '../meetings/outcome';
import {
  controlMeeting,
  createMeeting,
  mayRun,
  MEETING_READERS,
  MEETING_RUNNERS,
  meetingResults,
  meetingsOf,
  meetingUnitId,
  openMeeting,
  ownMeeting,
} from '../meetings/run-meeting';
import { buildSnapshot, leaderView, participantView } from '../meetings/snapshot';
import { findMeeting } from '../repositories/meetings';
import { staffOf } from './staff-request';
import { MEETING_CHANGE } from '../audit/plan-and-meeting';

export interface MeetingRouteOptions {
  database: Database;
  now: () => Date;
  hasher: CodeHasher;
  bus: MeetingBus;
  /** How often an open stream sends `: ping` (20 s; tests shorten it). */
  pingMs?: number;
}

export const LIVE_COOKIE_PATH = `${API_PREFIX}/meetings/live`;
export const MEETING_PING_MS = 20_000;

function readMeetingCookie(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === MEETING_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

function setMeetingCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAge: number) {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  void reply.header(
    'set-cookie',
    `${MEETING_COOKIE}=${token}; Path=${LIVE_COOKIE_PATH}; Max-Age=${Math.max(1, maxAge)}; HttpOnly; SameSite=Strict${secure}`,
  );
}

export const meetingRoutes: FastifyPluginAsyncTypebox<MeetingRouteOptions> = async (app, options) => {
  const { database, now, hasher, bus, pingMs = MEETING_PING_MS } = options;
  const db = database.kysely;
  await app.register(fastifySse, { heartbeatInterval: 0 });

  // Nothing of a meeting is kept by a browser or a proxy: the leader's answer holds the code.
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
  });

  const meetingUnit = (request: FastifyRequest) =>
    meetingUnitId(database, (request.params as { meetingId?: string }).meetingId);
  const runner = { allow: MEETING_RUNNERS, unit: meetingUnit };
  const reader = { allow: MEETING_READERS, unit: meetingUnit };
  const context = (request: FastifyRequest) => ({
    database,
    staff: staffOf(request),
    today: osloDate(now()),
  });

  const viewFor = async (request: FastifyRequest, meetingId: string) => {
    const staff = staffOf(request);
    const meeting = await ownMeeting(database, staff, meetingId);
    return leaderView(db, hasher, meeting, now(), await mayRun(database, staff, meeting));
  };
  const changed = async (meetingId: string) => {
    await bus.publish(meetingId);
  };

  // ---- Event streams -----------------------------------------------------------------------------

  const streams = new Set<() => void>();
  app.addHook('preClose', () => {
    for (const end of [...streams]) end();
    return Promise.resolve();
  });

  async function stream(request: FastifyRequest, reply: FastifyReply, meetingId: string) {
    reply.sse.keepAlive();
    let sentVersion = -1;
    let busy = false;
    let again = false;
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      unsubscribe();
      clearInterval(ping);
      streams.delete(end);
      reply.sse.close();
    };
    const push = async (): Promise<void> => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        do {
          again = false;
          const meeting = await findMeeting(db, meetingId);
          if (done || !meeting) return;
          const snapshot: MeetingSnapshot = await buildSnapshot(db, meeting, now());
          if (done || !reply.sse.isConnected) return;
          if (snapshot.version !== sentVersion || snapshot.state === 'closed') {
            sentVersion = snapshot.version;
            await reply.sse.send({ id: String(snapshot.version), event: 'snapshot', data: snapshot });
          }
          if (snapshot.state === 'closed') {
            end();
            return;
          }
        } while (again && !done);
      } catch (err) {
        request.log.warn({ err }, 'a meeting event stream could not send its snapshot');
        end();
      } finally {
        busy = false;
      }
    };
    const unsubscribe = bus.subscribe(meetingId, () => void push());
    const ping = setInterval(() => {
      if (reply.sse.isConnected) reply.raw.write(': ping\n\n');
    }, pingMs);
    ping.unref();
    streams.add(end);
    reply.sse.onClose(end);
    await push();
  }

  // ---- Staff -----------------------------------------------------------------------------------------

  app.get(
    STAFF_PATHS.meetings,
    {
      config: {
        access: { allow: MEETING_READERS, unit: (request) => (request.query as { unitId?: string }).unitId },
      },
      schema: { querystring: MeetingListQuerySchema, response: { 200: MeetingListSchema } },
    },
    async (request) =>
      meetingsOf(database, staffOf(request), request.query.roundId, request.query.unitId, now()),
  );

  app.post(
    STAFF_PATHS.meetings,
    {
      config: {
        access: { allow: MEETING_RUNNERS, unit: (request) => (request.body as { unitId?: string }).unitId },
        audit: MEETING_CHANGE,
      },
      schema: { body: CreateMeetingBodySchema, response: { 201: MeetingLeaderViewSchema } },
    },
    async (request, reply) => {
      const meeting = await createMeeting(database, hasher, staffOf(request), request.body, now());
      reply.code(201);
      return leaderView(db, hasher, meeting, now(), true);
    },
  );

  app.get(
    STAFF_PATHS.meeting,
    {
      config: { access: reader },
      schema: { params: MeetingParamsSchema, response: { 200: MeetingLeaderViewSchema } },
    },
    async (request) => viewFor(request, request.params.meetingId),
  );

  app.post(
    STAFF_PATHS.meetingControl,
    {
      config: { access: runner, audit: MEETING_CHANGE },
      schema: {
        params: MeetingParamsSchema,
        body: MeetingControlBodySchema,
        response: { 200: MeetingLeaderViewSchema },
      },
    },
    async (request) => {
      const { meetingId } = request.params;
      await controlMeeting(database, staffOf(request), meetingId, request.body, now());
      await changed(meetingId);
      return viewFor(request, meetingId);
    },
  );

  app.get(
    STAFF_PATHS.meetingEvents,
    {
      config: { access: reader },
      schema: { params: MeetingParamsSchema },
      sse: { kind: 'only', heartbeat: false },
    },
    async (request, reply) => {
      await ownMeeting(database, staffOf(request), request.params.meetingId);
      await stream(request, reply, request.params.meetingId);
    },
  );

  app.post(
    STAFF_PATHS.meetingContributions,
    {
      config: { access: runner, audit: MEETING_CHANGE },
      schema: {
        params: MeetingParamsSchema,
        body: ContributeBodySchema,
        response: { 200: ContributeAnswerSchema },
      },
    },
    async (request) => {
      const meeting = await openMeeting(database, staffOf(request), request.params.meetingId, now());
      const answer = await contribute(
        database,
        meeting,
        groupWriter(meeting, request.body.group),
        request.body,
        now(),
      );
      if (answer.stored) await changed(meeting.id);
      return answer;
    },
  );

  app.post(
    STAFF_PATHS.meetingVotes,
    {
      config: { access: runner, audit: MEETING_CHANGE },
      schema: {
        params: MeetingParamsSchema,
        body: GroupVoteBodySchema,
        response: { 200: MeetingLeaderViewSchema },
      },
    },
    async (request) => {
      const meeting = await openMeeting(database, staffOf(request), request.params.meetingId, now());
      const writer = groupWriter(meeting, request.body.group);
      await vote(database, meeting, writer.key, { clientId: request.body.clientId, dots: request.body.dots });
      await changed(meeting.id);
      return viewFor(request, meeting.id);
    },
  );

  app.put(
    STAFF_PATHS.meetingContributionGroup,
    {
      config: { access: runner, audit: MEETING_CHANGE },
      schema: {
        params: MeetingContributionParamsSchema,
        body: GroupContributionBodySchema,
        response: { 200: MeetingLeaderViewSchema },
      },
    },
    async (request) => {
      const { meetingId, contributionId } = request.params;
      if (request.body.contributionId !== contributionId)
        throw new ApiError('MALFORMED_REQUEST', 'contributionId differs from the address');
      const meeting = await openMeeting(database, staffOf(request), meetingId, now());
      await labelOf(database, meeting, contributionId, request.body.label);
      await changed(meetingId);
      return viewFor(request, meetingId);
    },
  );

  app.get(
    STAFF_PATHS.meetingResults,
    {
      config: { access: reader },
      schema: { params: MeetingParamsSchema, response: { 200: MeetingResultsSchema } },
    },
    async (request) => meetingResults(database, staffOf(request), request.params.meetingId),
  );

  /** A leader's step that writes the meeting's outcome, answered with the leader's view. */
  const outcome = <S extends TSchema>(
    path: string,
    body: S,
    apply: (request: FastifyRequest, meetingId: string, body: Static<S>) => Promise<void>,
  ) =>
    app.post(
      path,
      {
        config: { access: runner, audit: MEETING_CHANGE },
        schema: { params: MeetingParamsSchema, body, response: { 200: MeetingLeaderViewSchema } },
      },
      async (request) => {
        const { meetingId } = request.params;
        await apply(request, meetingId, request.body);
        await changed(meetingId);
        return viewFor(request, meetingId);
      },
    );

  outcome(STAFF_PATHS.meetingFocus, ChooseFocusBodySchema, async (request, meetingId, body) => {
    const ctx = context(request);
    await chooseFocus(ctx, await openMeeting(database, ctx.staff, meetingId, now()), body);
  });
  outcome(STAFF_PATHS.meetingMeasures, MeetingMeasuresBodySchema, async (request, meetingId, body) => {
    const ctx = context(request);
    await addMeetingMeasures(ctx, await openMeeting(database, ctx.staff, meetingId, now()), body);
  });
  outcome(STAFF_PATHS.meetingReview, MeetingReviewBodySchema, async (request, meetingId, body) => {
    const ctx = context(request);
    await recordMeetingReview(ctx, await openMeeting(database, ctx.staff, meetingId, now()), body);
  });
  outcome(STAFF_PATHS.meetingApprove, ApproveSummaryBodySchema, async (request, meetingId, body) => {
    const staff = staffOf(request);
    await approveSummary(database, staff, await openMeeting(database, staff, meetingId, now()), body);
  });

  // ---- Participants (no account: the participant cookie) -----------------------------------------

  const participant = (request: FastifyRequest) => participantOf(database, readMeetingCookie(request), now());

  app.post(
    RESPONDENT_PATHS.meetingJoin,
    {
      config: { access: { allow: 'public' } },
      schema: { body: JoinBodySchema, response: { 200: ParticipantViewSchema } },
    },
    async (request, reply) => {
      const result = await joinMeeting(database, hasher, request.body, {
        address: request.ip,
        now: now(),
        cookieToken: readMeetingCookie(request),
      });
      if ('retryAfterSeconds' in result) {
        void reply.header('retry-after', String(result.retryAfterSeconds));
        throw new ApiError('RATE_LIMITED', 'Too many unknown meeting codes tried; wait a while');
      }
      if (result.cookieToken !== undefined) {
        const seconds = Math.floor((Date.parse(result.meeting.expires_at) - now().getTime()) / 1000);
        setMeetingCookie(request, reply, result.cookieToken, seconds);
        await changed(result.meeting.id);
      }
      return participantView(db, result.meeting, result.participantId, now());
    },
  );

  app.get(
    RESPONDENT_PATHS.liveState,
    { config: { access: { allow: 'public' } }, schema: { response: { 200: ParticipantViewSchema } } },
    async (request) => {
      const { meeting, participantId } = await participant(request);
      return participantView(db, meeting, participantId, now());
    },
  );

  app.get(
    RESPONDENT_PATHS.liveEvents,
    { config: { access: { allow: 'public' } }, sse: { kind: 'only', heartbeat: false } },
    async (request, reply) => {
      const { meeting } = await participant(request);
      await stream(request, reply, meeting.id);
    },
  );

  app.post(
    RESPONDENT_PATHS.liveContributions,
    {
      config: { access: { allow: 'public' } },
      schema: { body: ContributeBodySchema, response: { 200: ContributeAnswerSchema } },
    },
    async (request, reply) => {
      const { meeting, participantId } = await participant(request);
      const answer = await contribute(
        database,
        meeting,
        { key: participantId, group: null },
        request.body,
        now(),
      ).catch((err: unknown) => {
        // The rate is per minute: the phone's outbox may send again when the next one starts.
        if (err instanceof ApiError && err.code === 'RATE_LIMITED')
          void reply.header('retry-after', String(60 - now().getUTCSeconds()));
        throw err;
      });
      if (answer.stored) await changed(meeting.id);
      return answer;
    },
  );

  app.post(
    RESPONDENT_PATHS.liveVotes,
    {
      config: { access: { allow: 'public' } },
      schema: { body: VoteBodySchema, response: { 200: ParticipantViewSchema } },
    },
    async (request) => {
      const { meeting, participantId } = await participant(request);
      await vote(database, meeting, participantId, request.body);
      await changed(meeting.id);
      const fresh = (await findMeeting(db, meeting.id))!;
      return participantView(db, fresh, participantId, now());
    },
  );
};
