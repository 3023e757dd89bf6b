// Two real server processes on one PostgreSQL database, every request sent to the other one than
// the request before (issue 14: "several processes, nothing in memory that another process
// needs"): a staff session and its CSRF token, a device's sync with its outbox semantics, the
// code-guessing and login limits, a report after a publication, and the scheduled national
// release all behave as with one process. Each process is `tests/server/support/process-server.ts`
// (the server of `npm start`, API only) as a child of this test, on its own port of 127.0.0.1,
// on a database created for this test on TEST_DATABASE_URL's server and dropped afterwards.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/server/auth/accounts';
import { openPostgres, type Database } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { addToAggregates } from '../../src/server/ingest/add-to-aggregates';
import type { NewResponse } from '../../src/server/ingest/types';
import { lastRunName } from '../../src/server/jobs/run-once';
import { insertReleasedResponses } from '../../src/server/repositories/inbox';
import { insertMunicipality, insertUnits } from '../../src/server/repositories/organisation';
import { saveQuestionnaire } from '../../src/server/repositories/questionnaires';
import { insertRound } from '../../src/server/repositories/rounds';
import { GUESS_LIMITS } from '../../src/server/codes/code-attempts';
import { LOGIN_LIMITS } from '../../src/server/auth/rate-limit';
import { API_PREFIX } from '../../src/shared/api/paths';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/shared/api/staff';
import { generateCode } from '../../src/shared/codes';
import { addDays, osloDate } from '../../src/shared/dates';
import type { LikertValue } from '../../src/shared/likert';
import { children, killAll, startChild, stopChild, type Child } from './support/child-servers';
import { TEST_DATABASE_URL } from './support/databases';
import { QUESTIONNAIRE, round } from './support/fixtures';

const PASSWORD = 'two-processes-password-2026';
/** Kept below the suite's 60 s: whatever is still running then is killed. */
const DEADLINE_MS = 55_000;

if (!TEST_DATABASE_URL) {
  console.warn(
    '\n*** two-processes.test.ts is SKIPPED: TEST_DATABASE_URL is not set. Several server processes ' +
      'need PostgreSQL; set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it. ***\n',
  );
}

interface Reply {
  status: number;
  body: unknown;
  headers: Headers;
}

/** Every request goes to the other process than the one before; a test that breaks this fails. */
class Alternating {
  private last: Child | undefined;
  readonly sent: string[] = [];
  cookie = '';
  csrf = '';
  constructor(
    public a: Child,
    public b: Child,
  ) {}

  /** The process the next request must go to. */
  get next(): Child {
    return this.last?.name === 'A' ? this.b : this.a;
  }

  async send(
    to: Child,
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; staff?: boolean | 'no-csrf' } = {},
  ): Promise<Reply> {
    if (to.name === this.last?.name)
      throw new Error(`two requests in a row to ${to.name}: ${this.sent.join(' ')}`);
    this.last = to;
    this.sent.push(to.name);
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.staff) headers.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    if (options.staff === true && method !== 'GET') headers[CSRF_HEADER] = this.csrf;
    const res = await fetch(`${to.url}${API_PREFIX}${path}`, {
      method,
      headers,
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
      headers: res.headers,
    };
  }
}

type Json = Record<string, unknown>;
const json = (reply: Reply) => reply.body as Json;
const results = (reply: Reply) => (json(reply).results as { status: string; code?: string }[]) ?? [];
const unknownCode = () => generateCode((n) => new Uint8Array(randomBytes(n)));

/** A municipality with one published round this year: an office of six (type kontor) that answered 4. */
async function publishedElsewhere(db: Database, id: string, number: string, year: number): Promise<void> {
  await insertMunicipality(db.kysely, { id, name: id, number, language: 'nb' });
  await insertUnits(db.kysely, [
    { id: `${id}-root`, municipality_id: id, parent_id: null, name: id, unit_type: null },
    { id: `${id}-office`, municipality_id: id, parent_id: `${id}-root`, name: 'Kontor', unit_type: 'kontor' },
  ]);
  const roundId = `${id}-round`;
  const opensOn = `${year}-01-15`;
  await insertRound(db.kysely, {
    ...round(roundId, { municipalityId: id, unitId: `${id}-root`, opensOn, closesOn: `${year}-01-31` }),
    status: 'published',
  });
  await storeReleased(db, roundId, `${id}-office`, 6, opensOn);
}

