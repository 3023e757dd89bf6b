// npm run bench -- --national: an instance of 300 municipalities with 500,000 answers on PostgreSQL
// (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/tifaktor_national_bench, created
// and dropped here), built in a child process through the aggregate writer (./national-instance.ts).
// Then, in this process as the server: the national release (src/server/national/release.ts), and
// median and p95 of a unit report, a municipality report and the heat map reading that release
// (in-process HTTP through app.inject, admins of 10 municipalities taking turns), this process's peak
// RSS sampled every 20 ms, and ingest with codes over real HTTP with 1 and 4 pool connections
// against a plain INSERT of the same rows with as many.
// Never asserts. BENCH_NATIONAL_MUNICIPALITIES / BENCH_NATIONAL_ANSWERS scale it down.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import pg from 'pg';
import { buildApp } from '../../src/server/app';
import { prepareAccount } from '../../src/server/auth/accounts';
import { startSession } from '../../src/server/auth/session';
import { createCodeHasher } from '../../src/server/codes/code-hasher';
import { issueCodes } from '../../src/server/codes/issue-codes';
import { openPostgres, type Database } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { seededRandom, syntheticResponses, unitMeans } from '../../src/server/demo/synthetic-answers';
import { insertUser, replaceRoles } from '../../src/server/repositories/accounts';
import { insertMunicipality, insertUnits } from '../../src/server/repositories/organisation';
import { saveQuestionnaire } from '../../src/server/repositories/questionnaires';
import { insertRound } from '../../src/server/repositories/rounds';
import { makeNationalRelease } from '../../src/server/national/release';
import { ROUND_DEFAULTS } from '../../src/server/rounds/defaults';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default-v1';
import { SESSION_COOKIE } from '../../src/shared/api/staff';
import type { SubmittedResponse } from '../../src/shared/api/respondent';
import { buildNationalInstance, type NationalInstance } from './national-instance';
import { warmBackgroundBreakdowns } from '../../src/server/reports/background-cache';
import { pgAdmin } from './pg-admin';

