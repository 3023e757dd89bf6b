// A contribution written offline is kept on the phone and reaches the meeting exactly once:
// sends that fail keep it, a lost reply and the resend carry the same client id, two flushes at
// once do not send it twice, and a refusal drops it instead of retrying forever.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../src/app/offline/db';
import {
  dropMeeting,
  flushMeetingOutbox,
  pendingContributions,
  queueContribution,
  type MeetingSender,
} from '../../../src/app/offline/meeting-outbox';
import { useFreshDb } from './fakes';

beforeEach(useFreshDb);

/** A fake server that stores each client id once, as the real one does. */
function server() {
  const stored = new Map<string, string>();
  let online = false;
  let loseReplies = 0;
  const send = vi.fn<MeetingSender>(async (row) => {
    await Promise.resolve();
    if (!online) throw new TypeError('Failed to fetch');
    if (!stored.has(row.id)) stored.set(row.id, row.text);
    if (loseReplies > 0) {
      loseReplies -= 1;
      throw new TypeError('network reply lost');
    }
    return 'stored' as const;
  });
  return {
    stored,
    send,
    goOnline: () => (online = true),
    loseNextReply: () => (loseReplies += 1),
  };
}

describe('meeting outbox', () => {
  it('keeps what is written offline and sends it once when back', async () => {
    const s = server();
    await queueContribution('m1', 'p1', 'Vi hjelper hverandre');
    expect(await flushMeetingOutbox('m1', s.send)).toEqual({ stored: 0, refused: 0, left: 1 });
    expect(await pendingContributions('m1')).toHaveLength(1);
    s.goOnline();
    expect(await flushMeetingOutbox('m1', s.send)).toEqual({ stored: 1, refused: 0, left: 0 });
    expect(await flushMeetingOutbox('m1', s.send)).toEqual({ stored: 0, refused: 0, left: 0 });
    expect([...s.stored.values()]).toEqual(['Vi hjelper hverandre']);
    expect(await pendingContributions('m1')).toEqual([]);
  });

  it('resends with the same client id after a lost reply, so the meeting still has one', async () => {
    const s = server();
    s.goOnline();
    s.loseNextReply();
    const id = await queueContribution('m1', 'p1', 'Humor');
    await flushMeetingOutbox('m1', s.send);
    expect(await pendingContributions('m1')).toHaveLength(1);
    await flushMeetingOutbox('m1', s.send);
    expect(s.send).toHaveBeenCalledTimes(2);
    expect(vi.mocked(s.send).mock.calls.map(([row]) => row.id)).toEqual([id, id]);
    expect(s.stored.size).toBe(1);
  });

  it('joins a flush already running instead of sending the same row twice', async () => {
    const s = server();
    s.goOnline();
    await queueContribution('m1', 'p1', 'a');
    await queueContribution('m1', 'p1', 'b');
    const [one, two] = await Promise.all([
      flushMeetingOutbox('m1', s.send),
      flushMeetingOutbox('m1', s.send),
    ]);
    expect(one).toEqual(two);
    expect(s.send).toHaveBeenCalledTimes(2);
  });

  it('sends no author, device or time: only id, meeting, phase and text', async () => {
    const s = server();
    s.goOnline();
    await queueContribution('m1', 'p1', 'Samhold', 1_700_000_000_000);
    await flushMeetingOutbox('m1', s.send);
    expect(Object.keys(vi.mocked(s.send).mock.calls[0]?.[0] ?? {}).sort()).toEqual([
      'id',
      'meetingId',
      'phaseId',
      'text',
    ]);
  });

  it('drops a refused contribution and keeps the meetings apart', async () => {
    await queueContribution('m1', 'p1', 'too late');
    await queueContribution('m2', 'p9', 'other meeting');
    const summary = await flushMeetingOutbox('m1', () => Promise.resolve('refused' as const));
    expect(summary).toEqual({ stored: 0, refused: 1, left: 0 });
    expect(await pendingContributions('m1')).toEqual([]);
    expect(await pendingContributions('m2')).toHaveLength(1);
    await dropMeeting('m2');
    expect(await getDb().meetingOutbox.count()).toBe(0);
  });
});
