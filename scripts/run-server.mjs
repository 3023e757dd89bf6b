// `npm start` and the other server commands: `node scripts/run-server.mjs <command> [args…]` runs
// dist-server/<command>.js (start, admin-create, operator-create, questionnaire-import) in this
// process. Plain JavaScript, so it needs no compiler to run.
//
// On a fresh machine (after npm ci) nothing is built yet: it builds the server (esbuild) and, for
// start, the PWA (vite build) first, and again whenever either is older than its sources. After
// `npm run build` both are current and it only runs the compiled server: no Vite, tsx or esbuild
// is loaded. SERVE_PWA=0 (API only) builds no PWA.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { ROOT, SERVER_OUTDIR, SERVER_SOURCES } from './server-sources.mjs';

const COMMANDS = ['start', 'admin-create', 'operator-create', 'questionnaire-import'];
const PWA_SOURCES = ['src/app', 'src/shared', 'locales', 'public', 'index.html', 'vite.config.ts'];
const PWA_INDEX = join(ROOT, 'dist', 'index.html');

/**
 * @param {string} path
 * @returns {number}
 */
function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** @param {string} built @param {string[]} sources */
function isStale(built, sources) {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sources.some((s) => existsSync(join(ROOT, s)) && newestMtime(join(ROOT, s)) > builtAt);
}

/** @param {string} what @param {string[]} args */
function buildWith(what, args) {
  console.log(`Building ${what} (first start or changed sources) …`);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Building ${what} failed: run npm ci (it installs the build tools), then npm run build.`);
    process.exit(result.status ?? 1);
  }
}

const [command = 'start', ...args] = process.argv.slice(2);
if (!COMMANDS.includes(command)) {
  console.error(`Usage: node scripts/run-server.mjs <${COMMANDS.join('|')}> [arguments]`);
  process.exit(2);
}
const entry = join(SERVER_OUTDIR, `${command}.js`);
if (isStale(entry, SERVER_SOURCES)) buildWith('the server', [join(ROOT, 'scripts', 'build-server.mjs')]);
if (command === 'start' && process.env.SERVE_PWA !== '0' && isStale(PWA_INDEX, PWA_SOURCES)) {
  buildWith('the PWA', [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']);
}

// Stack traces name the TypeScript sources (the build writes source maps).
process.setSourceMapsEnabled(true);
// The command sees itself as the entry module, with its own arguments (argv[2] on).
process.argv = [process.argv[0] ?? process.execPath, entry, ...args];
await import(pathToFileURL(entry).href);
