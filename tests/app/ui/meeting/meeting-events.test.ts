// The meeting stream: newest snapshot wins (a reconnect's first snapshot catches the phone up,
// an older one arriving late is ignored), bodies that fail the parser are dropped, and a stream
// the browser gave up on is reopened with a backoff and reported as reconnected once it opens.
import { describe, expect, it, vi } from 'vitest';
import { backoffMs, subscribeMeeting } from '../../../../src/app/ui/meeting/meeting-events';

class FakeSource extends EventTarget {
  static readonly CLOSED = 2;
  readyState = 0;
  closed = false;
  constructor(readonly url: string) {
    super();
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emitOpen() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  emit(data: unknown) {
    this.dispatchEvent(new MessageEvent('snapshot', { data: JSON.stringify(data) }));
  }
  fail(closed: boolean) {
    this.readyState = closed ? 2 : 0;
    this.dispatchEvent(new Event('error'));
  }
}

type Snap = { version: number; count: number };
const parse = (d: unknown): Snap | null =>
  typeof d === 'object' &&
  d !== null &&
  typeof (d as Snap).version === 'number' &&
  typeof (d as Snap).count === 'number'
    ? (d as Snap)
    : null;

function setup() {
  vi.stubGlobal('EventSource', { CLOSED: 2 });
  const sources: FakeSource[] = [];
  const timers: (() => void)[] = [];
  const seen: Snap[] = [];
  const statuses: string[] = [];
  const onReconnected = vi.fn();
  const close = subscribeMeeting<Snap>({
    url: '/api/v1/meetings/live/events',
    parse,
    onSnapshot: (s) => seen.push(s),
    onStatus: (s) => statuses.push(s),
    onReconnected,
    createSource: (url) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s as unknown as EventSource;
    },
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => {},
  });
  return { sources, timers, seen, statuses, onReconnected, close };
}

describe('meeting stream', () => {
  it('shows the newest snapshot only and drops bodies that fail the contract', () => {
    const t = setup();
    const s = t.sources[0]!;
    s.emitOpen();
    s.emit({ version: 3, count: 2 });
    s.emit({ version: 2, count: 1 });
    s.emit({ version: 4, text: 'not a snapshot' });
    s.dispatchEvent(new MessageEvent('snapshot', { data: '{broken' }));
    s.emit({ version: 5, count: 4 });
    expect(t.seen).toEqual([
      { version: 3, count: 2 },
      { version: 5, count: 4 },
    ]);
    expect(t.statuses).toEqual(['connecting', 'live']);
  });

  it('reopens a stream the browser gave up on, catches up and says it is back once', () => {
    const t = setup();
    t.sources[0]!.emitOpen();
    t.sources[0]!.emit({ version: 1, count: 0 });
    t.sources[0]!.fail(true);
    expect(t.sources[0]!.closed).toBe(true);
    expect(t.timers).toHaveLength(1);
    t.timers[0]!();
    const again = t.sources[1]!;
    again.emitOpen();
    again.emit({ version: 1, count: 0 });
    again.emit({ version: 7, count: 3 });
    expect(t.seen.map((s) => s.version)).toEqual([1, 7]);
    expect(t.onReconnected).toHaveBeenCalledOnce();
    expect(t.statuses).toEqual(['connecting', 'live', 'reconnecting', 'reconnecting', 'live']);
  });

  it('leaves a retrying browser alone and reports the break', () => {
    const t = setup();
    t.sources[0]!.emitOpen();
    t.sources[0]!.fail(false);
    expect(t.timers).toHaveLength(0);
    t.sources[0]!.emitOpen();
    expect(t.onReconnected).toHaveBeenCalledOnce();
  });

  it('stops for good when closed', () => {
    const t = setup();
    t.close();
    expect(t.sources[0]!.closed).toBe(true);
  });

  it('backs off up to thirty seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
