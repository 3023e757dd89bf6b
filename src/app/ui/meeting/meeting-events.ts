// A meeting's live stream (Server-Sent Events): every message is a whole snapshot with a growing
// `version`, so catching up after a dropped connection needs no replay, only the next snapshot.
// This wrapper keeps one EventSource, reconnects with a capped backoff when the browser gives up
// (EventSource retries by itself only while the server keeps answering), ignores snapshots older
// than the one already shown, and checks each body with the caller's parser before trusting it.
// No React, no storage: the screens subscribe, the outbox flushes on `onOnline`.

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

export interface MeetingStreamOptions<T extends { version: number }> {
  url: string;
  /** Returns the snapshot if the body matches the contract, else null (the message is dropped). */
  parse: (data: unknown) => T | null;
  onSnapshot: (snapshot: T) => void;
  onStatus?: (status: StreamStatus) => void;
  /** Called when the stream is open again after a break: the page flushes its outbox then. */
  onReconnected?: () => void;
  /** Injected for tests. */
  createSource?: (url: string) => EventSource;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const MAX_BACKOFF_MS = 30_000;

export function backoffMs(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempt));
}

/** Opens the stream; the returned function closes it for good. */
export function subscribeMeeting<T extends { version: number }>(
  options: MeetingStreamOptions<T>,
): () => void {
  const {
    url,
    parse,
    onSnapshot,
    onStatus = () => {},
    onReconnected = () => {},
    createSource = (u) => new EventSource(u, { withCredentials: true }),
    setTimer = (fn, ms) => setTimeout(fn, ms),
    clearTimer = (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  } = options;
  let source: EventSource | null = null;
  let lastVersion = -1;
  let attempt = 0;
  let hadBreak = false;
  let closed = false;
  let retry: unknown = null;

  const open = () => {
    if (closed) return;
    onStatus(hadBreak ? 'reconnecting' : 'connecting');
    const current = createSource(url);
    source = current;
    current.addEventListener('open', () => {
      attempt = 0;
      onStatus('live');
      if (hadBreak) onReconnected();
      hadBreak = false;
    });
    current.addEventListener('snapshot', (event) => {
      let body: unknown;
      try {
        body = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        return;
      }
      const snapshot = parse(body);
      if (!snapshot || snapshot.version <= lastVersion) return;
      lastVersion = snapshot.version;
      onSnapshot(snapshot);
    });
    current.addEventListener('error', () => {
      hadBreak = true;
      if (current.readyState === EventSource.CLOSED) {
        // The browser gave up (a 4xx/5xx or a refused connection): try again ourselves.
        current.close();
        onStatus('reconnecting');
        retry = setTimer(open, backoffMs(attempt));
        attempt += 1;
      } else {
        onStatus('reconnecting');
      }
    });
  };

  open();
  return () => {
    closed = true;
    if (retry !== null) clearTimer(retry);
    source?.close();
  };
}