const MUNICIPALITIES = Number(process.env.BENCH_NATIONAL_MUNICIPALITIES ?? 300);
const ANSWERS = Number(process.env.BENCH_NATIONAL_ANSWERS ?? 500_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const INGEST = Number(process.env.BENCH_INGEST_ANSWERS ?? 4000);
const BATCH = 100;
const NOW = new Date('2026-11-28T10:00:00Z');
const CODE_KEY = randomBytes(32);
const SEAL_KEY = randomBytes(32);

const ms = (n: number) => `${n.toFixed(1).padStart(9)} ms`;

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function adminCookie(database: Database, municipalityId: string): Promise<string> {
  const id = `${municipalityId}-admin`;
  const account = await prepareAccount({
    municipalityId,
    username: id,
    displayName: 'Benk',
    password: 'bench-password-2026',
    roles: [{ role: 'admin', unitId: null }],
  });
  await insertUser(database.kysely, { ...account, id, createdOn: '2026-11-01' });
  await replaceRoles(database.kysely, id, account.roles);
  return `${SESSION_COOKIE}=${(await startSession(database.kysely, id, NOW)).token}`;
}

/** Ingest with codes over HTTP, `connections` in the pool and as many batches in flight. */
async function ingest(url: string, connections: number): Promise<{ rate: number; floor: number }> {
  const schema = `bench_ingest_${randomBytes(4).toString('hex')}`;
  await pgAdmin(url, `create schema ${schema}`);
  const database = openPostgres({
    connectionString: url,
    options: `-c search_path=${schema}`,
    max: connections,
  });
  try {
    await migrateToLatest(database);
    const db = database.kysely;
    await insertMunicipality(db, { id: 'ing', name: 'Ingest', number: '9990', language: 'nb' });
    const leaves = Array.from({ length: 20 }, (_, i) => `ing-u${i}`);
    await insertUnits(db, [
      { id: 'ing-root', municipality_id: 'ing', parent_id: null, name: 'Hele', unit_type: null },
      ...leaves.map((id, i) => ({
        id,
        municipality_id: 'ing',
        parent_id: 'ing-root',
        name: `E${i}`,
        unit_type: null,
      })),
    ]);
    const roundId = 'ing-round';
    await saveQuestionnaire(db, DEFAULT_QUESTIONNAIRE);
    await insertRound(db, {
      id: roundId,
      municipalityId: 'ing',
      unitId: 'ing-root',
      name: 'Ingest',
      opensOn: '2026-09-01',
      closesOn: '2026-12-30',
      status: 'open',
      defaultLanguage: 'nb',
      ...ROUND_DEFAULTS,
      openQuestionEnabled: true,
    });
    const hasher = createCodeHasher(CODE_KEY);
    const random = seededRandom(4);
    const items: SubmittedResponse[] = [];
    for (const unitId of leaves) {
      const codes = await issueCodes(
        db,
        hasher,
        (n) => randomBytes(n),
        { roundId, unitId, municipalityId: 'ing' },
        INGEST / 20,
      );
      const responses = syntheticResponses({
        roundId,
        unitId,
        count: INGEST / 20,
        questionnaire: DEFAULT_QUESTIONNAIRE,
        answeredOn: '2026-11-28',
        means: unitMeans(random),
        random,
        withBackground: true,
      });
      responses.forEach(({ openText: _, ...r }, i) => items.push({ ...r, code: codes[i]! }));
    }
    items.sort((a, b) => (a.id < b.id ? -1 : 1));
    const app = buildApp({ db: database, now: () => NOW, codeHashKey: CODE_KEY, sealKey: SEAL_KEY });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1/responses`;
    const batches = Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) =>
      items.slice(i * BATCH, (i + 1) * BATCH),
    );
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ formatVersion: 1, responses: batch, deviceToday: '2026-11-28' }),
        });
        const body = (await res.json()) as { results?: { status: string }[] };
        if (res.status !== 200 || body.results?.some((r) => r.status !== 'accepted')) {
          throw new Error(`ingest: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
        }
      }
    };
    let start = performance.now();
    await Promise.all(Array.from({ length: connections }, worker));
    const rate = items.length / ((performance.now() - start) / 1000);
    await app.close();
    // The floor: a plain multi-row INSERT of the same rows into a table of the same shape.
    const pool = new pg.Pool({
      connectionString: url,
      options: `-c search_path=${schema}`,
      max: connections,
    });
    await pool.query(
      'create table floor_rows (id text primary key, round_id text, unit_id text, answers text, background text)',
    );
    next = 0;
    const floorWorker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const params = batch.flatMap((r) => [
          r.id,
          r.roundId,
          r.unitId,
          JSON.stringify(r.answers),
          JSON.stringify(r.background),
        ]);
        const values = batch.map(
          (_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`,
        );
        await pool.query(`insert into floor_rows values ${values.join(', ')}`, params);
      }
    };
    start = performance.now();
    await Promise.all(Array.from({ length: connections }, floorWorker));
    const floor = items.length / ((performance.now() - start) / 1000);
    await pool.end();
    return { rate, floor };
  } finally {
    await database.close();
    await pgAdmin(url, `drop schema ${schema} cascade`);
  }
}

/** Builds the instance in a child process, so the peak RSS measured here is the server's alone. */
function buildInChild(url: string): NationalInstance & { seconds: number; warmSeconds: number } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_NATIONAL_BUILD: url },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 2 ** 20,
  });
  if (child.status !== 0) throw new Error(`building the national instance failed (${child.status})`);
  return JSON.parse(child.stdout.toString().trim().split('\n').at(-1)!) as NationalInstance & {
    seconds: number;
    warmSeconds: number;
  };
}

async function buildOnly(url: string): Promise<void> {
  const database = openPostgres({ connectionString: url });
  try {
    await migrateToLatest(database);
    const t = performance.now();
    const built = await buildNationalInstance(database, { municipalities: MUNICIPALITIES, answers: ANSWERS });
    const seconds = (performance.now() - t) / 1000;
    // What the release scheduler does after rounds are published: the municipality reports'
    // background breakdowns worked out and kept (src/server/reports/background-cache.ts).
    const w = performance.now();
    while ((await warmBackgroundBreakdowns(database, 20)) > 0);
    console.log(JSON.stringify({ ...built, seconds, warmSeconds: (performance.now() - w) / 1000 }));
  } finally {
    await database.close();
  }
}

export async function runNationalBench(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tifaktor_national_bench';
  const admin = new URL(url);
  const dbName = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  await pgAdmin(admin.toString(), `drop database if exists ${dbName}`);
  await pgAdmin(admin.toString(), `create database ${dbName}`);
  const built = buildInChild(url);
  console.log(
    `national bench on PostgreSQL: ${built.municipalities.length} municipalities, ${built.units} units, ` +
      `${built.answers} answers, built in ${built.seconds.toFixed(0)} s (child process), background ` +
      `breakdowns worked out in ${built.warmSeconds.toFixed(0)} s as the scheduler does; ${RUNS} runs per case`,
  );
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const database = openPostgres({ connectionString: url });
  try {
    let t = performance.now();
    // The national release of the year, three times: the first writes a version per unit type, the
    // later ones compute the same figures and write nothing new (the scheduled job's usual case).
    const releaseTimes: number[] = [];
    let outcome = '';
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      const made = await makeNationalRelease(database, 2026, { now: NOW });
      releaseTimes.push(performance.now() - t);
      if (i === 0) outcome = `${made.released.length} unit types released, ${made.tooFew.length} too few`;
    }
    const r = stats(releaseTimes);
    console.log(
      `${'national release'.padEnd(24)}${ms(r.median)}${ms(Math.max(...releaseTimes))}  (${outcome})`,
    );
    const releasePeak = peak;
    const app = buildApp({ db: database, now: () => NOW });
    const sample = built.municipalities
      .filter((_, i) => i % Math.max(1, Math.floor(built.municipalities.length / 10)) === 0)
      .slice(0, 10);
    const cookies = await Promise.all(sample.map((m) => adminCookie(database, m.id)));
    const cases = [
      {
        name: 'unit report',
        url: (m: (typeof sample)[0]) => `/api/v1/reports/rounds/${m.roundId}/units/${m.typicalUnit}`,
      },
      {
        name: 'municipality report',
        url: (m: (typeof sample)[0]) => `/api/v1/reports/rounds/${m.roundId}/units/${m.rootId}`,
      },
      { name: 'heat map', url: (m: (typeof sample)[0]) => `/api/v1/reports/rounds/${m.roundId}/heatmap` },
    ];
    console.log(`${'case'.padEnd(24)}${'median'.padStart(12)}${'p95'.padStart(12)}`);
    for (const c of cases) {
      const samples: number[] = [];
      for (let i = 0; i < RUNS + 3; i++) {
        const k = i % sample.length;
        t = performance.now();
        const res = await app.inject({
          method: 'GET',
          url: c.url(sample[k]!),
          headers: { cookie: cookies[k]! },
        });
        if (res.statusCode !== 200) throw new Error(`${c.name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (i >= 3) samples.push(performance.now() - t);
      }
      const s = stats(samples);
      console.log(`${c.name.padEnd(24)}${ms(s.median)}${ms(s.p95)}`);
    }
    await app.close();
    const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
    console.log(
      `peak RSS of the server process: ${mib(peak)} (${mib(releasePeak)} by the end of the releases, ` +
        `then the reports; at rest after them ${mib(process.memoryUsage().rss)}; V8 heap limit ` +
        `${mib(getHeapStatistics().heap_size_limit)}, npm start's --max-old-space-size=512)`,
    );
    console.log(
      `\ningest with codes over HTTP, ${INGEST} answers in batches of ${BATCH}, against a plain INSERT of the same rows`,
    );
    const one = await ingest(url, 1);
    const four = await ingest(url, 4);
    for (const [name, r] of [
      ['1 connection', one],
      ['4 connections', four],
    ] as const) {
      console.log(
        `${name.padEnd(16)}${`${r.rate.toFixed(0)}/s`.padStart(10)}  floor ${r.floor.toFixed(0)}/s  ratio ${(r.rate / r.floor).toFixed(2)}×`,
      );
    }
    console.log(`4 connections / 1 connection: ${(four.rate / one.rate).toFixed(2)}×`);
  } finally {
    clearInterval(sampler);
    await database.close();
    await pgAdmin(admin.toString(), `drop database if exists ${dbName}`);
  }
}

if (process.env.BENCH_NATIONAL_BUILD) await buildOnly(process.env.BENCH_NATIONAL_BUILD);
else if (process.argv[1]?.endsWith('national.ts')) await runNationalBench();
