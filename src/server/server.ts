// The process: read the environment, take DATA_DIR for this process (SQLite), on PostgreSQL require
// the keys every process must share, open and migrate the database, prove it takes writes, check
// the code and seal keys against it, seed the demo on an empty database (once over all processes),
// serve the API and (when built) the PWA, and close the database on SIGINT/SIGTERM.
// Whatever the operator must fix first (another server on DATA_DIR, a read-only database, a
// missing or other code or seal key, on PostgreSQL CODE_HASH_KEY or SEAL_KEY not set) refuses the
// start with a StartRefused saying what to do.
// On start it prints how to sign in: the demo logins when it seeded the demo, or a one-time setup
// link for each municipality that has no admin yet.
// Runs by itself only as the entry module; src/server/cli/start.ts imports startServer().
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { MIN_IDLE_TIMEOUT_SECONDS } from '../shared/device';
import { buildApp, DEFAULT_DEVICE_SETTINGS } from './app';
import { isPostgresUrl, openDatabase, type Database } from './db/database';
import { lockDataDir, type InstanceLock } from './db/instance-lock';
import { migrateToLatest } from './db/migrate';
import { StartRefused } from './db/start-refused';
import { probeWrite, refuseUnwritable } from './db/write-probe';
import { createSetupToken } from './auth/first-admin';
import { DEMO_LOGINS } from './demo/seed-demo';
import { demoDataWanted, seedDemoOnStart, type DemoSeedOnStart } from './demo/seed-on-start';
import { createCodeHasher, findCodeHashKey } from './codes/code-hasher';
import { checkCodeHashKey, requireSharedKeys } from './codes/code-key';
import { checkSealKey, findSealKey } from './release/seal-key';
import { formatCode } from '../shared/codes';
import { municipalitiesWithoutAdmin } from './repositories/accounts';
import { parseTrustProxy } from './trust-proxy';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface StartOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  /** The built PWA; null serves the API only. Default: dist/ unless SERVE_PWA=0. */
  staticDir?: string | null;
  /** Close the app and database on SIGINT/SIGTERM and exit (default true). */
  handleSignals?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** The demo's one-time codes when this start seeded the demo (shown once), else []. */
  demoCodes: string[];
  close(): Promise<void>;
}

function defaultStaticDir(): string | null {
  // `npm run dev` sets SERVE_PWA=0: Vite's dev server serves the app there.
  return process.env.SERVE_PWA === '0' ? null : join(PROJECT_ROOT, 'dist');
}

function fromEnv(options: StartOptions) {
  const env = process.env;
  return {
    port: options.port ?? Number(env.PORT ?? 8080),
    host: options.host ?? env.HOST ?? '0.0.0.0',
    dataDir: resolve(options.dataDir ?? env.DATA_DIR ?? './data'),
    databaseUrl: options.databaseUrl ?? (env.DATABASE_URL || undefined),
    idleTimeoutSeconds: parseIdleTimeout(env.IDLE_TIMEOUT_SECONDS),
    staticDir: options.staticDir !== undefined ? options.staticDir : defaultStaticDir(),
    // A hop count or the proxies' addresses; anything else refuses the start (trust-proxy.ts).
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}

/** Shared-tablet idle timeout; at least 30 s, or the 30-second warning would not fit. */
function parseIdleTimeout(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_DEVICE_SETTINGS.idleTimeoutSeconds;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < MIN_IDLE_TIMEOUT_SECONDS) {
    throw new Error(
      `IDLE_TIMEOUT_SECONDS must be a whole number of seconds, at least ${MIN_IDLE_TIMEOUT_SECONDS} (got "${value}")`,
    );
  }
  return seconds;
}

