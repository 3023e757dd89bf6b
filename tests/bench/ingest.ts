// The ingest bench (issue 11), part of npm run bench: answers with one-time codes sent over real
// HTTP in batches of 100, one after another as a busy tablet or many phones would, against the raw
// floor measured in the same run — the driver itself (better-sqlite3 / pg) inserting the same
// response rows and counts (per unit and per background group), one transaction per 100 — on
// SQLite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL, on PostgreSQL too.
// Prints answers per second, the ratio to the floor (goal: at least 0.5), the early and late
// batches (flat as codes are used up), and the release of the round's answers (goal: 5,000 in
// under 5 s). Never asserts a time. BENCH_INGEST_ANSWERS sets the number (default 5,000).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../../src/server/app';
import { createCodeHasher } from '../../src/server/codes/code-hasher';
import { issueCodes } from '../../src/server/codes/issue-codes';
import { openDatabase, openPostgres, type Database } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { seededRandom, syntheticResponses, unitMeans } from '../../src/server/demo/synthetic-answers';
import { aggregateDeltas } from '../../src/server/ingest/aggregate';
import type { NewResponse } from '../../src/server/ingest/types';
import { releaseRound } from '../../src/server/release/release-round';
import { insertMunicipality, insertUnits } from '../../src/server/repositories/organisation';
import { saveQuestionnaire } from '../../src/server/repositories/questionnaires';
import { insertRound, type RoundRecord } from '../../src/server/repositories/rounds';
import { ROUND_DEFAULTS } from '../../src/server/rounds/defaults';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default-v1';
import type { SubmittedResponse } from '../../src/shared/api/respondent';
import { pgAdmin } from './pg-admin';

const ANSWERS = Number(process.env.BENCH_INGEST_ANSWERS ?? 5000);
const BATCH = 100;
const UNITS = 20;
const NOW = new Date('2026-09-10T10:00:00Z');
const TODAY = '2026-09-10';
const ROUND = 'ingest-round';
const CODE_KEY = randomBytes(32);
const SEAL_KEY = randomBytes(32);
const BACKGROUND = new Map([
  [DEFAULT_QUESTIONNAIRE.version, DEFAULT_QUESTIONNAIRE.background.map((b) => b.id)],
]);

const ROUND_RECORD: RoundRecord = {
  id: ROUND,
  municipalityId: 'ingest-kommune',
  unitId: 'ingest-root',
  name: 'Ingestmåling',
  opensOn: '2026-09-01',
  closesOn: '2026-09-30',
  status: 'open',
  defaultLanguage: 'nb',
  ...ROUND_DEFAULTS,
  openQuestionEnabled: true,
  questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
};

const leaves = Array.from({ length: UNITS }, (_, i) => `ingest-unit-${i}`);

/** The same answers for both sides: spread over the units, with background answers. */
function answers(): NewResponse[] {
  const random = seededRandom(1111);
  return leaves.flatMap((unitId) =>
    syntheticResponses({
      roundId: ROUND,
      unitId,
      count: ANSWERS / UNITS,
      questionnaire: DEFAULT_QUESTIONNAIRE,
      answeredOn: TODAY,
      means: unitMeans(random),
      random,
      withBackground: true,
      openTexts: ['Mer tid til opplæring, takk.', 'Godt arbeidsmiljø.'],
    }),
  );
}

async function seed(database: Database): Promise<Map<string, string[]>> {
  const db = database.kysely;
  await migrateToLatest(database);
  await insertMunicipality(db, {
    id: 'ingest-kommune',
    name: 'Ingest kommune',
    number: '9997',
    language: 'nb',
  });
  await insertUnits(db, [
    { id: 'ingest-root', municipality_id: 'ingest-kommune', parent_id: null, name: 'Hele', unit_type: null },
    ...leaves.map((id, i) => ({
      id,
      municipality_id: 'ingest-kommune',
      parent_id: 'ingest-root',
      name: `Enhet ${i}`,
      unit_type: null,
    })),
  ]);
  await saveQuestionnaire(db, DEFAULT_QUESTIONNAIRE);
  await insertRound(db, ROUND_RECORD);
  const hasher = createCodeHasher(CODE_KEY);
  const codes = new Map<string, string[]>();
  for (const unitId of leaves) {
    const target = { roundId: ROUND, unitId, municipalityId: 'ingest-kommune' };
    codes.set(unitId, await issueCodes(db, hasher, (n) => randomBytes(n), target, ANSWERS / UNITS));
  }
  return codes;
}

interface IngestResult {
  rate: number;
  batchMs: number[];
  releaseMs: number;
}

