// A meeting run from the tool (issue 13) on both databases: creating one from a published round,
// who sees the code, the phases and timer by the server's clock, roles, the reveal (before it no
// text anywhere in any answer), limits and resends, and the vote.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingLeaderView } from '../../../src/shared/api/meetings';
import { GROUP_ROLES, MEETING_LIMITS } from '../../../src/shared/meetings';
import { describeEachDatabase } from '../support/databases';
import { codeOf, IDS, leader, meetingWorld, view, type MeetingWorld } from './world';

const SECRET = 'Hemmelig innspill om arbeidsdelingen';

describeEachDatabase('running a meeting', (dialect) => {
  let world: MeetingWorld;
  let meeting: MeetingLeaderView;
  const url = (suffix = '') => `/meetings/${meeting.snapshot.meetingId}${suffix}`;
  const control = (body: object) => world.as.heimly.post(url('/control'), body);

  beforeAll(async () => {
    world = await meetingWorld(dialect);
    const res = await world.as.heimly.post('/meetings', {
      roundId: IDS.earlierRound,
      unitId: IDS.heimly,
      template: 'analysis',
      candidateFactors: ['rolleklarhet', 'autonomi'],
      groups: 2,
      oneDevice: false,
    });
    expect(res.statusCode).toBe(201);
    meeting = leader(res);
  });
  afterAll(() => world.env.dispose());

  it('builds the analysis steps and hands the leader a code and a token', () => {
    expect(meeting.snapshot.steps.map((s) => `${s.kind}:${s.prompt ?? ''}:${s.factorId ?? ''}`)).toEqual([
      'intro::',
      'results::',
      'igp:strengths:',
      'igp:factor:rolleklarhet',
      'igp:factor:autonomi',
      'vote::',
      'choose::',
      'summary::',
    ]);
    expect(meeting.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    expect(meeting.joinToken!.length).toBeGreaterThanOrEqual(32);
    expect(meeting.snapshot.state).toBe('open');
  });

  it('gives a rep the meeting without its code or token, and refuses a rep the controls', async () => {
    const res = await world.as.union.get(url());
    expect(res.statusCode).toBe(200);
    expect(leader(res)).toMatchObject({ code: null, joinToken: null });
    expect((await world.as.union.post(url('/control'), { action: 'next' })).statusCode).toBe(403);
    const again = leader(await world.as.heimly.get(url()));
    expect(again.code).toBe(meeting.code);
    expect(again.joinToken).toBe(meeting.joinToken);
  });

  it('stores neither the code nor the token in the clear', async () => {
    const row = await world.env.database.kysely
      .selectFrom('meetings')
      .selectAll()
      .where('id', '=', meeting.snapshot.meetingId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(meeting.code!);
    expect(JSON.stringify(row)).not.toContain(meeting.joinToken!);
  });

  it('shows the results step with the report figures', async () => {
    const res = await world.as.safety.get(url('/results'));
    expect(res.statusCode).toBe(200);
    const report = (
      await world.as.admin.get(`/reports/rounds/${IDS.earlierRound}/units/${IDS.heimly}`)
    ).json<{
      factors: { factorId: string; unit: { average: number } | null }[];
    }>();
    const results = res.json<{ factors: { factorId: string; average: number | null }[] }>();
    const want = report.factors.find((f) => f.factorId === 'autonomi')!.unit?.average ?? null;
    expect(results.factors.find((f) => f.factorId === 'autonomi')!.average).toBe(want);
  });

  describe('the strengths round', () => {
    const phones = () => [world.phone(), world.phone()];
    let a: ReturnType<MeetingWorld['phone']>;
    let b: ReturnType<MeetingWorld['phone']>;

    it('lets phones join by code and by token; a phone that joins again stays one participant', async () => {
      [a, b] = phones() as [typeof a, typeof b];
      expect((await a.join({ code: meeting.code!.toLowerCase() })).statusCode).toBe(200);
      expect((await b.join({ token: meeting.joinToken! })).statusCode).toBe(200);
      const again = await a.join({ code: meeting.code! });
      expect(again.statusCode).toBe(200);
      expect(view(again).snapshot.participants).toBe(2);
      expect(a.cookie).toMatch(/^tf_meeting=/);
    });

    it('sets the participant cookie HttpOnly, SameSite=Strict, on the live routes only', async () => {
      const res = await world.phone().join({ token: meeting.joinToken! });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).toContain('Path=/api/v1/meetings/live');
    });

    it('refuses contributions outside an IGP round', async () => {
      const res = await a.post('/meetings/live/contributions', { clientId: randomUUID(), text: 'Tidlig' });
      expect(res.statusCode).toBe(409);
      expect(codeOf(res)).toBe('MEETING_WRONG_STEP');
    });

    it('moves through the steps into the individual phase with its default timer', async () => {
      expect((await control({ action: 'next' })).statusCode).toBe(200);
      const res = await control({ action: 'next' });
      const snap = leader(res).snapshot;
      expect(snap.stepIndex).toBe(2);
      expect(snap.phase).toBe('individual');
      expect(snap.timer).toEqual({
        running: false,
        durationSeconds: 300,
        remainingSeconds: 300,
        endsAt: null,
      });
    });

    it('runs, pauses, extends and resumes the timer by the server clock', async () => {
      const start = new Date(world.clock.now);
      let snap = leader(await control({ action: 'start' })).snapshot;
      expect(snap.timer).toMatchObject({ running: true, remainingSeconds: 300 });
      expect(snap.timer!.endsAt).toBe(new Date(start.getTime() + 300_000).toISOString());
      world.clock.now = new Date(start.getTime() + 60_000);
      snap = leader(await control({ action: 'pause' })).snapshot;
      expect(snap.timer).toMatchObject({ running: false, remainingSeconds: 240, endsAt: null });
      world.clock.now = new Date(start.getTime() + 600_000);
      snap = leader(await control({ action: 'extend', minutes: 2 })).snapshot;
      expect(snap.timer).toMatchObject({ running: false, remainingSeconds: 360, durationSeconds: 420 });
      expect(leader(await control({ action: 'resume' })).snapshot.timer).toMatchObject({ running: true });
      world.clock.now = new Date(start.getTime() + 630_000);
      expect(leader(await world.as.heimly.get(url())).snapshot.timer).toMatchObject({
        running: true,
        remainingSeconds: 330,
      });
      const bad = await control({ action: 'extend', minutes: 16 });
      expect(bad.statusCode).toBe(400);
    });

    it('draws one rule per role for each group', async () => {
      const snap = leader(await control({ action: 'drawRoles' })).snapshot;
      expect(snap.roles).toHaveLength(2);
      for (const group of snap.roles!) {
        expect(Object.keys(group.roles).sort()).toEqual([...GROUP_ROLES].sort());
        expect(new Set(Object.values(group.roles)).size).toBe(GROUP_ROLES.length);
      }
    });

    it('stores a contribution once, however often it is sent, and shows only a count before the reveal', async () => {
      const clientId = randomUUID();
      const first = await a.post('/meetings/live/contributions', { clientId, text: SECRET });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({
        stored: true,
        remainingContributions: MEETING_LIMITS.contributionsPerPhonePerPhase - 1,
      });
      const resend = await a.post('/meetings/live/contributions', { clientId, text: SECRET });
      expect(resend.json()).toEqual({
        stored: false,
        remainingContributions: MEETING_LIMITS.contributionsPerPhonePerPhase - 1,
      });
      await b.post('/meetings/live/contributions', {
        clientId: randomUUID(),
        text: 'Vi hjelper hverandre godt',
      });
      const answers = [
        await world.as.heimly.get(url()),
        await world.as.union.get(url()),
        await a.get('/meetings/live/state'),
        await b.get('/meetings/live/state'),
        await world.as.heimly.get(
          '/meetings?' + new URLSearchParams({ roundId: IDS.earlierRound, unitId: IDS.heimly }).toString(),
        ),
      ];
      for (const res of answers) {
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain('Hemmelig');
        expect(res.body).not.toContain('hverandre');
      }
      expect(leader(answers[0]!).snapshot).toMatchObject({
        contributionCount: 2,
        revealed: false,
        contributions: [],
      });
      expect(view(answers[2]!).me.remainingContributions).toBe(
        MEETING_LIMITS.contributionsPerPhonePerPhase - 1,
      );
    });

    it('holds a phone to its contributions per phase', async () => {
      const c = world.phone();
      await c.join({ code: meeting.code! });
      for (let i = 0; i < MEETING_LIMITS.contributionsPerPhonePerPhase; i++) {
        const res = await c.post('/meetings/live/contributions', {
          clientId: randomUUID(),
          text: `Innspill ${i}`,
        });
        expect(res.statusCode).toBe(200);
      }
      const over = await c.post('/meetings/live/contributions', {
        clientId: randomUUID(),
        text: 'En for mye',
      });
      expect(over.statusCode).toBe(409);
      expect(codeOf(over)).toBe('MEETING_LIMIT_REACHED');
      expect(view(await c.get('/meetings/live/state')).me.remainingContributions).toBe(0);
    });

    it('refuses the leader a contribution outside one-device mode', async () => {
      const res = await world.as.heimly.post(url('/contributions'), {
        clientId: randomUUID(),
        text: 'Fra leder',
        group: 1,
      });
      expect(codeOf(res)).toBe('MEETING_WRONG_STEP');
    });

    it('refuses a phone in the group phase', async () => {
      await control({ action: 'next' });
      const res = await a.post('/meetings/live/contributions', {
        clientId: randomUUID(),
        text: 'I gruppefasen',
      });
      expect(codeOf(res)).toBe('MEETING_WRONG_STEP');
    });

    it('after the reveal shows the texts without author in one fixed order, and the word cloud', async () => {
      const revealed = leader(await control({ action: 'reveal' })).snapshot;
      expect(revealed.revealed).toBe(true);
      expect(revealed.contributions.map((c) => c.text)).toContain(SECRET);
      for (const c of revealed.contributions)
        expect(Object.keys(c).sort()).toEqual(['group', 'id', 'label', 'phase', 'text']);
      const again = leader(await world.as.heimly.get(url())).snapshot;
      expect(again.contributions.map((c) => c.id)).toEqual(revealed.contributions.map((c) => c.id));
      expect(again.wordCloud.find((w) => w.word === 'hemmelig')).toEqual({ word: 'hemmelig', count: 1 });
      const labelled = await world.as.heimly.put(
        url(`/contributions/${revealed.contributions[0]!.id}/group`),
        {
          contributionId: revealed.contributions[0]!.id,
          label: 'Samarbeid',
        },
      );
      expect(labelled.statusCode).toBe(200);
      expect(leader(labelled).snapshot.contributions[0]!.label).toBe('Samarbeid');
    });

    it('shows a contribution written after the reveal only at the next reveal', async () => {
      await control({ action: 'next' });
      expect(leader(await control({ action: 'next' })).snapshot.phase).toBe('individualAfter');
      const before = leader(await world.as.heimly.get(url())).snapshot;
      await a.post('/meetings/live/contributions', { clientId: randomUUID(), text: 'Et sent innspill' });
      const after = leader(await world.as.heimly.get(url())).snapshot;
      expect(after.contributionCount).toBe(before.contributionCount + 1);
      expect(after.contributions).toHaveLength(before.contributions.length);
      expect(JSON.stringify(after)).not.toContain('sent innspill');
      const again = leader(await control({ action: 'reveal' })).snapshot;
      expect(again.contributions.map((c) => c.text)).toContain('Et sent innspill');
    });

    it('raises the version with every change', async () => {
      const before = leader(await world.as.heimly.get(url())).snapshot.version;
      const after = leader(await control({ action: 'pause' })).snapshot.version;
      expect(after).toBe(before + 1);
    });
  });

  describe('the vote', () => {
    it('takes dots on the candidate factors only, up to the dots of a phone, once per clientId', async () => {
      const p = world.phone();
      await p.join({ code: meeting.code! });
      const early = await p.post('/meetings/live/votes', { clientId: randomUUID(), dots: { autonomi: 1 } });
      expect(codeOf(early)).toBe('MEETING_WRONG_STEP');
      // From the strengths round (step 2) to the vote (step 5): 3 phases left, then two rounds of 4.
      let snap = leader(await world.as.heimly.get(url())).snapshot;
      while (snap.steps[snap.stepIndex]!.kind !== 'vote')
        snap = leader(await control({ action: 'next' })).snapshot;
      expect(snap.vote!.options.map((o) => o.id)).toEqual(['rolleklarhet', 'autonomi']);
      const wrong = await p.post('/meetings/live/votes', {
        clientId: randomUUID(),
        dots: { mestringsklima: 1 },
      });
      expect(codeOf(wrong)).toBe('INVALID_REFERENCE');
      const clientId = randomUUID();
      const first = await p.post('/meetings/live/votes', { clientId, dots: { autonomi: 2 } });
      expect(first.statusCode).toBe(200);
      expect(view(first).me.remainingDots).toBe(1);
      const replay = await p.post('/meetings/live/votes', { clientId, dots: { autonomi: 2 } });
      expect(view(replay).me.remainingDots).toBe(1);
      expect(view(replay).snapshot.vote!.options.find((o) => o.id === 'autonomi')!.dots).toBe(2);
      const over = await p.post('/meetings/live/votes', {
        clientId: randomUUID(),
        dots: { rolleklarhet: 2 },
      });
      expect(codeOf(over)).toBe('MEETING_LIMIT_REACHED');
      const last = await p.post('/meetings/live/votes', {
        clientId: randomUUID(),
        dots: { rolleklarhet: 1 },
      });
      expect(view(last).me.remainingDots).toBe(0);
      expect(view(last).snapshot.vote).toMatchObject({ voters: 1 });
      const rows = await world.env.database.kysely.selectFrom('meeting_ballots').selectAll().execute();
      expect(Object.keys(rows[0]!).sort()).toEqual([
        'client_key',
        'dots',
        'meeting_id',
        'participant_id',
        'step_index',
      ]);
    });
  });
});
