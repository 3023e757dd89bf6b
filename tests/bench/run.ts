// npm run bench: how fast reports come from the server for a municipality of 5,000 answers across
// 200 units (and 50,000, to show how each side grows), next to a naive baseline measured in the same
// run on the same data: reading every raw answer row of the round and counting in JavaScript before
// the same analysis, which is what a report costs without the aggregate counts kept at ingest.
// Prints median and p95 per case and the ratio; never asserts a time (machines differ). SQLite by
// default; BENCH_DATABASE_URL=postgres://… runs on PostgreSQL, in a schema of its own. Then the
// ingest bench (./ingest.ts): ingest with codes over HTTP against its raw floor, and the release.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { prepareAccount } from '../../src/server/auth/accounts';
import { startSession } from '../../src/server/auth/session';
import { openDatabase, openPostgres, type Database } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { seededRandom, syntheticResponses, unitMeans } from '../../src/server/demo/synthetic-answers';
import { insertUser, replaceRoles } from '../../src/server/repositories/accounts';
import { insertMunicipality, insertUnits } from '../../src/server/repositories/organisation';
import { saveQuestionnaire } from '../../src/server/repositories/questionnaires';
import { addToAggregates } from '../../src/server/ingest/add-to-aggregates';
import { insertResponse } from '../../src/server/repositories/responses';
import { insertRound, type RoundRecord } from '../../src/server/repositories/rounds';
import { ROUND_DEFAULTS } from '../../src/server/rounds/defaults';
import { forgetCachedCounts } from '../../src/server/reports/count-cache';
import { loadRoundsData } from '../../src/server/reports/round-data';
import { analyseRound, type RoundAnalysis } from '../../src/server/reports/analyse';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default-v1';
import { defaultClosesOn } from '../../src/shared/rounds';
import { SESSION_COOKIE } from '../../src/shared/api/staff';
import { pgAdmin } from './pg-admin';

const UNITS = 200;
/** 5,000 answers is the target; 50,000 shows how each side grows. BENCH_ANSWERS=5000 runs one. */
const SCALES = (process.env.BENCH_ANSWERS ?? '5000,50000').split(',').map(Number);
const SECTORS = 9;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = 5;
const NOW = new Date('2026-11-28T10:00:00Z');
const MUNICIPALITY = 'bench-kommune';
const ROUND = 'bench-round';
const ROOT = 'bench-root';

const ROUND_RECORD: RoundRecord = {
  id: ROUND,
  municipalityId: MUNICIPALITY,
  unitId: ROOT,
  name: 'Benkemerke 2026',
  opensOn: '2026-09-01',
  closesOn: defaultClosesOn('2026-09-01'),
  status: 'published',
  defaultLanguage: 'nb',
  ...ROUND_DEFAULTS,
  openQuestionEnabled: true,
};

interface Shape {
  leaves: string[];
  sectors: string[];
  /** The unit with the median number of answers: a typical unit report. */
  typicalUnit: string;
}

/** 1 root, 9 sectors, 190 units under them: 200 units. Answers go to the 190 units. */
async function seedMunicipality(database: Database, answers: number): Promise<Shape> {
  const db = database.kysely;
  await insertMunicipality(db, {
    id: MUNICIPALITY,
    name: 'Benkemerke kommune',
    number: '9998',
    language: 'nb',
  });
  const sectors = Array.from({ length: SECTORS }, (_, i) => `bench-sector-${i}`);
  const leaves = Array.from({ length: UNITS - 1 - SECTORS }, (_, i) => `bench-unit-${i}`);
  const types = ['sykehjem', 'hjemmetjeneste', 'barnehage', 'skole-barnetrinn', 'teknisk'];
  await insertUnits(db, [
    { id: ROOT, municipality_id: MUNICIPALITY, parent_id: null, name: 'Hele kommunen', unit_type: null },
    ...sectors.map((id, i) => ({
      id,
      municipality_id: MUNICIPALITY,
      parent_id: ROOT,
      name: `Sektor ${i + 1}`,
      unit_type: null,
    })),
    ...leaves.map((id, i) => ({
      id,
      municipality_id: MUNICIPALITY,
      parent_id: sectors[i % SECTORS]!,
      name: `Enhet ${i + 1}`,
      unit_type: types[i % types.length]!,
    })),
  ]);
  await saveQuestionnaire(db, DEFAULT_QUESTIONNAIRE);
  await insertRound(db, ROUND_RECORD);
  // Spread the answers unevenly over the units, so some units fall under the threshold.
  const random = seededRandom(5000);
  const weights = leaves.map(() => 0.05 + random() ** 2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * answers));
  counts[0]! += answers - counts.reduce((a, b) => a + b, 0);
  for (const [i, unitId] of leaves.entries()) {
    const responses = syntheticResponses({
      roundId: ROUND,
      unitId,
      count: counts[i]!,
      questionnaire: DEFAULT_QUESTIONNAIRE,
      answeredOn: '2026-09-03',
      means: unitMeans(random),
      random,
      withBackground: true,
      openTexts: random() < 0.3 ? ['Mer tid til opplæring, takk.'] : [],
    });
    await db.transaction().execute(async (trx) => {
      for (const r of responses) await insertResponse(trx, r);
      await addToAggregates(trx, responses);
    });
  }
  const byCount = leaves.map((id, i) => ({ id, count: counts[i]! })).sort((a, b) => a.count - b.count);
  return { leaves, sectors, typicalUnit: byCount[Math.floor(byCount.length / 2)]!.id };
}

