// `npm test`: every suite. Unit, component and server tests always run (server tests also on
// PostgreSQL when TEST_DATABASE_URL is set); the browser tests run when Chromium is installed.
// A suite that cannot run says so loudly, and fails instead when CI requires it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const env = { ...process.env, TZ: 'Europe/Oslo' };
const run = (args: string[]) => spawnSync(process.execPath, args, { stdio: 'inherit', env }).status ?? 1;
const vitest = 'node_modules/vitest/vitest.mjs';
let failed = false;

if (!process.env.TEST_DATABASE_URL) {
  if (process.env.REQUIRE_POSTGRES === '1') {
    console.error('TEST_DATABASE_URL is required here (REQUIRE_POSTGRES=1) but not set.');
    process.exit(1);
  }
  console.warn(
    '\n*** PostgreSQL server tests SKIPPED: TEST_DATABASE_URL is not set (SQLite tests still run). ***\n',
  );
}

if (run([vitest, 'run', '--project', 'node', '--project', 'dom']) !== 0) failed = true;

if (existsSync(CHROMIUM)) {
  if (run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']) !== 0) failed = true;
  if (run([vitest, 'run', '--project', 'e2e']) !== 0) failed = true;
} else if (process.env.REQUIRE_E2E === '1') {
  console.error(`Browser tests are required here (REQUIRE_E2E=1) but ${CHROMIUM} is missing.`);
  failed = true;
} else {
  console.warn(
    `\n*** Browser end-to-end tests SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium). ***\n`,
  );
}

process.exit(failed ? 1 : 0);
