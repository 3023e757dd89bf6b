// What a meeting leaves behind (issue 13), on both databases: meeting 1's keep and improve in the
// unit's draft plan (created by the meeting) with the report's figures; meeting 2's measures with
// owner and deadline; the review meeting's decisions as a review; and the approval, after which
// the meeting's contributions, counters, ballots, dots and participants are gone (read with SQL),
// the summary stays, and the code, the token and the phones' cookies no longer work.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MeetingLeaderView } from '../../../src/shared/api/meetings';
import type { Measure, Plan } from '../../../src/shared/api/plans';
import { describeEachDatabase } from '../support/databases';
import { codeOf, IDS, leader, meetingWorld, view, type MeetingWorld, type Phone } from './world';

describeEachDatabase('what a meeting leaves behind', (dialect) => {
  let world: MeetingWorld;
  beforeAll(async () => {
    world = await meetingWorld(dialect);
  });
  afterAll(() => world.env.dispose());

  const create = (body: object) =>
    world.as.heimly.post('/meetings', {
      roundId: IDS.earlierRound,
      unitId: IDS.heimly,
      groups: 1,
      oneDevice: false,
      ...body,
    });
  const control = (m: MeetingLeaderView, action: string) =>
    world.as.heimly.post(`/meetings/${m.snapshot.meetingId}/control`, { action });
  /** Moves to the first step of `kind` (and `factorId`) from where the meeting is. */
  async function goTo(m: MeetingLeaderView, kind: string, factorId?: string) {
    let snap = leader(await world.as.heimly.get(`/meetings/${m.snapshot.meetingId}`)).snapshot;
    const at = () => snap.steps[snap.stepIndex]!;
    while (!(at().kind === kind && (factorId === undefined || at().factorId === factorId)))
      snap = leader(await control(m, 'next')).snapshot;
    return snap;
  }
  const rowCount = async (
    table:
      | 'meeting_contributions'
      | 'meeting_counters'
      | 'meeting_ballots'
      | 'meeting_vote_dots'
      | 'meeting_participants',
    meetingId: string,
  ) =>
    (
      await world.env.database.kysely
        .selectFrom(table)
        .select('meeting_id')
        .where('meeting_id', '=', meetingId)
        .execute()
    ).length;

  let analysis: MeetingLeaderView;
  let phone: Phone;
  let planId: string;

  it('needs the plan for the measures and review templates', async () => {
    const res = await create({ template: 'measures' });
    expect(res.statusCode).toBe(409);
    expect(codeOf(res)).toBe('MEETING_NEEDS_PLAN');
    expect(codeOf(await create({ template: 'review' }))).toBe('MEETING_NEEDS_PLAN');
  });

  it('writes keep and improve into the draft plan it creates, with the report figures', async () => {
    analysis = leader(await create({ template: 'analysis', candidateFactors: ['autonomi', 'rolleklarhet'] }));
    phone = world.phone();
    await phone.join({ code: analysis.code! });
    await goTo(analysis, 'igp', 'autonomi');
    expect(
      (
        await phone.post('/meetings/live/contributions', {
          clientId: randomUUID(),
          text: 'Vi bestemmer selv',
        })
      ).statusCode,
    ).toBe(200);
    await goTo(analysis, 'vote');
    expect(
      (await phone.post('/meetings/live/votes', { clientId: randomUUID(), dots: { autonomi: 3 } }))
        .statusCode,
    ).toBe(200);
    const wrongStep = await world.as.heimly.post(`/meetings/${analysis.snapshot.meetingId}/focus`, {
      keep: 'autonomi',
      improve: 'rolleklarhet',
    });
    expect(codeOf(wrongStep)).toBe('MEETING_WRONG_STEP');
    await goTo(analysis, 'choose');
    const res = await world.as.heimly.post(`/meetings/${analysis.snapshot.meetingId}/focus`, {
      keep: 'autonomi',
      improve: 'rolleklarhet',
    });
    expect(res.statusCode).toBe(200);
    const snap = leader(res).snapshot;
    expect(snap.focus).toEqual({ keep: 'autonomi', improve: 'rolleklarhet' });
    planId = snap.planId!;
    const again = await world.as.heimly.post(`/meetings/${analysis.snapshot.meetingId}/focus`, {
      keep: 'autonomi',
      improve: 'rolleklarhet',
    });
    expect(again.statusCode).toBe(200);
    const plan = (await world.as.heimly.get(`/plans/${planId}`)).json<Plan>();
    expect(plan.status).toBe('draft');
    expect(plan.focusFactors.map((f) => [f.factorId, f.kind])).toEqual([
      ['autonomi', 'keep'],
      ['rolleklarhet', 'improve'],
    ]);
    const results = (await world.as.heimly.get(`/meetings/${analysis.snapshot.meetingId}/results`)).json<{
      factors: { factorId: string; average: number | null }[];
    }>();
    expect(plan.focusFactors[0]!.figure).toBe(
      results.factors.find((f) => f.factorId === 'autonomi')!.average,
    );
  });

  it('on approval deletes every contribution, count, ballot, dot and phone, and keeps the summary', async () => {
    const id = analysis.snapshot.meetingId;
    for (const table of [
      'meeting_contributions',
      'meeting_counters',
      'meeting_ballots',
      'meeting_vote_dots',
      'meeting_participants',
    ] as const)
      expect(await rowCount(table, id)).toBeGreaterThan(0);
    expect(codeOf(await world.as.heimly.post(`/meetings/${id}/approve`, { summary: 'For tidlig' }))).toBe(
      'MEETING_WRONG_STEP',
    );
    await goTo(analysis, 'summary');
    const res = await world.as.heimly.post(`/meetings/${id}/approve`, {
      summary: 'Vi holder på autonomi og bedrer rolleklarhet.',
    });
    expect(res.statusCode).toBe(200);
    expect(leader(res)).toMatchObject({
      code: null,
      joinToken: null,
      snapshot: { state: 'closed', participants: 0, contributionCount: 0 },
    });
    for (const table of [
      'meeting_contributions',
      'meeting_counters',
      'meeting_ballots',
      'meeting_vote_dots',
      'meeting_participants',
    ] as const)
      expect(await rowCount(table, id)).toBe(0);
    const row = await world.env.database.kysely
      .selectFrom('meetings')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: 'closed',
      code_hash: null,
      token_hash: null,
      summary: 'Vi holder på autonomi og bedrer rolleklarhet.',
    });
    const list = await world.as.safety.get(`/meetings?roundId=${IDS.earlierRound}&unitId=${IDS.heimly}`);
    expect(
      list
        .json<{ meetings: { meetingId: string; summary: string | null }[] }>()
        .meetings.find((m) => m.meetingId === id)!.summary,
    ).toBe('Vi holder på autonomi og bedrer rolleklarhet.');
    expect(codeOf(await world.phone().join({ code: analysis.code! }))).toBe('MEETING_CODE_INVALID');
    expect(codeOf(await world.phone().join({ token: analysis.joinToken! }))).toBe('MEETING_CODE_INVALID');
    expect(codeOf(await phone.get('/meetings/live/state'))).toBe('MEETING_NOT_JOINED');
    expect(codeOf(await control(analysis, 'next'))).toBe('MEETING_CLOSED');
  });

  it('runs meeting 2: a round on measures per focus factor, a vote over them, the measures into the plan', async () => {
    const m = leader(await create({ template: 'measures' }));
    expect(m.snapshot.steps.map((s) => `${s.kind}:${s.factorId ?? ''}`)).toEqual([
      'igp:autonomi',
      'vote:autonomi',
      'igp:rolleklarhet',
      'vote:rolleklarhet',
      'measures:',
      'summary:',
    ]);
    const p = world.phone();
    await p.join({ token: m.joinToken! });
    await p.post('/meetings/live/contributions', { clientId: randomUUID(), text: 'Faste møter hver uke' });
    await goTo(m, 'vote', 'autonomi');
    // The round was not revealed: nothing to vote on, and no text shown.
    let snap = leader(await world.as.heimly.get(`/meetings/${m.snapshot.meetingId}`)).snapshot;
    expect(snap.vote!.options).toEqual([]);
    await control(m, 'previous');
    await control(m, 'reveal');
    snap = await goTo(m, 'vote', 'autonomi');
    expect(snap.vote!.options.map((o) => o.label)).toEqual(['Faste møter hver uke']);
    const voted = await p.post('/meetings/live/votes', {
      clientId: randomUUID(),
      dots: { [snap.vote!.options[0]!.id]: 2 },
    });
    expect(view(voted).snapshot.vote!.options[0]!.dots).toBe(2);
    await goTo(m, 'measures');
    const res = await world.as.heimly.post(`/meetings/${m.snapshot.meetingId}/measures`, {
      measures: [
        {
          factorId: 'autonomi',
          text: 'Faste møter hver uke',
          responsible: 'Avdelingsleder',
          deadline: '2026-06-01',
        },
        {
          factorId: 'rolleklarhet',
          text: 'Skrive ned hvem gjør hva',
          responsible: 'Tillitsvalgt',
          deadline: '2026-05-01',
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    const plan = (await world.as.heimly.get(`/plans/${planId}`)).json<Plan>();
    expect(plan.focusFactors.flatMap((f) => f.measures).map((x) => [x.text, x.deadline])).toEqual([
      ['Faste møter hver uke', '2026-06-01'],
      ['Skrive ned hvem gjør hva', '2026-05-01'],
    ]);
    const unknown = await world.as.heimly.post(`/meetings/${m.snapshot.meetingId}/measures`, {
      measures: [
        { factorId: 'mestringsklima', text: 'Tiltak', responsible: 'Leder', deadline: '2026-06-01' },
      ],
    });
    expect(codeOf(unknown)).toBe('INVALID_REFERENCE');
  });

  it('runs the review meeting: one step per open measure, the decisions as the plan review', async () => {
    const plan = (await world.as.heimly.get(`/plans/${planId}`)).json<Plan>();
    for (const f of plan.focusFactors)
      expect(
        (
          await world.as.heimly.post(`/plans/${planId}/focus-factors/${f.id}/goals`, {
            text: 'Mål',
            howWeKnow: '',
          })
        ).statusCode,
      ).toBe(201);
    expect(
      (await world.as.heimly.put(`/plans/${planId}/consultations/safetyRep`, { consultedOn: '2026-03-01' }))
        .statusCode,
    ).toBe(200);
    expect((await world.as.heimly.post(`/plans/${planId}/transition`, { to: 'agreed' })).statusCode).toBe(
      200,
    );
    const m = leader(await create({ template: 'review' }));
    expect(m.snapshot.steps.map((s) => [s.kind, s.text])).toEqual([
      ['reviewItem', 'Faste møter hver uke'],
      ['reviewItem', 'Skrive ned hvem gjør hva'],
      ['summary', null],
    ]);
    const [first, second] = plan.focusFactors.flatMap((f) => f.measures) as [Measure, Measure];
    const res = await world.as.heimly.post(`/meetings/${m.snapshot.meetingId}/review`, {
      decisions: [
        { measureId: first.id, decision: 'keep' },
        { measureId: second.id, decision: 'drop', note: 'Gjort på annen måte' },
      ],
      summary: 'Godt i gang.',
    });
    expect(res.statusCode).toBe(200);
    const after = (await world.as.heimly.get(`/plans/${planId}`)).json<Plan>();
    expect(after.reviews).toHaveLength(1);
    expect(after.focusFactors.flatMap((f) => f.measures).find((x) => x.id === second.id)!.status).toBe(
      'dropped',
    );
  });
});
