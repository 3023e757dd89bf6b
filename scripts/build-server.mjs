// `npm run build:server`: compiles the server once into dist-server/, so a start runs JavaScript
// instead of compiling TypeScript through tsx each time. One ESM bundle per command of
// src/server/cli (not dev.ts: it runs tsx watch and Vite's dev server), for Node, with every npm
// package left external: better-sqlite3, pg and fastify load from node_modules as they are.
//
// Splitting matters beyond size: start.ts imports ../server with import(), so server.ts lands in
// a chunk of its own and its "am I the entry module?" check (import.meta.url against argv[1])
// stays false under `node dist-server/start.js`; bundled into start.js it would start a second
// server beside start.ts's.
//
// `node scripts/build-server.mjs [--outdir DIR]` (default dist-server/). The new build is written
// beside the old one and swapped in at the end, so a failed build leaves the last good one.
import { build } from 'esbuild';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ROOT, SERVER_OUTDIR } from './server-sources.mjs';

const CLI_DIR = join(ROOT, 'src', 'server', 'cli');
const DEV_ONLY = new Set(['dev.ts']);

/** @param {{ outdir?: string }} [options] */
export async function buildServer(options = {}) {
  const outdir = resolve(options.outdir ?? SERVER_OUTDIR);
  const next = `${outdir}.next-${process.pid}`;
  const entryPoints = readdirSync(CLI_DIR)
    .filter((name) => name.endsWith('.ts') && !DEV_ONLY.has(name))
    .map((name) => join(CLI_DIR, name));
  rmSync(next, { recursive: true, force: true });
  try {
    await build({
      entryPoints,
      outdir: next,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
      sourcemap: true,
      logLevel: 'warning',
    });
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    throw error;
  }
  rmSync(outdir, { recursive: true, force: true });
  renameSync(next, outdir);
  return outdir;
}

const isEntry = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  const flag = process.argv.indexOf('--outdir');
  const outdir = flag > 0 ? process.argv[flag + 1] : undefined;
  const started = performance.now();
  const built = await buildServer({ outdir });
  const entries = readdirSync(built).filter((name) => name.endsWith('.js'));
  console.log(
    `Built the server into ${built} (${entries.join(', ')}) in ${Math.round(performance.now() - started)} ms.`,
  );
  if (!existsSync(join(built, 'start.js'))) process.exit(1);
}
