// One chaos run on one database: seed the world, start the server child and the proxy, let the
// devices answer while the server is SIGKILLed and started again, then count what was stored.
// Used by tests/chaos/chaos.test.ts (CI size) and tests/chaos/run.ts (`npm run chaos`).
import type { DialectName } from '../../../src/server/db/database';
import { addDays, osloDate } from '../../../src/shared/dates';
import { recomputed, snapshot } from '../../server/support/counts';
import { createRunDatabase } from './databases';
import { startDevice, type DeviceReport } from './devices';
import { startChaosProxy, type Fault } from './proxy';
import { seededRandom } from './random';
import { serverProcess } from './server-process';
import { CHAOS_CODE_HASH_KEY, planDevices, seedWorld, WORLD } from './world';
import { createCodeHasher } from '../../../src/server/codes/code-hasher';
import { findSealKey } from '../../../src/server/release/seal-key';
import { findStoredResponses } from '../../../src/server/repositories/inbox';
import { releaseAll } from '../../server/support/release';

/** The seal key the server child is given, so the run can release what it sealed. */
const CHAOS_SEAL_KEY = 'chaos-seal-key-'.padEnd(64, '0');

export interface ChaosOptions {
  dialect: DialectName;
  devices: number;
  answers: number;
  kills: number;
  /** The longest pause between two answers on a device. */
  thinkMs?: number;
  /** The longest time the server stays up between two kills. */
  upMs?: number;
}

export interface ChaosResult {
  dialect: DialectName;
  submitted: number;
  /** Submitted answers found in the responses table (each id counted once). */
  stored: number;
  /** Submitted ids stored more than once, plus rows no device submitted. */
  duplicates: number;
  /** Rows in the responses table. */
  rows: number;
  /** Code devices' answers against the codes marked used. */
  codeAnswers: number;
  codesUsed: number;
  aggregatesMatchRecount: boolean;
  countRows: number;
  totalsSum: number;
  pending: number;
  rejected: string[];
  kills: number;
  serverStarts: number;
  proxy: Record<Fault, number> & { upstreamFailures: number };
  deviceErrors: Record<string, number>;
  seconds: number;
  serverOutput: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const { dialect, devices, answers, kills } = options;
  const random = seededRandom(`chaos-schedule-${dialect}`);
  const database = await createRunDatabase(dialect, 'chaos');
  const plans = planDevices(devices, answers);
  const seedConnection = database.connect();
  try {
    await seedWorld(seedConnection, plans);
  } finally {
    await seedConnection.close();
  }
  const server = await serverProcess({
    ...database.env,
    CODE_HASH_KEY: CHAOS_CODE_HASH_KEY,
    SEAL_KEY: CHAOS_SEAL_KEY,
  });
  const proxy = await startChaosProxy({
    upstreamPort: () => server.port,
    random: seededRandom(`chaos-proxy-${dialect}`),
  });
  try {
    await server.start();
    const today = osloDate();
    const running = plans.map((plan) =>
      startDevice({
        plan,
        proxyUrl: proxy.url,
        answers,
        round: { id: WORLD.roundId, opensOn: addDays(today, -7), closesOn: addDays(today, 30) },
        questionnaireVersion: WORLD.questionnaire.version,
        statementIds: WORLD.questionnaire.statements.map((s) => s.id),
        thinkMs: options.thinkMs ?? 20,
        // The app's own timeout (sync.ts): a slow server is waited for, not abandoned and re-sent.
        requestTimeoutMs: 30_000,
        drainTimeoutMs: 300_000,
      }),
    );
    // A device that fails early must not leave the others running unobserved.
    const reports = Promise.all(running.map((d) => d.done));
    reports.catch(() => undefined);
    const upMs = options.upMs ?? 1_500;
    for (let k = 0; k < kills; k++) {
      await sleep(200 + Math.floor(random() * upMs));
      await server.kill();
      await sleep(50 + Math.floor(random() * 400));
      await server.start();
    }
    for (const device of running) device.final();
    const done: DeviceReport[] = await reports;
    await server.stop();

    const count = database.connect();
    try {
      const db = count.kysely;
      const submittedIds = done.flatMap((d) => d.submitted);
      // The server sealed what it took; its receipts say which answers it has (a released
      // response keeps no client UUID), and the release writes them as responses and counts.
      const hasher = createCodeHasher(Buffer.from(CHAOS_CODE_HASH_KEY, 'utf8'));
      const held = await findStoredResponses(db, (id) => hasher.hashReceipt(id), submittedIds);
      const stored = submittedIds.filter((id) => held.has(id)).length;
      await releaseAll(count, findSealKey({ env: CHAOS_SEAL_KEY, dataDir: '.' }).key);
      const rows = (await db.selectFrom('responses').select('id').execute()).map((r) => r.id);
      // Rows no submitted answer accounts for: an answer stored twice, or one nobody sent.
      const duplicates = rows.length - stored;
      const snap = await snapshot(count);
      const recount = await recomputed(count);
      const codesUsed = await db
        .selectFrom('one_time_codes')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('used', '=', 1)
        .executeTakeFirstOrThrow();
      const totals = await db.selectFrom('aggregate_totals').select('responses').execute();
      return {
        dialect,
        submitted: submittedIds.length,
        stored,
        duplicates,
        rows: rows.length,
        codeAnswers: done.filter((d) => d.kind === 'code').reduce((n, d) => n + d.submitted.length, 0),
        codesUsed: Number(codesUsed.n),
        aggregatesMatchRecount:
          JSON.stringify(snap.counts) === JSON.stringify(recount.counts) &&
          JSON.stringify(snap.totals) === JSON.stringify(recount.totals),
        countRows: snap.counts.length,
        totalsSum: totals.reduce((n, t) => n + Number(t.responses), 0),
        pending: done.reduce((n, d) => n + d.pending, 0),
        rejected: done.flatMap((d) => d.rejected),
        kills,
        serverStarts: server.starts,
        proxy: { ...proxy.tally, upstreamFailures: proxy.upstreamFailures },
        deviceErrors: done.reduce<Record<string, number>>((acc, d) => {
          for (const [code, n] of Object.entries(d.errors)) acc[code] = (acc[code] ?? 0) + n;
          return acc;
        }, {}),
        seconds: Math.round((Date.now() - started) / 100) / 10,
        serverOutput: server.output(),
      };
    } finally {
      await count.close();
    }
  } finally {
    await server.kill();
    await proxy.close();
    await database.dispose();
  }
}

export function formatChaos(r: ChaosResult): string {
  const ok = r.stored === r.submitted && r.duplicates === 0 && r.rows === r.submitted;
  return [
    `chaos on ${r.dialect}: ${ok ? 'OK' : 'FAILED'} in ${r.seconds} s`,
    `  stored/submitted: ${r.stored}/${r.submitted} (rows ${r.rows}), duplicates: ${r.duplicates}`,
    `  aggregates vs recount: ${r.aggregatesMatchRecount ? 'equal' : 'DIFFERENT'} (${r.countRows} count rows, totals ${r.totalsSum})`,
    `  codes used: ${r.codesUsed} for ${r.codeAnswers} code answers; left in outboxes: ${r.pending}; rejected: ${r.rejected.length}`,
    `  server: ${r.kills} SIGKILLs, ${r.serverStarts} starts; proxy: ${Object.entries(r.proxy)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  device sync errors: ${
      Object.entries(r.deviceErrors)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }`,
  ].join('\n');
}
