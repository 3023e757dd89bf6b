// The process: read the environment, open and migrate the database, seed the demo on an empty
// database, serve the API and (when built) the PWA, and close the database on SIGINT/SIGTERM.
// On start it prints how to sign in: the demo logins when it seeded the demo, or a one-time setup
// link for each municipality that has no admin yet.
// Runs by itself only as the entry module; src/server/cli/start.ts imports startServer().
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { MIN_IDLE_TIMEOUT_SECONDS } from '../shared/device';
import { buildApp, DEFAULT_DEVICE_SETTINGS } from './app';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { createSetupToken } from './auth/first-admin';
import { DEMO_LOGINS, seedDemo, seedDemoCodes } from './demo/seed-demo';
import { seedDemoReports } from './demo/seed-demo-reports';
import { createCodeHasher, loadCodeHashKey } from './codes/code-hasher';
import { formatCode } from '../shared/codes';
import { municipalitiesWithoutAdmin } from './repositories/accounts';
import { hasAnyMunicipality } from './repositories/organisation';

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
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}

/** TRUST_PROXY: unset (off), "true", or the proxy addresses/subnets, comma-separated. */
function parseTrustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === '' || value === 'false') return false;
  return value === 'true' ? true : value;
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

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = fromEnv(options);
  // CODE_HASH_KEY, else DATA_DIR/code-hash.key (see codes/code-hasher.ts).
  const codeHashKey = loadCodeHashKey({ env: process.env.CODE_HASH_KEY, dataDir: config.dataDir });
  const db = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  let seededDemo = false;
  let demoCodes: string[] = [];
  let setupTokens: { municipality: string; token: string }[];
  try {
    await migrateToLatest(db);
    if (!(await hasAnyMunicipality(db.kysely))) {
      await seedDemo(db);
      const hasher = createCodeHasher(codeHashKey);
      demoCodes = await seedDemoCodes(db, hasher);
      await seedDemoReports(db, hasher);
      seededDemo = true;
    }
    setupTokens = await Promise.all(
      (await municipalitiesWithoutAdmin(db.kysely)).map(async (m) => ({
        municipality: m.name,
        token: await createSetupToken(db.kysely, m.id, new Date()),
      })),
    );
  } catch (error) {
    await db.close();
    throw error;
  }

  const { staticDir } = config;
  const hasPwa = staticDir !== null && existsSync(join(staticDir, 'index.html'));
  const app = buildApp({
    db,
    deviceSettings: { idleTimeoutSeconds: config.idleTimeoutSeconds },
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy: config.trustProxy,
    codeHashKey,
    ...(hasPwa && { staticDir }),
  });
  // The pool has already let the connection go and opens a new one when asked (db/database.ts).
  db.onConnectionError((err) => app.log.warn({ err }, 'an idle database connection was lost'));
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

  const url = `http://localhost:${config.port}`;
  console.log(`tifaktor (${db.dialect}) is running: open ${url}`);
  if (seededDemo) {
    console.log(
      `Demo logins (password ${DEMO_LOGINS.password}): ${DEMO_LOGINS.admin} (admin), ${DEMO_LOGINS.leader} (leader of Solbakken sykehjem)`,
    );
  }
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

if (isEntryModule()) {
  startServer().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