async function ingestOverHttp(database: Database, all: NewResponse[]): Promise<IngestResult> {
  const codes = await seed(database);
  const app = buildApp({ db: database, now: () => NOW, codeHashKey: CODE_KEY, sealKey: SEAL_KEY });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1/responses`;
  const next = new Map(leaves.map((u) => [u, 0]));
  const items: SubmittedResponse[] = all.map((r) => {
    const i = next.get(r.unitId)!;
    next.set(r.unitId, i + 1);
    const { openText, ...rest } = r;
    return { ...rest, ...(openText !== null && { openText }), code: codes.get(r.unitId)![i]! };
  });
  // Mixed units in each batch, as many phones would send.
  items.sort((a, b) => (a.id < b.id ? -1 : 1));
  const batchMs: number[] = [];
  try {
    const start = performance.now();
    for (let i = 0; i < items.length; i += BATCH) {
      const t = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ formatVersion: 1, responses: items.slice(i, i + BATCH), deviceToday: TODAY }),
      });
      const body = (await res.json()) as { results: { status: string }[] };
      if (res.status !== 200 || body.results.some((r) => r.status !== 'accepted')) {
        throw new Error(`batch ${i / BATCH}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      }
      batchMs.push(performance.now() - t);
    }
    const rate = items.length / ((performance.now() - start) / 1000);
    const t = performance.now();
    const released = await releaseRound(database, SEAL_KEY, ROUND);
    const releaseMs = performance.now() - t;
    if (released !== items.length) throw new Error(`released ${released} of ${items.length}`);
    return { rate, batchMs, releaseMs };
  } finally {
    await app.close();
  }
}

/** The rows and counts of a batch, as the statements take them. */
function rowsOf(batch: NewResponse[]) {
  const deltas = aggregateDeltas(batch, BACKGROUND);
  const responses = batch.map((r) => [
    r.id,
    r.roundId,
    r.unitId,
    r.questionnaireVersion,
    r.answeredOn,
    JSON.stringify(r.answers),
    JSON.stringify(r.background),
    r.openText,
  ]);
  return { deltas, responses };
}

/** better-sqlite3 on its own: prepared statements, one transaction per 100 answers. */
function sqliteFloor(file: string, all: NewResponse[]): number {
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(
    'insert into responses (id, round_id, unit_id, questionnaire_version, answered_on, answers, background, open_text) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const count = db.prepare(
    'insert into aggregate_counts (round_id, unit_id, statement_id, value, count) values (?, ?, ?, ?, ?) on conflict (round_id, unit_id, statement_id, value) do update set count = count + excluded.count',
  );
  const total = db.prepare(
    'insert into aggregate_totals (round_id, unit_id, responses) values (?, ?, ?) on conflict (round_id, unit_id) do update set responses = responses + excluded.responses',
  );
  const bgCount = db.prepare(
    'insert into background_counts (round_id, question_id, option_value, statement_id, value, count) values (?, ?, ?, ?, ?, ?) on conflict (round_id, question_id, option_value, statement_id, value) do update set count = count + excluded.count',
  );
  const bgTotal = db.prepare(
    'insert into background_totals (round_id, question_id, option_value, responses) values (?, ?, ?, ?) on conflict (round_id, question_id, option_value) do update set responses = responses + excluded.responses',
  );
  const store = db.transaction((batch: NewResponse[]) => {
    const { deltas, responses } = rowsOf(batch);
    for (const r of responses) insert.run(...r);
    for (const c of deltas.counts) count.run(c.roundId, c.unitId, c.statementId, c.value, c.count);
    for (const t of deltas.totals) total.run(t.roundId, t.unitId, t.responses);
    for (const c of deltas.backgroundCounts)
      bgCount.run(c.roundId, c.questionId, c.optionValue, c.statementId, c.value, c.count);
    for (const t of deltas.backgroundTotals) bgTotal.run(t.roundId, t.questionId, t.optionValue, t.responses);
  });
  const start = performance.now();
  for (let i = 0; i < all.length; i += BATCH) store(all.slice(i, i + BATCH));
  const rate = all.length / ((performance.now() - start) / 1000);
  db.close();
  return rate;
}

/** Placeholders $1… for `rows` rows of `width` values. */
const values = (rows: number, width: number) =>
  Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
  ).join(', ');