/** Answers as a release writes them (responses and counts in one transaction), from this third process. */
async function storeReleased(
  db: Database,
  roundId: string,
  unitId: string,
  n: number,
  answeredOn: string,
  value: LikertValue = 4,
) {
  const responses = Array.from({ length: n }, (): NewResponse => ({
    id: randomUUID(),
    roundId,
    unitId,
    questionnaireVersion: QUESTIONNAIRE.version,
    answeredOn,
    answers: { s1: value, s2: value, s3: value },
    background: {},
    openText: null,
  }));
  await db.kysely.transaction().execute(async (trx) => {
    await insertReleasedResponses(trx, responses);
    await addToAggregates(trx, responses);
  });
}

describe.skipIf(!TEST_DATABASE_URL)('two server processes on one PostgreSQL', () => {
  const dbName = `tifaktor_two_${randomBytes(6).toString('hex')}`;
  const dataDirs: string[] = [];
  let admin: pg.Client;
  let database: Database;
  let env: Record<string, string>;
  let pair: Alternating;
  let deadline: NodeJS.Timeout;
  const today = osloDate();
  const year = Number(today.slice(0, 4));
  let roundId = '';
  let codes: string[] = [];
  let kioskCredential = '';

  /** What the first run releases: kontor and the whole municipality ('*'), three municipalities each. */
  const FIRST_RUN = [
    { unitType: '*', version: 1, municipalities: 3 },
    { unitType: 'kontor', version: 1, municipalities: 3 },
  ];
  const releases = async () =>
    (
      await database.kysely
        .selectFrom('national_releases')
        .select(['unit_type', 'version', 'municipalities'])
        .orderBy('unit_type')
        .orderBy('version')
        .execute()
    ).map((r) => ({
      unitType: r.unit_type,
      version: Number(r.version),
      municipalities: Number(r.municipalities),
    }));

  beforeAll(async () => {
    deadline = setTimeout(killAll, DEADLINE_MS);
    deadline.unref();
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${dbName}`;
    // A name of its own on every connection (the children's through PGAPPNAME): another test that
    // ends the backends of "tifaktor" must not end these.
    const applicationName = `tifaktor-two-processes-${dbName.slice(-12)}`;
    database = openPostgres({ connectionString: url.toString(), application_name: applicationName });
    await migrateToLatest(database);
    // m1: the municipality the staff work in; n1..n3: published elsewhere, for the national release.
    await saveQuestionnaire(database.kysely, QUESTIONNAIRE);
    await insertMunicipality(database.kysely, {
      id: 'm1',
      name: 'Testkommune',
      number: '0001',
      language: 'nb',
    });
    await insertUnits(database.kysely, [
      { id: 'sector', municipality_id: 'm1', parent_id: null, name: 'Sektor', unit_type: null },
      { id: 'unit', municipality_id: 'm1', parent_id: 'sector', name: 'Enhet', unit_type: null },
      { id: 'dept', municipality_id: 'm1', parent_id: 'unit', name: 'Avdeling', unit_type: 'kontor' },
    ]);
    for (const [username, roles] of [
      ['h3-admin', [{ role: 'admin' as const, unitId: null }]],
      ['h3-leader', [{ role: 'leader' as const, unitId: 'unit' }]],
    ] as const) {
      await createAccount(
        database.kysely,
        { municipalityId: 'm1', username, displayName: username, password: PASSWORD, roles },
        new Date(),
      );
    }
    for (const [i, id] of ['n1', 'n2', 'n3'].entries())
      await publishedElsewhere(database, id, `900${i}`, year);

    const shared = {
      DATABASE_URL: url.toString(),
      // What every process must share: the code key and the seal key (README, deployment).
      CODE_HASH_KEY: randomBytes(32).toString('hex'),
      SEAL_KEY: randomBytes(32).toString('hex'),
      // The test is the one proxy hop: X-Forwarded-For names the client of the guessing limits.
      TRUST_PROXY: '1',
      NATIONAL_MIN_MUNICIPALITIES: '3',
      PGAPPNAME: applicationName,
    };
    env = shared;
    const dataDir = (name: string) => {
      const dir = mkdtempSync(join(tmpdir(), `tifaktor-two-${name}-`));
      dataDirs.push(dir);
      return dir;
    };
    const [a, b] = await Promise.all([
      startChild('A', { ...shared, DATA_DIR: dataDir('a') }),
      startChild('B', { ...shared, DATA_DIR: dataDir('b') }),
    ]);
    pair = new Alternating(a, b);
  }, 50_000);

  afterAll(async () => {
    clearTimeout(deadline);
    await Promise.all(children.map((c) => stopChild(c)));
    killAll();
    await database?.close();
    if (admin) {
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it('makes the national release once at start, though both processes run the scheduler', async () => {
    // Two processes of their own, each on its own port.
    expect(pair.a.process.pid).not.toBe(pair.b.process.pid);
    expect(new URL(pair.a.url).port).not.toBe(new URL(pair.b.url).port);
    const until = Date.now() + 10_000;
    while ((await releases()).length === 0 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    // Both schedulers have had their first run by the time both listen; give a late one a moment.
    await new Promise((r) => setTimeout(r, 500));
    expect(await releases()).toEqual(FIRST_RUN);
    const marker = await database.kysely
      .selectFrom('server_meta')
      .select('value')
      .where('name', '=', lastRunName('national-release'))
      .executeTakeFirst();
    expect(marker).toBeDefined();
    for (const c of children) expect(c.output()).not.toMatch(/scheduled release .* failed/);
  });

  it('keeps a staff session and its CSRF token across processes', async () => {
    const { a, b } = pair;
    const login = await pair.send(a, 'POST', '/auth/login', {
      body: { username: 'h3-admin', password: PASSWORD },
    });
    expect(login.status).toBe(200);
    pair.cookie = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(login.headers.get('set-cookie') ?? '')![1]!;
    pair.csrf = json(login).csrfToken as string;

    const me = await pair.send(b, 'GET', '/auth/me', { staff: true });
    expect(me.status).toBe(200);
    expect((json(me).user as Json).username).toBe('h3-admin');
    expect(json(me).csrfToken).toBe(pair.csrf);

    const body = {
      name: 'To prosesser',
      unitId: 'unit',
      opensOn: today,
      closesOn: addDays(today, 14),
      threshold: 3,
      questionnaireVersion: QUESTIONNAIRE.version,
    };
    const noCsrf = await pair.send(a, 'POST', '/rounds', { body, staff: 'no-csrf' });
    expect(noCsrf.status).toBe(403);
    expect((json(noCsrf).error as Json).code).toBe('CSRF_INVALID');
    const created = await pair.send(b, 'POST', '/rounds', { body, staff: true });
    expect(created.status).toBe(201);
    roundId = json(created).id as string;

    expect((await pair.send(a, 'POST', `/rounds/${roundId}/open`, { body: {}, staff: true })).status).toBe(
      200,
    );
    const issued = await pair.send(b, 'POST', `/rounds/${roundId}/units/dept/codes`, {
      body: { count: 8 },
      staff: true,
    });
    expect(issued.status).toBe(201);
    codes = json(issued).codes as string[];
    const link = await pair.send(a, 'POST', `/rounds/${roundId}/units/dept/kiosk-enrolments`, {
      body: {},
      staff: true,
    });
    expect(link.status).toBe(201);
    const enrolled = await pair.send(b, 'POST', '/kiosk/enrol', { body: { token: json(link).token } });
    expect(enrolled.status).toBe(201);
    kioskCredential = json(enrolled).credential as string;
  });

  it('stores a batch sent to one process once, and answers its replay on the other as duplicate', async () => {
    const { a, b } = pair;
    const answer = (code: string) => ({
      id: randomUUID(),
      roundId,
      unitId: 'dept',
      questionnaireVersion: QUESTIONNAIRE.version,
      answeredOn: today,
      answers: { s1: 3, s2: 4, s3: 5 },
      background: {},
      code,
    });
    const kioskBatch = { formatVersion: 1, responses: codes.slice(0, 3).map(answer), pending: 0 };
    const phoneBatch = { formatVersion: 1, responses: codes.slice(3, 6).map(answer) };
    const kiosk = { authorization: `Kiosk ${kioskCredential}` };

    const first = await pair.send(a, 'POST', '/responses', { body: kioskBatch, headers: kiosk });
    expect(first.status).toBe(200);
    expect(results(first).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    // The device did not hear the answer (a lost connection) and its outbox sends the batch again.
    const replay = await pair.send(b, 'POST', '/responses', { body: kioskBatch, headers: kiosk });
    expect(replay.status).toBe(200);
    expect(results(replay).map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);

    const phone = await pair.send(a, 'POST', '/responses', { body: phoneBatch });
    expect(results(phone).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const phoneReplay = await pair.send(b, 'POST', '/responses', { body: phoneBatch });
    expect(results(phoneReplay).map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);

    const sealed = await database.kysely
      .selectFrom('sealed_inbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('round_id', '=', roundId)
      .executeTakeFirstOrThrow();
    expect(Number(sealed.n)).toBe(6);
  });

  it('counts failed code guesses of a round over both processes, up to exactly the limit', async () => {
    const wrong = (n: number) => ({
      formatVersion: 1,
      responses: Array.from({ length: n }, () => ({
        id: randomUUID(),
        roundId,
        unitId: 'dept',
        questionnaireVersion: QUESTIONNAIRE.version,
        answeredOn: today,
        answers: { s1: 3, s2: 3, s3: 3 },
        background: {},
        code: unknownCode(),
      })),
    });
    const from = (client: number) => ({ 'x-forwarded-for': `10.9.${client}.1` });
    // Four clients, none over its own limit, fill the round's limit between them: N - 1 failures
    // on the two processes, then the last one on the other process is still answered.
    const perClient = GUESS_LIMITS.perClient;
    const split = [perClient, perClient, GUESS_LIMITS.perRound - 2 * perClient - 1, 1];
    expect(split.every((n) => n > 0 && n <= perClient)).toBe(true);
    for (const [i, n] of split.entries()) {
      const reply = await pair.send(pair.next, 'POST', '/responses', { body: wrong(n), headers: from(i) });
      expect(reply.status).toBe(400);
      expect(new Set(results(reply).map((r) => r.code))).toEqual(new Set(['CODE_UNKNOWN']));
    }
    // One more failure from a fifth client, on either process: the round is used up, so even a
    // good code is held back (RATE_LIMITED), on the one process as on the other.
    const over = await pair.send(pair.next, 'POST', '/responses', { body: wrong(1), headers: from(5) });
    expect(results(over).map((r) => r.code)).toEqual(['RATE_LIMITED']);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    const good = {
      formatVersion: 1,
      responses: [{ ...(wrong(1).responses[0] as Json), code: codes[6] }],
    };
    const held = await pair.send(pair.next, 'POST', '/responses', { body: good, headers: from(6) });
    expect(results(held).map((r) => r.code)).toEqual(['RATE_LIMITED']);
  });

  it("counts a client's failed code checks over both processes: the limit's next one is refused", async () => {
    const client = { 'x-forwarded-for': '10.8.0.1' };
    for (let i = 0; i < GUESS_LIMITS.perClient; i++) {
      const reply = await pair.send(pair.next, 'POST', '/codes/check', {
        body: { code: unknownCode() },
        headers: client,
      });
      expect(reply.status, `check ${i + 1}`).toBe(200);
      expect(json(reply).status).toBe('unknown');
    }
    // Each process saw about half of them; together they are the limit.
    const refused = await pair.send(pair.next, 'POST', '/codes/check', {
      body: { code: unknownCode() },
      headers: client,
    });
    expect(refused.status).toBe(429);
    expect((json(refused).error as Json).code).toBe('RATE_LIMITED');
  });

  it('counts failed sign-ins over both processes: after the free ones even the right password waits', async () => {
    for (let i = 0; i < LOGIN_LIMITS.freePerUsername; i++) {
      const reply = await pair.send(pair.next, 'POST', '/auth/login', {
        body: { username: 'h3-leader', password: `wrong-${i}-password` },
      });
      expect(reply.status, `attempt ${i + 1}`).toBe(401);
      expect((json(reply).error as Json).code).toBe('INVALID_CREDENTIALS');
    }
    const limited = await pair.send(pair.next, 'POST', '/auth/login', {
      body: { username: 'h3-leader', password: PASSWORD },
    });
    expect(limited.status).toBe(429);
    expect((json(limited).error as Json).code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('shows on one process the count the other published, and counts stored afterwards elsewhere', async () => {
    const { a, b } = pair;
    // The alternation stands wherever the last test left it: this test starts on B.
    if (pair.next !== b) expect((await pair.send(a, 'GET', '/auth/me', { staff: true })).status).toBe(200);
    expect((await pair.send(b, 'POST', `/rounds/${roundId}/close`, { body: {}, staff: true })).status).toBe(
      200,
    );
    expect((await pair.send(a, 'POST', `/rounds/${roundId}/publish`, { body: {}, staff: true })).status).toBe(
      200,
    );
    const report = `/reports/rounds/${roundId}/units/dept`;
    // How many answered (the totals, read on every request) and what autonomi (statement s1)
    // shows: its answers and average come from the counts, which each process keeps.
    const seen = (reply: Reply) => {
      const autonomi = (json(reply).factors as { factorId: string; unit: Json | null }[]).find(
        (f) => f.factorId === 'autonomi',
      );
      return {
        answered: (json(reply).responseRate as Json | null)?.answered,
        answers: autonomi?.unit?.answers,
        average: autonomi?.unit?.average,
      };
    };
    const onB = await pair.send(b, 'GET', report, { staff: true });
    expect(onB.status).toBe(200);
    expect(seen(onB)).toEqual({ answered: 6, answers: 6, average: 3 });
    const onA = await pair.send(a, 'GET', report, { staff: true });
    expect(seen(onA)).toEqual({ answered: 6, answers: 6, average: 3 });
    // Both now keep the round's counts. Another process stores one more (as a release does):
    // neither serves what it kept.
    await storeReleased(database, roundId, 'dept', 1, today, 5);
    const after = { answered: 7, answers: 7, average: 3.3 }; // (6 × 3 + 5) / 7 = 3.29
    expect(seen(await pair.send(b, 'GET', report, { staff: true }))).toEqual(after);
    expect(seen(await pair.send(a, 'GET', report, { staff: true }))).toEqual(after);
  });

  it('does not make the national release again when a process restarts within its period', async () => {
    // m1's round is published now: a fourth municipality for kontor, so a run would make version 2.
    const old = pair.a;
    await stopChild(old);
    children.splice(children.indexOf(old), 1);
    const restarted = await startChild('A', { ...env, DATA_DIR: dataDirs[0]! });
    pair.a = restarted;
    if (pair.next !== restarted)
      expect((await pair.send(pair.b, 'GET', '/auth/me', { staff: true })).status).toBe(200);
    // The restarted process knows the session: it is in the database, not in the old process.
    expect((await pair.send(restarted, 'GET', '/auth/me', { staff: true })).status).toBe(200);
    // Its scheduler asked at start (without the period it made version 2 here, within this wait).
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await releases()).toEqual(FIRST_RUN);
    expect(restarted.output()).not.toMatch(/scheduled release .* failed/);
  }, 45_000);

  it('ends the session on every process when it is signed out on one', async () => {
    const { a, b } = pair;
    if (pair.next !== b) expect((await pair.send(a, 'GET', '/auth/me', { staff: true })).status).toBe(200);
    const out = await pair.send(b, 'POST', '/auth/logout', { body: {}, staff: true });
    expect(out.status).toBe(204);
    const after = await pair.send(a, 'GET', '/auth/me', { staff: true });
    expect(after.status).toBe(401);
    // Every request of this suite went to the other process than the one before.
    expect(pair.sent.every((to, i) => i === 0 || to !== pair.sent[i - 1])).toBe(true);
  });
});
