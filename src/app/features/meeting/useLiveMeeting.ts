// Follows a joined meeting: the live stream's snapshots (newest version wins, via
// ui/meeting/meeting-events.ts), and the phone's own allowances (`me`: notes and dots left),
// which only the state route knows. `me` belongs to one step and phase: when the room moves on,
// the old counts are not shown as if they were the new ones, and the state is read again. After a
// broken stream opens again the state is read again and the page flushes its outbox (onReconnected).
import { useCallback, useEffect, useRef, useState } from 'react';
import { Value } from '@sinclair/typebox/value';
import {
  MeetingSnapshotSchema,
  type MeetingSnapshot,
  type ParticipantView,
} from '../../../shared/api/meetings';
import { liveEventsUrl, type createMeetingLive } from '../../connection/meeting-live';
import { subscribeMeeting, type StreamStatus } from '../../ui/meeting/meeting-events';
import { clockFromServer, type PhaseClock } from '../../ui/meeting/timer';

export type Me = ParticipantView['me'];

export interface LiveMeeting {
  snapshot: MeetingSnapshot;
  /** The phone's allowances for the current step and phase; null while they are being read. */
  me: Me | null;
  clock: PhaseClock | null;
  status: StreamStatus;
}

/** Where the room is: a note or a vote belongs to one step and phase. */
export const phaseKey = (s: Pick<MeetingSnapshot, 'stepIndex' | 'phase'>): string =>
  `${s.stepIndex}:${s.phase ?? '-'}`;

const parse = (data: unknown): MeetingSnapshot | null =>
  Value.Check(MeetingSnapshotSchema, data) ? data : null;

const clockOf = (snapshot: MeetingSnapshot): PhaseClock | null =>
  snapshot.timer ? clockFromServer(snapshot.timer, Date.now()) : null;

interface Options {
  initial: ParticipantView;
  live: ReturnType<typeof createMeetingLive>;
  /** The meeting is over (closed, or its code expired with it). */
  onClosed: () => void;
  /** The server no longer knows this phone (the participant cookie is gone). */
  onLeft: () => void;
  onReconnected: () => void;
  /** Injected for tests. */
  createSource?: (url: string) => EventSource;
}

interface Held {
  snapshot: MeetingSnapshot;
  me: Me;
  meKey: string;
  clock: PhaseClock | null;
}

export function useLiveMeeting({ initial, live, onClosed, onLeft, onReconnected, createSource }: Options) {
  const [held, setHeld] = useState<Held>(() => ({
    snapshot: initial.snapshot,
    me: initial.me,
    meKey: phaseKey(initial.snapshot),
    clock: clockOf(initial.snapshot),
  }));
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const latest = useRef(held);
  const handlers = useRef({ onClosed, onLeft, onReconnected });
  useEffect(() => {
    latest.current = held;
    handlers.current = { onClosed, onLeft, onReconnected };
  });

  const refresh = useCallback(async () => {
    const reply = await live.state();
    if (reply.kind === 'ok') {
      const { snapshot, me } = reply.body;
      setHeld((now) => {
        const newer = snapshot.version >= now.snapshot.version;
        const shown = newer ? snapshot : now.snapshot;
        return {
          snapshot: shown,
          clock: newer ? clockOf(snapshot) : now.clock,
          me,
          meKey: phaseKey(snapshot),
        };
      });
      if (snapshot.state === 'closed') handlers.current.onClosed();
      return;
    }
    if (reply.kind === 'refused') {
      const code = reply.error?.code;
      if (code === 'MEETING_CLOSED' || code === 'MEETING_CODE_INVALID') handlers.current.onClosed();
      else if (code === 'MEETING_NOT_JOINED') handlers.current.onLeft();
    }
    // Offline or server trouble: keep what is shown; the stream's next snapshot or reconnect follows.
  }, [live]);

  useEffect(() => {
    return subscribeMeeting<MeetingSnapshot>({
      url: liveEventsUrl(),
      parse,
      ...(createSource ? { createSource } : {}),
      onStatus: setStatus,
      onSnapshot: (snapshot) => {
        const before = latest.current;
        if (snapshot.version <= before.snapshot.version && snapshot.meetingId === before.snapshot.meetingId) {
          return;
        }
        setHeld((now) => ({ ...now, snapshot, clock: clockOf(snapshot) }));
        if (snapshot.state === 'closed') handlers.current.onClosed();
        else if (phaseKey(snapshot) !== before.meKey) void refresh();
      },
      onReconnected: () => {
        void refresh();
        handlers.current.onReconnected();
      },
    });
  }, [live, refresh, createSource]);

  const updateRemaining = useCallback((remainingContributions: number) => {
    setHeld((now) => ({ ...now, me: { ...now.me, remainingContributions } }));
  }, []);

  const takeView = useCallback((view: ParticipantView) => {
    setHeld((now) => {
      const newer = view.snapshot.version >= now.snapshot.version;
      return {
        snapshot: newer ? view.snapshot : now.snapshot,
        clock: newer ? clockOf(view.snapshot) : now.clock,
        me: view.me,
        meKey: phaseKey(view.snapshot),
      };
    });
  }, []);

  const meeting: LiveMeeting = {
    snapshot: held.snapshot,
    me: held.meKey === phaseKey(held.snapshot) ? held.me : null,
    clock: held.clock,
    status,
  };
  return { meeting, refresh, updateRemaining, takeView };
}
