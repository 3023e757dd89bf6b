// npm run attack:codes: how many one-time-code guesses a parallel attacker gets answered, over
// real HTTP on loopback only (the server listens on 127.0.0.1, every request comes from 127.x.y.z),
// bounded in time (ATTACK_SECONDS, default 10). A guess counts as answered when the server says
// what it was (CODE_UNKNOWN for an answer, "unknown" for a code check); a 429 answers nothing.
// Scenarios, each on a fresh database:
//   one address   ATTACK_WORKERS parallel workers from 127.0.0.2, batches of ATTACK_BATCH coded
//                 answers (100, the most a batch may carry, and 1);
//   xff rotated   the same through one proxy (trustProxy true), the client writing a new
//                 X-Forwarded-For address in front each time;
//   1,000 addrs   workers from 1,000 loopback addresses (127.1.x.y), the same batches;
//   code checks   one address, parallel public code checks.
// SQLite by default; BENCH_DATABASE_URL=postgres://… runs on PostgreSQL, in a schema of its own.
// Prints the numbers; asserts nothing (machines differ). Runs against any checkout that has
// buildApp and these repositories (used to measure the code before issue 10's fix too).
import { randomBytes, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../src/server/app';
import { openDatabase, openPostgres, type Database } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { createCodeHasher } from '../../src/server/codes/code-hasher';
import { insertCodeHashes } from '../../src/server/repositories/codes';
import { insertMunicipality, insertUnits } from '../../src/server/repositories/organisation';
import { saveQuestionnaire } from '../../src/server/repositories/questionnaires';
import { insertRound } from '../../src/server/repositories/rounds';
import { ROUND_DEFAULTS } from '../../src/server/rounds/defaults';
import { generateCode, generateCodes, webRandomBytes } from '../../src/shared/codes';
import { addDays, osloDate } from '../../src/shared/dates';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default-v1';
import { pgAdmin } from './pg-admin';

const SECONDS = Number(process.env.ATTACK_SECONDS ?? 10);
const WORKERS = Number(process.env.ATTACK_WORKERS ?? 16);
/** Coded answers per batch: 100 (the most a batch may carry) and 1 (the attacker who stays under a limit). */
const BATCH_SIZES = (process.env.ATTACK_BATCH ?? '100,1').split(',').map(Number);
const KEY = randomBytes(32);
const HASHER = createCodeHasher(KEY);
const ROUND = 'attack-round';
const ROOT = 'attack-root';
const TODAY = osloDate(new Date());

interface Scenario {
  name: string;
  trustProxy: boolean;
  /** The loopback address worker w uses for its i-th request. */
  address(worker: number, i: number): string;
  forwardedFor?(): string;
  kind: 'batch' | 'check';
}

const SCENARIOS: Scenario[] = [
  { name: 'one address, batches', trustProxy: false, address: () => '127.0.0.2', kind: 'batch' },
  {
    name: 'one address, X-Forwarded-For rotated (trustProxy true)',
    trustProxy: true,
    address: () => '127.0.0.2',
    // What reaches the server through one proxy: whatever the client wrote, then the address
    // the proxy saw, appended by the proxy (the peer, 127.0.0.2, is the proxy).
    forwardedFor: () =>
      `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}, 192.0.2.9`,
    kind: 'batch',
  },
  {
    name: '1,000 addresses, batches',
    trustProxy: false,
    address: (w, i) => {
      const n = (w * 7919 + i) % 1000;
      return `127.1.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    },
    kind: 'batch',
  },
  { name: 'one address, code checks', trustProxy: false, address: () => '127.0.0.2', kind: 'check' },
];

async function seed(database: Database): Promise<void> {
  const db = database.kysely;
  await insertMunicipality(db, {
    id: 'attack-m',
    name: 'Angrepsvik kommune',
    number: '9997',
    language: 'nb',
  });
  await insertUnits(db, [
    { id: ROOT, municipality_id: 'attack-m', parent_id: null, name: 'Hele kommunen', unit_type: null },
  ]);
  await saveQuestionnaire(db, DEFAULT_QUESTIONNAIRE);
  await insertRound(db, {
    id: ROUND,
    municipalityId: 'attack-m',
    unitId: ROOT,
    name: 'Angrep 2026',
    opensOn: addDays(TODAY, -1),
    closesOn: addDays(TODAY, 13),
    status: 'open',
    defaultLanguage: 'nb',
    ...ROUND_DEFAULTS,
  });
  // 1,000 real codes the attacker hopes to hit (it never does at these odds).
  const codes = generateCodes(1000, webRandomBytes);
  await db.transaction().execute(async (trx) => {
    await insertCodeHashes(
      trx,
      { roundId: ROUND, unitId: ROOT, municipalityId: 'attack-m' },
      codes.map((c) => HASHER.hashCode(c)),
    );
  });
}

const answer = () => ({
  id: randomUUID(),
  roundId: ROUND,
  unitId: ROOT,
  questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
  answeredOn: TODAY,
  answers: {},
  background: {},
  code: generateCode(webRandomBytes),
});

function post(
  port: number,
  path: string,
  body: unknown,
  localAddress: string,
  forwardedFor?: string,
): Promise<{ status: number; body: unknown }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(forwardedFor && { 'x-forwarded-for': forwardedFor }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Guesses this reply answered. */
function answered(kind: Scenario['kind'], reply: { status: number; body: unknown }): number {
  if (kind === 'check') return reply.status === 200 ? 1 : 0;
  const results = (reply.body as { results?: { code?: string }[] } | undefined)?.results ?? [];
  return results.filter((r) => r.code === 'CODE_UNKNOWN').length;
}

async function run(scenario: Scenario, batchSize: number, databaseUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'tifaktor-attack-'));
  const schema = `attack_${randomBytes(6).toString('hex')}`;
  if (databaseUrl) await pgAdmin(databaseUrl, `create schema ${schema}`);
  const database = databaseUrl
    ? openPostgres({ connectionString: databaseUrl, options: `-c search_path=${schema}` })
    : openDatabase({ dataDir: dir });
  const app = buildApp({ db: database, codeHashKey: KEY, trustProxy: scenario.trustProxy });
  try {
    await migrateToLatest(database);
    await seed(database);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const statuses = new Map<number, number>();
    let guesses = 0;
    let sent = 0;
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, w) => {
        for (let i = 0; performance.now() < deadline; i++) {
          const from = scenario.address(w, i);
          const xff = scenario.forwardedFor?.();
          const reply =
            scenario.kind === 'batch'
              ? await post(
                  port,
                  '/api/v1/responses',
                  { formatVersion: 1, responses: Array.from({ length: batchSize }, answer) },
                  from,
                  xff,
                )
              : await post(port, '/api/v1/codes/check', { code: generateCode(webRandomBytes) }, from, xff);
          sent += scenario.kind === 'batch' ? batchSize : 1;
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          guesses += answered(scenario.kind, reply);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { guesses, sent, seconds, statuses };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    if (databaseUrl) await pgAdmin(databaseUrl, `drop schema ${schema} cascade`);
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const only = process.env.ATTACK_SCENARIO;
  console.log(
    `Code guessing on ${databaseUrl ? 'PostgreSQL' : 'SQLite'}: ${WORKERS} parallel workers, ${SECONDS} s per scenario, loopback only`,
  );
  const runs = SCENARIOS.filter((s) => !only || s.name.startsWith(only)).flatMap((scenario) =>
    scenario.kind === 'check' ? [{ scenario, size: 1 }] : BATCH_SIZES.map((size) => ({ scenario, size })),
  );
  for (const { scenario, size } of runs) {
    const r = await run(scenario, size, databaseUrl);
    const perMinute = Math.round((r.guesses / r.seconds) * 60);
    const statuses = [...r.statuses].map(([s, n]) => `${s}×${n}`).join(' ');
    const name = scenario.kind === 'batch' ? `${scenario.name} of ${size}` : scenario.name;
    console.log(
      `${name.padEnd(62)} answered ${String(r.guesses).padStart(7)} of ${String(r.sent).padStart(7)} guesses in ${r.seconds.toFixed(1)} s = ${String(perMinute).padStart(7)}/min  (HTTP ${statuses})`,
    );
  }
}

await main();
