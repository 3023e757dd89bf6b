// The phone's side of the contribution outbox (src/app/offline/meeting-outbox.ts): every note is
// kept on the phone first and sent from there, so one written in a dead spot goes out when the
// network is back, once (its client id is the server's idempotency key). The hook says only what
// is true: "sent" once the server has answered that it has the note, "kept on the phone" while
// it waits, and "not taken" with the reason when the server refused it for good (the row is then
// gone too). It flushes when asked (a reconnect, the browser's online event) and retries on a
// slow backoff while anything waits. The text leaves memory as soon as it is in the outbox.
import { useCallback, useEffect, useRef, useState } from 'react';
import { meetingSender, type createMeetingLive } from '../../connection/meeting-live';
import { flushMeetingOutbox, pendingContributions, queueContribution } from '../../offline/meeting-outbox';

/** What became of the note the person sent last. */
export type LastNote = { kind: 'sent' } | { kind: 'refused'; code: string | undefined } | null;

export interface MeetingOutbox {
  /** Notes kept on the phone, not yet with the server. */
  waiting: number;
  last: LastNote;
  /** Older notes (written offline) the server refused for good when they finally arrived. */
  lateRefused: number;
  /** The local write failed (storage full or refused): the note is not kept anywhere. */
  storageFailed: boolean;
  submit: (text: string, phaseId: string) => Promise<void>;
  flush: () => Promise<void>;
}

interface Options {
  meetingId: string;
  live: ReturnType<typeof createMeetingLive>;
  onRemaining: (remaining: number) => void;
  onClosed: () => void;
  /** First retry while notes wait; doubles up to a minute. */
  retryMs?: number;
}

const MAX_RETRY_MS = 60_000;

export function useMeetingOutbox({
  meetingId,
  live,
  onRemaining,
  onClosed,
  retryMs = 8000,
}: Options): MeetingOutbox {
  const [waiting, setWaiting] = useState(0);
  const [last, setLast] = useState<LastNote>(null);
  const [lateRefused, setLateRefused] = useState(0);
  const [storageFailed, setStorageFailed] = useState(false);
  const lastId = useRef<string | null>(null);
  const callbacks = useRef({ onRemaining, onClosed });
  useEffect(() => {
    callbacks.current = { onRemaining, onClosed };
  });
  const retry = useRef<{ timer: ReturnType<typeof setTimeout> | null; delay: number }>({
    timer: null,
    delay: retryMs,
  });
  const alive = useRef(true);
  const again = useRef<() => void>(() => undefined);

  const flush = useCallback(async (): Promise<void> => {
    if (retry.current.timer !== null) clearTimeout(retry.current.timer);
    retry.current.timer = null;
    const send = meetingSender(live, {
      onStored: (id, answer) => {
        callbacks.current.onRemaining(answer.remainingContributions);
        if (id === lastId.current) setLast({ kind: 'sent' });
      },
      onRefused: (id, code) => {
        if (code === 'MEETING_CLOSED') callbacks.current.onClosed();
        if (id === lastId.current) setLast({ kind: 'refused', code });
        else setLateRefused((n) => n + 1);
      },
    });
    let left: number;
    try {
      await flushMeetingOutbox(meetingId, send);
      left = (await pendingContributions(meetingId)).length;
    } catch {
      // The outbox could not be read: nothing was sent, try again later.
      left = 1;
    }
    if (!alive.current) return;
    setWaiting(left);
    if (left > 0) {
      const delay = retry.current.delay;
      retry.current.delay = Math.min(MAX_RETRY_MS, delay * 2);
      retry.current.timer = setTimeout(() => again.current(), delay);
    } else {
      retry.current.delay = retryMs;
    }
  }, [meetingId, live, retryMs]);

  const submit = useCallback(
    async (text: string, phaseId: string) => {
      let id: string;
      try {
        id = await queueContribution(meetingId, phaseId, text);
      } catch {
        setStorageFailed(true);
        return;
      }
      setStorageFailed(false);
      lastId.current = id;
      setLast(null);
      setWaiting((n) => n + 1);
      await flush();
    },
    [meetingId, flush],
  );

  // What an earlier visit left behind goes out now; again whenever the browser says it is online.
  useEffect(() => {
    const timers = retry.current;
    alive.current = true;
    again.current = () => void flush();
    const online = () => void flush();
    void Promise.resolve().then(flush);
    window.addEventListener('online', online);
    return () => {
      alive.current = false;
      window.removeEventListener('online', online);
      if (timers.timer !== null) clearTimeout(timers.timer);
    };
  }, [flush]);

  return { waiting, last, lateRefused, storageFailed, submit, flush };
}