/** The database as a message may name it: the SQLite file, or PostgreSQL without the URL's password. */
function describeDatabase(config: { databaseUrl?: string; dataDir: string }): string {
  if (!isPostgresUrl(config.databaseUrl)) return join(config.dataDir, 'tifaktor.sqlite');
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = fromEnv(options);
  const where = describeDatabase(config);
  // With SQLite the server owns DATA_DIR alone (db/instance-lock.ts); PostgreSQL takes many processes.
  let lock: InstanceLock | undefined;
  if (!config.databaseUrl) {
    mkdirSync(config.dataDir, { recursive: true });
    lock = lockDataDir(config.dataDir);
  }
  let db: Database | undefined;
  let demo: DemoSeedOnStart;
  let setupTokens: { municipality: string; token: string }[];
  let codeHashKey: Buffer;
  let sealKey: Buffer;
  try {
    // Several processes share a PostgreSQL: a key made in one process's DATA_DIR is its alone.
    if (isPostgresUrl(config.databaseUrl)) requireSharedKeys(process.env);
    // Checked before the database is touched, as the keys are.
    const wantDemo = demoDataWanted(
      process.env.DEMO_DATA,
      isPostgresUrl(config.databaseUrl) ? 'postgres' : 'sqlite',
    );
    // CODE_HASH_KEY, else DATA_DIR/code-hash.key (see codes/code-hasher.ts); a new one is only
    // written down once the database has accepted it.
    const codeKey = findCodeHashKey({ env: process.env.CODE_HASH_KEY, dataDir: config.dataDir });
    codeHashKey = codeKey.key;
    // SEAL_KEY, else SEAL_KEY_FILE, else <DATA_DIR>.seal-key beside DATA_DIR (release/seal-key.ts).
    const seal = findSealKey({
      env: process.env.SEAL_KEY,
      file: process.env.SEAL_KEY_FILE,
      dataDir: config.dataDir,
    });
    sealKey = seal.key;
    const opened = openOrRefuse(config, where);
    db = opened;
    // A database that cannot be written must stop the start, not report healthy while every
    // write fails: the migrations may find nothing to do, so a write of its own proves it.
    try {
      await migrateToLatest(opened);
      await probeWrite(opened);
    } catch (error) {
      throw refuseUnwritable(error, where);
    }
    await checkCodeHashKey(opened.kysely, codeKey, (message) => console.warn(message));
    await checkSealKey(opened.kysely, seal);
    demo = wantDemo
      ? await seedDemoOnStart(opened, createCodeHasher(codeHashKey))
      : { seeded: false, codes: [] };
    setupTokens = await Promise.all(
      (await municipalitiesWithoutAdmin(opened.kysely)).map(async (m) => ({
        municipality: m.name,
        token: await createSetupToken(opened.kysely, m.id, new Date()),
      })),
    );
  } catch (error) {
    await db?.close();
    lock?.release();
    throw error;
  }

  const { staticDir } = config;
  const hasPwa = staticDir !== null && existsSync(join(staticDir, 'index.html'));
  const database = db;
  const app = buildApp({
    db: database,
    deviceSettings: { idleTimeoutSeconds: config.idleTimeoutSeconds },
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy: config.trustProxy,
    codeHashKey,
    sealKey,
    releaseScheduler: true,
    ...(hasPwa && { staticDir }),
    // The address browsers reach the server at, for the identity provider's redirect URI (issue 15).
    ...(process.env.PUBLIC_ORIGIN && { publicOrigin: process.env.PUBLIC_ORIGIN }),
  });
  // The pool has already let the connection go and opens a new one when asked (db/database.ts).
  database.onConnectionError((err) => app.log.warn({ err }, 'an idle database connection was lost'));
  // The lock goes when the app closes, after the database (onClose hooks run in order).
  if (lock !== undefined) {
    const held = lock;
    app.addHook('onClose', () => held.release());
  }
  if (staticDir !== null && !hasPwa) {
    app.log.warn(
      `The PWA is not built (no ${join(staticDir, 'index.html')}): serving the API only. Run npm run build.`,
    );
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    throw error;
  }

  // PORT=0 takes a free port: name the one the server got.
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://localhost:${port}`;
  console.log(`tifaktor (${database.dialect}) is running: open ${url}`);
  if (demo.seeded) {
    console.log(
      `Demo logins (password ${DEMO_LOGINS.password}): ${DEMO_LOGINS.admin} (admin), ${DEMO_LOGINS.leader} (leader of Solbakken sykehjem), ${DEMO_LOGINS.privacyOfficer} (privacy officer)`,
    );
  }
  const demoCodes = demo.codes;
  if (demoCodes.length > 0) {
    // Printed once, never logged: only their keyed hashes are kept.
    console.log(
      `One-time codes for the demo (Avdeling 2), each good for one answer: ${demoCodes.map(formatCode).join(' ')}`,
    );
  }
  // Printed, never logged: the token is a one-time credential for whoever runs the server.
  for (const { municipality, token } of setupTokens) {
    console.log(
      `${municipality} has no admin yet: create the first one within 24 hours at ${url}/oppsett/${token}`,
    );
  }
  // app.close() also closes the database (onClose hook in app.ts).
  const close = () => app.close();
  if (options.handleSignals ?? true) closeOnSignals(close);
  return { app, url, demoCodes, close };
}

function closeOnSignals(close: () => Promise<void>): void {
  const stop = () => {
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function isEntryModule(): boolean {
  const entry = process.argv[1];
  if (!entry || !existsSync(entry)) return false;
  return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
}

/** Opens the database; a file or folder SQLite cannot open for writing refuses the start. */
function openOrRefuse(config: { databaseUrl?: string; dataDir: string }, where: string): Database {
  try {
    return openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  } catch (error) {
    throw refuseUnwritable(error, where);
  }
}

/** For the CLI: a refused start is its message alone, anything else the whole error. Exits 1. */
export function failStart(error: unknown): never {
  console.error(error instanceof StartRefused ? `tifaktor did not start: ${error.message}` : error);
  process.exit(1);
}

if (isEntryModule()) {
  startServer().catch(failStart);
}