async function adminCookie(database: Database): Promise<string> {
  const account = await prepareAccount({
    municipalityId: MUNICIPALITY,
    username: 'bench-admin',
    displayName: 'Benkemerke',
    password: 'bench-password-2026',
    roles: [{ role: 'admin', unitId: null }],
  });
  await insertUser(database.kysely, { ...account, id: 'bench-admin', createdOn: '2026-11-01' });
  await replaceRoles(database.kysely, 'bench-admin', account.roles);
  const session = await startSession(database.kysely, 'bench-admin', NOW);
  return `${SESSION_COOKIE}=${session.token}`;
}

/**
 * The same figures without the aggregate counts: every raw answer row of the round, parsed and
 * counted per unit and statement, then the same analysis. A report of one unit cannot read less:
 * whether its figures may be shown depends on its parents and siblings (the suppression rule), so
 * the whole round is read for any report.
 */
async function naiveRound(database: Database, round: RoundRecord): Promise<RoundAnalysis> {
  const data = (await loadRoundsData(database, [round], 'totals')).get(round.id)!;
  const rows = await database.kysely
    .selectFrom('responses')
    .select(['unit_id', 'answers'])
    .where('round_id', '=', round.id)
    .execute();
  const own = new Map(data.units.map((u) => [u.id, new Map<string, number[]>()]));
  for (const row of rows) {
    const counts = own.get(row.unit_id);
    if (!counts) continue;
    const answers = JSON.parse(row.answers) as Record<string, number | null>;
    for (const [statementId, value] of Object.entries(answers)) {
      const values = counts.get(statementId) ?? [0, 0, 0, 0, 0, 0];
      values[value ?? 0]! += 1;
      counts.set(statementId, values);
    }
  }
  return analyseRound({
    ...data,
    units: data.units.map((u) => ({
      ...u,
      own: { responses: u.own.responses, statements: Object.fromEntries(own.get(u.id)!) },
    })),
  });
}

/** Median and p95 of RUNS runs after WARMUP; `before` runs ahead of each, untimed. */
async function time(
  run: () => Promise<unknown>,
  before: () => void = () => undefined,
): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    before();
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function fetchOk(app: FastifyInstance, cookie: string, url: string): Promise<unknown> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const ms = (n: number) => `${n.toFixed(2).padStart(8)} ms`;

async function benchScale(answers: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tifaktor-bench-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  // On PostgreSQL a schema of its own, dropped afterwards: nothing else in the database is touched.
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  if (databaseUrl) await pgAdmin(databaseUrl, `create schema ${schema}`);
  const database = databaseUrl
    ? openPostgres({ connectionString: databaseUrl, options: `-c search_path=${schema}` })
    : openDatabase({ dataDir: dir });
  const app = buildApp({ db: database, now: () => NOW });
  try {
    await migrateToLatest(database);
    const seedStart = performance.now();
    const shape = await seedMunicipality(database, answers);
    const cookie = await adminCookie(database);
    const seeded = performance.now() - seedStart;
    const stored = await database.kysely
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `\n${databaseUrl ? 'PostgreSQL' : 'SQLite'}: ${Number(stored.n)} answers, ${UNITS} units, ` +
        `${RUNS} runs per case after ${WARMUP} warm-up (seeding took ${(seeded / 1000).toFixed(1)} s)`,
    );
    // The naive side reads the whole round for any report (see naiveRound): measured once.
    const naive = await time(() => naiveRound(database, ROUND_RECORD));
    const unitUrl = `/api/v1/reports/rounds/${ROUND}/units/${shape.typicalUnit}`;
    // A report reads the counts once and keeps them while the round's totals stay the same (see
    // repositories/reports.ts); the first case shows what a report costs when it has to read them.
    const cases = [
      { name: 'unit report, uncached', url: unitUrl, before: () => forgetCachedCounts(database) },
      { name: 'unit report', url: unitUrl },
      { name: 'sector report', url: `/api/v1/reports/rounds/${ROUND}/units/${shape.sectors[0]!}` },
      { name: 'municipality report', url: `/api/v1/reports/rounds/${ROUND}/units/${ROOT}` },
      { name: 'heat map (200 units)', url: `/api/v1/reports/rounds/${ROUND}/heatmap` },
    ];
    console.log(
      `${'case'.padEnd(24)}${'median'.padStart(11)}${'p95'.padStart(11)}` +
        `${'naive median'.padStart(15)}${'naive p95'.padStart(11)}${'naive/report'.padStart(14)}`,
    );
    for (const c of cases) {
      const report = await time(() => fetchOk(app, cookie, c.url), c.before);
      console.log(
        `${c.name.padEnd(24)}${ms(report.median)}${ms(report.p95).padStart(11)}` +
          `${ms(naive.median).padStart(15)}${ms(naive.p95).padStart(11)}` +
          `${`${(naive.median / report.median).toFixed(1)}×`.padStart(14)}`,
      );
    }
    const memory = process.memoryUsage();
    console.log(
      `memory: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    if (databaseUrl) await pgAdmin(databaseUrl, `drop schema ${schema} cascade`);
  }
}

if (process.argv.includes('--national')) {
  // npm run bench -- --national: 300 municipalities and 500,000 answers on PostgreSQL (./national.ts).
  await (await import('./national')).runNationalBench();
} else {
  console.log(
    'tifaktor report benchmark: report latency from the server (in-process HTTP, JSON included) ' +
      'against a naive read of the raw answers',
  );
  for (const answers of SCALES) await benchScale(answers);
  // The ingest path with codes against its raw floor, and the release (issue 11): ./ingest.ts.
  await (await import('./ingest')).runIngestBench();
}
