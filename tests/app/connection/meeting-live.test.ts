// The phone's meeting calls and the outbox sender over them: what is final and what stays.
import { describe, expect, it, vi } from 'vitest';
import { createMeetingLive, meetingSender } from '../../../src/app/connection/meeting-live';

const ROW = { id: '11111111-1111-4111-8111-111111111111', meetingId: 'm1', phaseId: 'p1', text: 'Humor' };
const json = (status: number, body: unknown) => () =>
  Promise.resolve(new Response(JSON.stringify(body), { status }));
const refusal = (status: number, code: string) => json(status, { error: { code, message: code } });

function senderWith(reply: () => Promise<Response>) {
  const fetchImpl = vi.fn<typeof fetch>(reply);
  return { fetchImpl, send: meetingSender(createMeetingLive(fetchImpl)) };
}

describe('meeting sender', () => {
  it('sends only the client id and the text to the live route', async () => {
    const { fetchImpl, send } = senderWith(json(200, { stored: true, remainingContributions: 7 }));
    expect(await send(ROW)).toBe('stored');
    const [path, init] = fetchImpl.mock.calls[0]!;
    expect(path).toBe('/api/v1/meetings/live/contributions');
    expect(JSON.parse(init?.body as string)).toEqual({ clientId: ROW.id, text: 'Humor' });
  });

  it('counts a resend the server already had as done', async () => {
    const { send } = senderWith(json(200, { stored: false, remainingContributions: 7 }));
    expect(await send(ROW)).toBe('stored');
  });

  it('drops what the meeting will never take', async () => {
    for (const code of ['MEETING_WRONG_STEP', 'MEETING_LIMIT_REACHED', 'MEETING_CLOSED']) {
      expect(await senderWith(refusal(409, code)).send(ROW)).toBe('refused');
    }
  });

  it('keeps it for later when offline, on a 5xx, a rate limit or a body off the contract', async () => {
    await expect(
      senderWith(() => Promise.reject(new TypeError('Failed to fetch'))).send(ROW),
    ).rejects.toThrow();
    await expect(senderWith(refusal(503, 'DATABASE_UNAVAILABLE')).send(ROW)).rejects.toThrow();
    await expect(senderWith(refusal(429, 'RATE_LIMITED')).send(ROW)).rejects.toThrow();
    await expect(senderWith(json(200, { stored: 'yes' })).send(ROW)).rejects.toThrow();
    await expect(senderWith(json(400, 'no envelope')).send(ROW)).rejects.toThrow();
  });
});
