// The meeting bus (src/server/meetings/live): the local bus of one process, and on PostgreSQL the
// bus over LISTEN/NOTIFY, here as two buses on two dedicated connections of one database, as two
// server processes would hold them. Each PostgreSQL bus listens on a channel of this test's own
// (NOTIFY is per database, and other test files share it) and names its connection, so the test
// finds it in pg_stat_activity and can end it with pg_terminate_backend.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, connect as connectTcp, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { createLocalMeetingBus, type MeetingBus } from '../../src/server/meetings/live/bus';
import { createMeetingBus } from '../../src/server/meetings/live/create-bus';
import {
  createPostgresMeetingBus,
  type PostgresMeetingBus,
} from '../../src/server/meetings/live/postgres-bus';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from './support/databases';

/** Counts the signals one subscriber got. */
function counter(bus: MeetingBus, meetingId: string) {
  const seen = { count: 0, unsubscribe: () => undefined as void };
  seen.unsubscribe = bus.subscribe(meetingId, () => (seen.count += 1));
  return seen;
}

/**
 * A TCP proxy to PostgreSQL that can go silent: freeze() stops passing bytes on every connection
 * it holds, as a dead network path does (no FIN, no RST), while new connections pass as before.
 */
async function silentProxy(target: URL) {
  const pairs: [Socket, Socket][] = [];
  const frozen: Socket[] = [];
  const server: Server = createServer((inbound) => {
    const outbound = connectTcp(Number(target.port || 5432), target.hostname);
    inbound.pipe(outbound).pipe(inbound);
    for (const socket of [inbound, outbound]) socket.on('error', () => undefined);
    pairs.push([inbound, outbound]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = new URL(target.toString());
  url.hostname = '127.0.0.1';
  url.port = String(typeof address === 'object' && address !== null ? address.port : 0);
  return {
    url: url.toString(),
    freeze: () => {
      for (const [inbound, outbound] of pairs.splice(0)) {
        inbound.unpipe(outbound);
        outbound.unpipe(inbound);
        inbound.pause();
        outbound.pause();
        frozen.push(inbound, outbound);
      }
    },
    close: async () => {
      for (const socket of [...frozen, ...pairs.flat()]) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Polls until `check` holds, or fails after `ms`. */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the local meeting bus', () => {
  it("signals the meeting's subscribers in this process, and none after they unsubscribe", async () => {
    const bus = createLocalMeetingBus();
    const [first, second, other] = [counter(bus, 'm1'), counter(bus, 'm1'), counter(bus, 'm2')];
    await bus.publish('m1');
    expect([first.count, second.count, other.count]).toEqual([1, 1, 0]);
    first.unsubscribe();
    await bus.publish('m1');
    await bus.publish('m2');
    expect([first.count, second.count, other.count]).toEqual([1, 2, 1]);
    await bus.close();
    await bus.publish('m1');
    expect(second.count).toBe(2);
  });

  it('is what an SQLite database gets', async () => {
    const testDb = await createTestDatabase('sqlite');
    const db = testDb.connect();
    const bus = createMeetingBus(db);
    expect('listening' in bus).toBe(false);
    const seen = counter(bus, 'm1');
    await bus.publish('m1');
    expect(seen.count).toBe(1);
    await bus.close();
    await db.close();
    await testDb.dispose();
  });
});

describe.skipIf(!TEST_DATABASE_URL)('the PostgreSQL meeting bus', () => {
  const channel = `tifaktor_meeting_test_${randomBytes(6).toString('hex')}`;
  let testDb: TestDatabase;
  let dbs: Database[];
  let admin: pg.Client;
  let applicationName: string;
  const buses: PostgresMeetingBus[] = [];
  const logged: string[] = [];

  /** A bus on its own pool and its own named listening connection, as a server process has. */
  const open = (name: string, db: Database): PostgresMeetingBus => {
    const bus = createPostgresMeetingBus({
      clientConfig: { ...db.postgresClientConfig, application_name: `${applicationName}-${name}` },
      kysely: db.kysely,
      channel,
      minDelayMs: 20,
      maxDelayMs: 200,
      log: (message) => logged.push(`${name}: ${message}`),
    });
    buses.push(bus);
    return bus;
  };

  /** The backends of one bus's listening connection. */
  const backends = async (name: string): Promise<number[]> => {
    const { rows } = await admin.query<{ pid: number }>(
      'select pid from pg_stat_activity where application_name = $1',
      [`${applicationName}-${name}`],
    );
    return rows.map((r) => r.pid);
  };

  const terminate = async (name: string): Promise<number[]> => {
    // In the select list, not the WHERE clause: there the planner may call it before the filter.
    const { rows } = await admin.query<{ pid: number; terminated: boolean }>(
      'select pid, pg_terminate_backend(pid) as terminated from pg_stat_activity where application_name = $1',
      [`${applicationName}-${name}`],
    );
    return rows.filter((r) => r.terminated).map((r) => r.pid);
  };

  /** Sends a NOTIFY on the channel from outside every bus, as anyone with a login could. */
  const notify = (payload: string) => admin.query('select pg_notify($1, $2)', [channel, payload]);

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    applicationName = testDb.postgres!.applicationName;
    dbs = [testDb.connect(), testDb.connect()];
    admin = new pg.Client({
      connectionString: TEST_DATABASE_URL,
      application_name: `${applicationName}-admin`,
    });
    await admin.connect();
  });

  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  afterAll(async () => {
    await admin?.end();
    await Promise.all((dbs ?? []).map((db) => db.close()));
    await testDb?.dispose();
  });

  it("reaches the other process's subscribers of that meeting, and its own, until they unsubscribe", async () => {
    const one = open('one', dbs[0]!);
    const two = open('two', dbs[1]!);
    await Promise.all([one.listening(), two.listening()]);
    const [m1, m2] = [randomUUID(), randomUUID()];
    const there = counter(two, m1);
    const alsoThere = counter(two, m1);
    const here = counter(one, m1);
    const otherMeeting = counter(two, m2);
    // Each process has a connection of its own: a marker on each says what reached that process.
    const markerHere = counter(one, m2);

    await one.publish(m1);
    await until(() => there.count === 1 && alsoThere.count === 1 && here.count === 1, 'the first signal');
    // A marker on the other meeting, sent after: once it is in, nothing more of m1 is on its way.
    await one.publish(m2);
    await until(() => otherMeeting.count === 1 && markerHere.count === 1, 'the marker');
    expect([there.count, alsoThere.count, here.count]).toEqual([1, 1, 1]);

    there.unsubscribe();
    await two.publish(m1);
    await two.publish(m2);
    await until(() => otherMeeting.count === 2 && markerHere.count === 2, 'the second marker');
    expect([there.count, alsoThere.count, here.count]).toEqual([1, 2, 2]);
  });

  it('ignores a NOTIFY on its channel whose payload is not a meeting id', async () => {
    const two = open('two', dbs[1]!);
    await two.listening();
    const marker = randomUUID();
    const bad = ['', 'not an id', "x'; drop table meetings; --", 'x'.repeat(101), '{"meetingId":"m1"}'];
    const wrongs = bad.map((payload) => counter(two, payload));
    const seen = counter(two, marker);
    for (const payload of bad) await notify(payload);
    await notify(marker);
    await until(() => seen.count === 1, 'the marker');
    expect(wrongs.map((w) => w.count)).toEqual(bad.map(() => 0));
    // publish refuses what it would not take in either.
    await expect(two.publish('not an id')).rejects.toThrow('not a meeting id');
  });

  it('connects again when its connection is ended, signals every subscriber once, and hears later changes', async () => {
    const one = open('one', dbs[0]!);
    const two = open('two', dbs[1]!);
    await Promise.all([one.listening(), two.listening()]);
    const [m1, m2] = [randomUUID(), randomUUID()];
    const subscribers = [counter(two, m1), counter(two, m1), counter(two, m2)];
    const [before] = await backends('two');

    expect(await terminate('two')).toEqual([before]);
    // The catch-up: a change made while it was away would otherwise reach no stream here.
    await until(() => subscribers.every((s) => s.count >= 1), 'the catch-up signals');
    await two.listening();
    const after = await backends('two');
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);

    await one.publish(m2);
    await until(() => subscribers[2]!.count === 2, 'a change after the reconnect');
    expect(subscribers.map((s) => s.count)).toEqual([1, 1, 2]);
    expect(logged.filter((line) => line.startsWith('two: the meeting bus lost'))).toHaveLength(1);
  });

  it('keeps trying while the database refuses it, and listens once it can', async () => {
    // A role that may not log in stands for a database that is down: each try fails at connect.
    const role = `bus_${randomBytes(4).toString('hex')}`;
    await admin.query(`create role ${role} nologin`);
    try {
      const url = new URL(TEST_DATABASE_URL!);
      url.username = role;
      url.password = '';
      const bus = createPostgresMeetingBus({
        clientConfig: { connectionString: url.toString(), application_name: `${applicationName}-late` },
        kysely: dbs[0]!.kysely,
        channel,
        minDelayMs: 20,
        maxDelayMs: 50,
        log: (message) => logged.push(`late: ${message}`),
      });
      buses.push(bus);
      const seen = counter(bus, randomUUID());
      await until(() => logged.filter((l) => l.startsWith('late:')).length >= 3, 'a few refused tries');
      expect(seen.count).toBe(0);
      await admin.query(`alter role ${role} login`);
      await bus.listening();
      // A subscriber from before the first LISTEN may have missed a change too.
      await until(() => seen.count === 1, 'the catch-up signal');
    } finally {
      await Promise.all(buses.splice(0).map((bus) => bus.close()));
      await admin.query(`drop role if exists ${role}`);
    }
  });

  it('connects again when its connection goes silent: the heartbeat gets no answer in time', async () => {
    const proxy = await silentProxy(new URL(TEST_DATABASE_URL!));
    try {
      const one = open('one', dbs[0]!);
      const silent = createPostgresMeetingBus({
        clientConfig: { connectionString: proxy.url, application_name: `${applicationName}-silent` },
        kysely: dbs[1]!.kysely,
        channel,
        minDelayMs: 20,
        maxDelayMs: 200,
        heartbeatMs: 100,
        log: (message) => logged.push(`silent: ${message}`),
      });
      buses.push(silent);
      await Promise.all([one.listening(), silent.listening()]);
      const meetingId = randomUUID();
      const seen = counter(silent, meetingId);
      proxy.freeze();
      // Sent into the silence: it never arrives on the frozen connection.
      await one.publish(meetingId);
      await until(() => seen.count === 1, 'the catch-up signal on a new connection');
      expect(logged.some((line) => line.startsWith('silent: the meeting bus lost'))).toBe(true);
      await silent.listening();
      await one.publish(meetingId);
      await until(() => seen.count === 2, 'a change after the reconnect');
    } finally {
      await Promise.all(buses.splice(0).map((bus) => bus.close()));
      await proxy.close();
    }
  });

  it('closes on a silent connection too, without waiting for the goodbye PostgreSQL never sends', async () => {
    const proxy = await silentProxy(new URL(TEST_DATABASE_URL!));
    try {
      const silent = createPostgresMeetingBus({
        clientConfig: { connectionString: proxy.url, application_name: `${applicationName}-silent` },
        kysely: dbs[1]!.kysely,
        channel,
      });
      await silent.listening();
      proxy.freeze();
      await expect(silent.close()).resolves.toBeUndefined();
    } finally {
      await proxy.close();
    }
  });

  it('leaves no connection open once closed, also when closed while waiting to connect again', async () => {
    const two = open('two', dbs[1]!);
    await two.listening();
    expect(await backends('two')).toHaveLength(1);
    await two.close();
    await until(async () => (await backends('two')).length === 0, 'the closed connection to go');
    await expect(two.listening()).rejects.toThrow('closed');

    const three = open('three', dbs[1]!);
    await three.listening();
    await terminate('three');
    // Closed in the backoff: its timer must not open a connection afterwards.
    await until(() => logged.some((line) => line.startsWith('three: the meeting bus lost')), 'the loss');
    await three.close();
    await new Promise((resolve) => setTimeout(resolve, 300)); // longer than maxDelayMs
    expect(await backends('three')).toEqual([]);

    const four = open('four', dbs[1]!);
    // Closed before it ever listened.
    await four.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await backends('four')).toEqual([]);
  });

  it('is what a PostgreSQL database gets', async () => {
    const bus = createMeetingBus(dbs[0]!);
    try {
      expect('listening' in bus).toBe(true);
      await (bus as PostgresMeetingBus).listening();
      const meetingId = randomUUID();
      const seen = counter(bus, meetingId);
      await bus.publish(meetingId);
      await until(() => seen.count === 1, 'the signal through PostgreSQL');
    } finally {
      await bus.close();
    }
  });
});
