// The meeting bus of several server processes on one PostgreSQL (see ./bus.ts and ./README.md):
// publish is a NOTIFY on the database, and each process LISTENs on one dedicated connection and
// hands a signal to its own subscribers. The NOTIFY carries the meeting's id and nothing else.
//
// The listening connection is a pg.Client of its own, not one from the pool: LISTEN belongs to a
// session, and a pooled connection goes back to the pool (and to other queries) after each use.
// For the same reason it must reach PostgreSQL directly or through a session pooler, never
// through a transaction pooler (PgBouncer pool_mode=transaction), which gives each transaction
// whatever server connection is free and so never delivers the notifications.
//
// The connection can drop at any time (a restart, a failover, pg_terminate_backend, a cut
// network). That must not end the process: the client's 'error' event always has a listener,
// and the bus connects again after a capped backoff. A change made while it was away reached no
// one here, so once it listens again every local subscriber gets one signal and its stream reads
// the snapshot again.
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { MeetingBus } from './bus';

/** The channel every process of one database listens on. */
export const MEETING_CHANNEL = 'tifaktor_meeting';

/** What a meeting id looks like (a UUID as the server hands it out, at most 100 characters). */
const MEETING_ID = /^[A-Za-z0-9_-]{1,100}$/;
const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresBusOptions {
  /** The database's settings for a connection of its own (db/database.ts postgresClientConfig). */
  clientConfig: pg.ClientConfig;
  /** The app's Kysely, through which publish sends its NOTIFY. */
  kysely: Kysely<DB>;
  channel?: string;
  /** The first wait before connecting again, doubled on each failure up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /**
   * How often the listening connection is asked a `select 1`: a connection cut without a word
   * (a dead network path) otherwise looks alive for as long as TCP takes to notice.
   */
  heartbeatMs?: number;
  /** Where the bus tells of a lost connection and of a subscriber that threw. */
  log?: (message: string, error?: unknown) => void;
}

export interface PostgresMeetingBus extends MeetingBus {
  /** Resolves once the current connection listens (at start, and again after each reconnect). */
  listening(): Promise<void>;
}

interface Subscription {
  listener: () => void;
}

export function createPostgresMeetingBus(options: PostgresBusOptions): PostgresMeetingBus {
  const channel = options.channel ?? MEETING_CHANNEL;
  if (!CHANNEL_NAME.test(channel)) throw new Error(`not a channel name: ${channel}`);
  const minDelay = options.minDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 5_000;
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const log = options.log ?? ((message: string) => console.warn(message));
  const subscriptions = new Map<string, Set<Subscription>>();

  let closed = false;
  let client: pg.Client | undefined;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let isListening = false;

  const call = (subscription: Subscription) => {
    try {
      subscription.listener();
    } catch (error) {
      // One stream's fault must not keep the signal from the others, nor throw in pg's socket handler.
      log('a meeting subscriber threw', error);
    }
  };

  const deliver = (meetingId: string) => {
    for (const subscription of [...(subscriptions.get(meetingId) ?? [])]) call(subscription);
  };

  const catchUp = () => {
    for (const set of [...subscriptions.values()]) for (const subscription of [...set]) call(subscription);
  };

  /** Lets the connection go (if it is this one) and connects again after the backoff. */
  const lose = (lost: pg.Client, error?: unknown) => {
    if (client !== lost) return;
    const was = isListening;
    client = undefined;
    isListening = false;
    clearInterval(heartbeat);
    lost.end().catch(() => undefined);
    if (closed) return;
    log(
      was
        ? `the meeting bus lost its PostgreSQL connection${describe(error)}; connecting again`
        : `the meeting bus could not listen on PostgreSQL${describe(error)}; trying again`,
    );
    const delay = Math.min(maxDelay, minDelay * 2 ** failures);
    failures += 1;
    retryTimer = setTimeout(connect, delay);
  };

  function connect(): void {
    retryTimer = undefined;
    if (closed) return;
    const next = new pg.Client({ ...options.clientConfig, keepAlive: true });
    client = next;
    // Without this listener an error on the socket is thrown and ends the process.
    next.on('error', (error) => lose(next, error));
    next.on('end', () => lose(next));
    next.on('notification', (message) => {
      if (message.channel !== channel) return;
      const meetingId = message.payload;
      // Anyone who may connect to the database may NOTIFY on the channel: take ids only.
      if (typeof meetingId === 'string' && MEETING_ID.test(meetingId)) deliver(meetingId);
    });
    next
      .connect()
      .then(() => next.query(`listen ${channel}`))
      .then(() => {
        if (client !== next) return;
        failures = 0;
        isListening = true;
        // A heartbeat that gets no answer in its own interval ends the connection (pg's end()
        // destroys a socket whose query hangs) and the bus connects again.
        const ping: pg.QueryConfig & { query_timeout: number } = {
          text: 'select 1',
          query_timeout: heartbeatMs,
        };
        heartbeat = setInterval(() => {
          next.query(ping).catch((error: unknown) => lose(next, error));
        }, heartbeatMs);
        heartbeat.unref();
        const resolved = waiters;
        waiters = [];
        for (const waiter of resolved) waiter.resolve();
        // Whatever changed before this LISTEN reached no one here.
        catchUp();
      })
      .catch((error: unknown) => lose(next, error));
  }

  connect();

  return {
    publish: async (meetingId) => {
      if (!MEETING_ID.test(meetingId)) throw new Error('not a meeting id');
      await sql`select pg_notify(${channel}, ${meetingId})`.execute(options.kysely);
    },
    subscribe: (meetingId, listener) => {
      const subscription = { listener };
      let set = subscriptions.get(meetingId);
      if (set === undefined) subscriptions.set(meetingId, (set = new Set()));
      set.add(subscription);
      return () => {
        set.delete(subscription);
        if (set.size === 0 && subscriptions.get(meetingId) === set) subscriptions.delete(meetingId);
      };
    },
    listening: () =>
      closed
        ? Promise.reject(new Error('the meeting bus is closed'))
        : isListening
          ? Promise.resolve()
          : new Promise<void>((resolve, reject) => waiters.push({ resolve, reject })),
    close: async () => {
      if (closed) return;
      closed = true;
      clearTimeout(retryTimer);
      clearInterval(heartbeat);
      subscriptions.clear();
      for (const waiter of waiters) waiter.reject(new Error('the meeting bus is closed'));
      waiters = [];
      const last = client;
      client = undefined;
      isListening = false;
      if (last !== undefined) await endWithin(last, END_WAIT_MS);
    },
  };
}

/** How long close() waits for PostgreSQL to answer the goodbye before it drops the socket. */
const END_WAIT_MS = 1_000;

/**
 * pg's end() waits for the server to close the connection, which a dead network path never does:
 * after `ms` the socket is destroyed (pg keeps it as client.connection.stream, not in its types).
 */
async function endWithin(client: pg.Client, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const ended = client.end().then(
    () => true,
    () => true,
  );
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const inTime = await Promise.race([ended, late]);
  clearTimeout(timer);
  if (!inTime)
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

/** Code and message only (as db/database.ts): nothing of a row may reach the log. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return '';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? ` (${code} ${error.message})` : ` (${error.message})`;
}