/** pg on its own: multi-row statements, one transaction per 100 answers. */
async function postgresFloor(url: string, schema: string, all: NewResponse[]): Promise<number> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const upsert = async (table: string, columns: string[], key: string[], add: string, rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += 500) {
      const part = rows.slice(i, i + 500);
      await client.query(
        `insert into ${table} (${columns.join(', ')}) values ${values(part.length, columns.length)} on conflict (${key.join(', ')}) do update set ${add} = ${table}.${add} + excluded.${add}`,
        part.flat(),
      );
    }
  };
  const start = performance.now();
  for (let i = 0; i < all.length; i += BATCH) {
    const { deltas, responses } = rowsOf(all.slice(i, i + BATCH));
    await client.query('begin');
    await client.query(
      `insert into responses (id, round_id, unit_id, questionnaire_version, answered_on, answers, background, open_text) values ${values(responses.length, 8)}`,
      responses.flat(),
    );
    await upsert(
      'aggregate_counts',
      ['round_id', 'unit_id', 'statement_id', 'value', 'count'],
      ['round_id', 'unit_id', 'statement_id', 'value'],
      'count',
      deltas.counts.map((c) => [c.roundId, c.unitId, c.statementId, c.value, c.count]),
    );
    await upsert(
      'aggregate_totals',
      ['round_id', 'unit_id', 'responses'],
      ['round_id', 'unit_id'],
      'responses',
      deltas.totals.map((t) => [t.roundId, t.unitId, t.responses]),
    );
    await upsert(
      'background_counts',
      ['round_id', 'question_id', 'option_value', 'statement_id', 'value', 'count'],
      ['round_id', 'question_id', 'option_value', 'statement_id', 'value'],
      'count',
      deltas.backgroundCounts.map((c) => [
        c.roundId,
        c.questionId,
        c.optionValue,
        c.statementId,
        c.value,
        c.count,
      ]),
    );
    await upsert(
      'background_totals',
      ['round_id', 'question_id', 'option_value', 'responses'],
      ['round_id', 'question_id', 'option_value'],
      'responses',
      deltas.backgroundTotals.map((t) => [t.roundId, t.questionId, t.optionValue, t.responses]),
    );
    await client.query('commit');
  }
  const rate = all.length / ((performance.now() - start) / 1000);
  await client.end();
  return rate;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function report(name: string, ingest: IngestResult, floor: number): void {
  const third = Math.max(1, Math.floor(ingest.batchMs.length / 10));
  const early = mean(ingest.batchMs.slice(1, 1 + third));
  const late = mean(ingest.batchMs.slice(-third));
  console.log(
    `${name.padEnd(11)}${`${ingest.rate.toFixed(0)}/s`.padStart(12)}${`${floor.toFixed(0)}/s`.padStart(12)}` +
      `${`${(ingest.rate / floor).toFixed(2)}×`.padStart(9)}${`${early.toFixed(0)} ms`.padStart(12)}` +
      `${`${late.toFixed(0)} ms`.padStart(11)}${`${(ingest.releaseMs / 1000).toFixed(2)} s`.padStart(12)}`,
  );
}

export async function runIngestBench(): Promise<void> {
  const all = answers();
  console.log(
    `\ningest bench: ${all.length} answers with one-time codes over HTTP in batches of ${BATCH} (sealed into ` +
      'the inbox), against the raw floor (the driver inserting the same rows and counts, one transaction per 100); ' +
      'early/late = mean time per batch over the first and last tenth; release = opening, shuffling and ' +
      `writing all ${all.length} into responses and counts`,
  );
  console.log(
    `${'database'.padEnd(11)}${'ingest'.padStart(12)}${'floor'.padStart(12)}${'ratio'.padStart(9)}` +
      `${'early'.padStart(12)}${'late'.padStart(11)}${'release'.padStart(12)}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'tifaktor-ingest-bench-'));
  try {
    const ingest = await ingestOverHttp(openDatabase({ dataDir: join(dir, 'ingest') }), all);
    const floorDb = openDatabase({ dataDir: join(dir, 'floor') });
    await seed(floorDb);
    await floorDb.close();
    report('SQLite', ingest, sqliteFloor(join(dir, 'floor', 'tifaktor.sqlite'), all));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to measure it as well');
    return;
  }
  const schemas = [`bench_${randomBytes(6).toString('hex')}`, `bench_${randomBytes(6).toString('hex')}`];
  for (const s of schemas) await pgAdmin(url, `create schema ${s}`);
  try {
    const ingest = await ingestOverHttp(
      openPostgres({ connectionString: url, options: `-c search_path=${schemas[0]}` }),
      all,
    );
    const floorDb = openPostgres({ connectionString: url, options: `-c search_path=${schemas[1]}` });
    await seed(floorDb);
    await floorDb.close();
    report('PostgreSQL', ingest, await postgresFloor(url, schemas[1]!, all));
  } finally {
    for (const s of schemas) await pgAdmin(url, `drop schema ${s} cascade`);
  }
}

if (process.argv[1]?.endsWith('ingest.ts')) await runIngestBench();
