// The meeting's guards (issue 13), on both databases: the code-guessing limit per client address,
// an expired meeting, one-device mode's group contributions, the rate and sizes, and bad input
// that gets a stable 4xx code, never a 5xx.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MeetingLeaderView } from '../../../src/shared/api/meetings';
import { MEETING_LIMITS } from '../../../src/shared/meetings';
import { describeEachDatabase } from '../support/databases';
import { codeOf, IDS, leader, meetingWorld, type MeetingWorld } from './world';

describeEachDatabase('the guards of a meeting', (dialect) => {
  let world: MeetingWorld;
  let tablet: MeetingLeaderView;
  const create = async (oneDevice: boolean) =>
    leader(
      await world.as.heimly.post('/meetings', {
        roundId: IDS.earlierRound,
        unitId: IDS.heimly,
        template: 'analysis',
        candidateFactors: ['autonomi'],
        groups: 3,
        oneDevice,
      }),
    );
  beforeAll(async () => {
    world = await meetingWorld(dialect);
    tablet = await create(true);
  });
  afterAll(() => world.env.dispose());

  it('counts failed code guesses per client address and answers 429 above the limit, whatever the code', async () => {
    const guesser = world.phone();
    const from = { 'x-forwarded-for': '203.0.113.9' };
    // Without trustProxy every inject comes from one address: this test's guesses are that client's.
    for (let i = 0; i < MEETING_LIMITS.codeGuessesPerHour; i++) {
      const res = await guesser.join({ code: `ZZZZZ${String(i).padStart(3, '2')}` }, from);
      expect(res.statusCode).toBe(404);
      expect(codeOf(res)).toBe('MEETING_CODE_INVALID');
    }
    const limited = await guesser.join({ code: 'ZZZZZZZZ' }, from);
    expect(limited.statusCode).toBe(429);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Held back, the address gets 429 for a good code too (a refusal tells it nothing); the
    // 256-bit token still joins.
    expect((await guesser.join({ code: tablet.code! })).statusCode).toBe(429);
    expect((await guesser.join({ token: tablet.joinToken! })).statusCode).toBe(200);
    // The next hour the address may guess again.
    world.clock.now = new Date(world.clock.now.getTime() + 3_600_000);
    expect((await world.phone().join({ code: 'ZZZZZZZZ' })).statusCode).toBe(404);
  });

  it('takes group contributions from the leader in one-device mode, also in the group phase', async () => {
    const url = `/meetings/${tablet.snapshot.meetingId}`;
    for (let i = 0; i < 2; i++) await world.as.heimly.post(`${url}/control`, { action: 'next' });
    const body = { clientId: randomUUID(), text: 'Gruppe 2 skriver', group: 2 };
    const res = await world.as.heimly.post(`${url}/contributions`, body);
    expect(res.json()).toEqual({
      stored: true,
      remainingContributions: MEETING_LIMITS.contributionsPerGroupDevicePerPhase - 1,
    });
    expect((await world.as.heimly.post(`${url}/contributions`, body)).json()).toMatchObject({
      stored: false,
    });
    expect(
      codeOf(
        await world.as.heimly.post(`${url}/contributions`, { ...body, clientId: randomUUID(), group: 4 }),
      ),
    ).toBe('VALUE_OUT_OF_RANGE');
    expect(
      codeOf(
        await world.as.heimly.post(`${url}/contributions`, { clientId: randomUUID(), text: 'Uten gruppe' }),
      ),
    ).toBe('VALUE_OUT_OF_RANGE');
    await world.as.heimly.post(`${url}/control`, { action: 'next' });
    const group = await world.as.heimly.post(`${url}/contributions`, {
      clientId: randomUUID(),
      text: 'I gruppefasen',
      group: 1,
    });
    expect(group.json()).toMatchObject({ stored: true });
    await world.as.heimly.post(`${url}/control`, { action: 'reveal' });
    const snap = leader(await world.as.heimly.get(url)).snapshot;
    expect(snap.contributions.map((c) => [c.text, c.group, c.phase]).sort()).toEqual([
      ['Gruppe 2 skriver', 2, 'individual'],
      ['I gruppefasen', 1, 'group'],
    ]);
  });

  it('holds a phone to its contributions per minute', async () => {
    const m = await create(false);
    for (let i = 0; i < 2; i++)
      await world.as.heimly.post(`/meetings/${m.snapshot.meetingId}/control`, { action: 'next' });
    const p = world.phone();
    await p.join({ token: m.joinToken! });
    let refused = 0;
    // Two phases of 8 would allow 16; the minute allows 12.
    for (let i = 0; i < MEETING_LIMITS.contributionsPerPhonePerPhase; i++)
      await p.post('/meetings/live/contributions', { clientId: randomUUID(), text: `Første ${i}` });
    for (let i = 0; i < 3; i++)
      await world.as.heimly.post(`/meetings/${m.snapshot.meetingId}/control`, { action: 'next' });
    for (let i = 0; i < MEETING_LIMITS.contributionsPerPhonePerPhase; i++) {
      const res = await p.post('/meetings/live/contributions', {
        clientId: randomUUID(),
        text: `Etter ${i}`,
      });
      if (res.statusCode === 429) refused++;
    }
    expect(refused).toBe(
      2 * MEETING_LIMITS.contributionsPerPhonePerPhase - MEETING_LIMITS.contributionsPerMinute,
    );
  });

  it('ends the code, the token and the phones with the meeting hours', async () => {
    const m = await create(false);
    const p = world.phone();
    await p.join({ code: m.code! });
    world.clock.now = new Date(Date.parse(m.expiresAt) + 1000);
    expect(codeOf(await world.phone().join({ code: m.code! }))).toBe('MEETING_CODE_INVALID');
    expect(codeOf(await world.phone().join({ token: m.joinToken! }))).toBe('MEETING_CODE_INVALID');
    expect(codeOf(await p.get('/meetings/live/state'))).toBe('MEETING_CLOSED');
    expect(
      codeOf(await world.as.heimly.post(`/meetings/${m.snapshot.meetingId}/control`, { action: 'next' })),
    ).toBe('MEETING_CLOSED');
    const view = leader(await world.as.heimly.get(`/meetings/${m.snapshot.meetingId}`));
    expect(view).toMatchObject({ code: null, joinToken: null, snapshot: { state: 'closed' } });
  });

  it('refuses bad input with a stable 4xx code', async () => {
    const m = await create(false);
    for (let i = 0; i < 2; i++)
      await world.as.heimly.post(`/meetings/${m.snapshot.meetingId}/control`, { action: 'next' });
    const p = world.phone();
    await p.join({ code: m.code! });
    const bad: [string, unknown, string][] = [
      [
        '/meetings/live/contributions',
        { clientId: randomUUID(), text: 'a'.repeat(MEETING_LIMITS.contributionLength + 1) },
        'MALFORMED_REQUEST',
      ],
      ['/meetings/live/contributions', { clientId: randomUUID(), text: 'nul\u0000tegn' }, 'INVALID_TEXT'],
      ['/meetings/live/contributions', { clientId: randomUUID(), text: 'bjelle\u0007' }, 'INVALID_TEXT'],
      ['/meetings/live/contributions', { clientId: randomUUID(), text: '   ' }, 'MALFORMED_REQUEST'],
      ['/meetings/live/contributions', { clientId: 'not-a-uuid', text: 'Hei' }, 'MALFORMED_REQUEST'],
      ['/meetings/live/contributions', { clientId: randomUUID(), text: 42 }, 'MALFORMED_REQUEST'],
      [
        '/meetings/live/contributions',
        { clientId: randomUUID(), text: 'Hei', group: 1 },
        'MALFORMED_REQUEST',
      ],
      [
        '/meetings/live/contributions',
        { clientId: randomUUID(), text: 'Hei', extra: true },
        'MALFORMED_REQUEST',
      ],
      ['/meetings/live/votes', { clientId: randomUUID(), dots: { autonomi: '1' } }, 'MALFORMED_REQUEST'],
      [
        '/meetings/live/votes',
        { clientId: randomUUID(), dots: { a: 1, b: 1, c: 1, d: 1 } },
        'MALFORMED_REQUEST',
      ],
      ['/meetings/live/join', { code: 'AB\u0000CDEFG' }, 'INVALID_TEXT'],
      ['/meetings/live/join', { code: 12345678 }, 'MALFORMED_REQUEST'],
      ['/meetings/live/join', { code: 'A'.repeat(17) }, 'MALFORMED_REQUEST'],
    ];
    for (const [url, body, code] of bad) {
      const res = await p.post(url, body);
      expect([url, res.statusCode < 500 && res.statusCode >= 400, codeOf(res)]).toEqual([url, true, code]);
    }
    const staffBad: [string, unknown][] = [
      [
        '/meetings',
        {
          roundId: IDS.earlierRound,
          unitId: IDS.heimly,
          template: 'analysis',
          groups: 13,
          oneDevice: false,
          candidateFactors: ['autonomi'],
        },
      ],
      [
        '/meetings',
        { roundId: IDS.earlierRound, unitId: IDS.heimly, template: 'analysis', groups: 1, oneDevice: false },
      ],
      [
        '/meetings',
        { roundId: IDS.earlierRound, unitId: IDS.heimly, template: 'analysis', groups: 1, oneDevice: 'no' },
      ],
      [
        '/meetings',
        {
          roundId: IDS.earlierRound,
          unitId: IDS.heimly,
          template: 'analysis',
          groups: 1,
          oneDevice: false,
          candidateFactors: ['no-factor'],
        },
      ],
      [`/meetings/${m.snapshot.meetingId}/control`, { action: 'explode' }],
      [
        `/meetings/${m.snapshot.meetingId}/approve`,
        { summary: 'x'.repeat(MEETING_LIMITS.summaryLength + 1) },
      ],
      [`/meetings/${m.snapshot.meetingId}/approve`, { summary: 'tekst\u001b' }],
    ];
    for (const [url, body] of staffBad) {
      const res = await world.as.heimly.post(url, body);
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(['MALFORMED_REQUEST', 'INVALID_TEXT']).toContain(codeOf(res));
    }
  });
});
