// The live streams (issue 13) over a real HTTP listener on 127.0.0.1, on both databases: the
// leader's screen and a phone each get the current snapshot first, then a new one after a
// contribution (a count, never its text); a closed meeting's stream sends its final snapshot and
// ends; and an open stream does not keep app.close() waiting. Every read is bounded in time.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MeetingLeaderView, MeetingSnapshot } from '../../../src/shared/api/meetings';
import { describeEachDatabase } from '../support/databases';
import { NOW, TEST_CODE_HASH_KEY } from '../support/fixtures';
import { signIn } from '../authz/fixtures';
import { PEOPLE } from '../plans/world';
import { IDS, leader, meetingWorld, type MeetingWorld } from './world';

interface Message {
  id: string | undefined;
  event: string | undefined;
  data: MeetingSnapshot;
}

/** Reads SSE messages from a response body until `count` have come or the signal aborts. */
function messageReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue: Message[] = [];
  let ended = false;
  async function next(): Promise<Message | undefined> {
    for (;;) {
      const shifted = queue.shift();
      if (shifted) return shifted;
      if (ended) return undefined;
      const { value, done } = await reader.read();
      if (done) {
        ended = true;
        continue;
      }
      buffer += decoder.decode(value, { stream: true });
      let at: number;
      while ((at = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
        }
        if (fields.has('data'))
          queue.push({
            id: fields.get('id'),
            event: fields.get('event'),
            data: JSON.parse(fields.get('data')!) as MeetingSnapshot,
          });
      }
    }
  }
  return { next, ended: () => ended };
}

describeEachDatabase('the live streams', (dialect) => {
  let world: MeetingWorld;
  let base: string;
  let meeting: MeetingLeaderView;
  beforeAll(async () => {
    world = await meetingWorld(dialect);
    await world.env.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(world.env.app.server.address() as AddressInfo).port}/api/v1`;
    meeting = leader(
      await world.as.heimly.post('/meetings', {
        roundId: IDS.earlierRound,
        unitId: IDS.heimly,
        template: 'analysis',
        candidateFactors: ['autonomi'],
        groups: 1,
        oneDevice: false,
      }),
    );
    for (let i = 0; i < 2; i++)
      await world.as.heimly.post(`/meetings/${meeting.snapshot.meetingId}/control`, { action: 'next' });
  });
  afterAll(() => world.env.dispose());

  const staffHeaders = async () => {
    const { cookie } = await signIn(world.env.database.kysely, PEOPLE.heimly.id, NOW);
    return { cookie, accept: 'text/event-stream' };
  };

  it('sends the screen and a phone the snapshot first, then a new one after a contribution, without its text', async () => {
    const phone = world.phone();
    await phone.join({ code: meeting.code! });
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 10_000);
    try {
      const screen = await fetch(`${base}/meetings/${meeting.snapshot.meetingId}/events`, {
        headers: await staffHeaders(),
        signal: abort.signal,
      });
      expect(screen.status).toBe(200);
      expect(screen.headers.get('content-type')).toContain('text/event-stream');
      expect(screen.headers.get('x-content-type-options')).toBe('nosniff');
      const onPhone = await fetch(`${base}/meetings/live/events`, {
        headers: { cookie: phone.cookie!, accept: 'text/event-stream' },
        signal: abort.signal,
      });
      expect(onPhone.status).toBe(200);
      const screenMessages = messageReader(screen.body!);
      const phoneMessages = messageReader(onPhone.body!);
      const first = (await screenMessages.next())!;
      expect(first).toMatchObject({ event: 'snapshot', id: String(first.data.version) });
      expect(first.data).toMatchObject({
        meetingId: meeting.snapshot.meetingId,
        contributionCount: 0,
        phase: 'individual',
      });
      const phoneFirst = (await phoneMessages.next())!;
      expect(phoneFirst.data.version).toBe(first.data.version);

      const sent = await phone.post('/meetings/live/contributions', {
        clientId: randomUUID(),
        text: 'Strømmet hemmelighet',
      });
      expect(sent.statusCode).toBe(200);
      const second = (await screenMessages.next())!;
      expect(second.data.version).toBeGreaterThan(first.data.version);
      expect(second.data.contributionCount).toBe(1);
      expect(JSON.stringify(second.data)).not.toContain('hemmelighet');
      const phoneSecond = (await phoneMessages.next())!;
      expect(phoneSecond.data.contributionCount).toBe(1);
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  });

  it('refuses a phone without the cookie', async () => {
    const res = await fetch(`${base}/meetings/live/events`, {
      headers: { accept: 'text/event-stream' },
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status).toBe(401);
    expect((await res.json()) as object).toMatchObject({ error: { code: 'MEETING_NOT_JOINED' } });
  });

  it("ends a closed meeting's stream after its final snapshot", async () => {
    const id = meeting.snapshot.meetingId;
    let snap = leader(await world.as.heimly.get(`/meetings/${id}`)).snapshot;
    while (snap.steps[snap.stepIndex]!.kind !== 'summary')
      snap = leader(await world.as.heimly.post(`/meetings/${id}/control`, { action: 'next' })).snapshot;
    await world.as.heimly.post(`/meetings/${id}/approve`, { summary: 'Ferdig.' });
    const res = await fetch(`${base}/meetings/${id}/events`, {
      headers: await staffHeaders(),
      signal: AbortSignal.timeout(10_000),
    });
    const messages = messageReader(res.body!);
    expect((await messages.next())!.data).toMatchObject({ state: 'closed', summary: 'Ferdig.' });
    expect(await messages.next()).toBeUndefined();
    expect(messages.ended()).toBe(true);
  });

  it('does not keep app.close() waiting for an open stream', async () => {
    const app = world.env.secondApp({ now: () => NOW, codeHashKey: TEST_CODE_HASH_KEY });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const other = leader(
      await world.as.heimly.post('/meetings', {
        roundId: IDS.earlierRound,
        unitId: IDS.heimly,
        template: 'analysis',
        candidateFactors: ['autonomi'],
        groups: 1,
        oneDevice: false,
      }),
    );
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/meetings/${other.snapshot.meetingId}/events`, {
      headers: await staffHeaders(),
      signal: AbortSignal.timeout(10_000),
    });
    const messages = messageReader(res.body!);
    expect((await messages.next())!.event).toBe('snapshot');
    const closed = await Promise.race([
      app.close().then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still open'), 8_000).unref()),
    ]);
    expect(closed).toBe('closed');
    expect(await messages.next()).toBeUndefined();
  });
});
