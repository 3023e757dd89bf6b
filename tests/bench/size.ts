// npm run size: the respondent's first-load JavaScript, gzip, next to its floor measured in the
// same run. First load is what the browser must fetch before the first screen renders: the entry
// chunk of index.html and every chunk it imports statically (its modulepreload links). Chunks it
// imports with import() (later screens, the service worker's registration, texts of other
// namespaces) load after the first render and are listed apart. The floor is tests/bench/size-floor:
// the smallest app using the same seven libraries the same way, built with the same Vite, React
// plugin and target. Both builds go to temporary folders (dist/ is left alone), and each chunk is
// measured as the server sends it: gzip -9, like the precompressed .gz copies (vite.config.ts).
// kB = 1000 bytes. Exits 1 when the first load is over the goal of issue 14, so CI can run it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, type Rollup } from 'vite';

/** Issue 14: the respondent's first load at most this (gzip, kB). */
const GOAL_KB = 145;
const ROOT = resolve(import.meta.dirname, '../..');

interface Chunk {
  file: string;
  gzip: number;
}

interface Measured {
  firstLoad: Chunk[];
  afterRender: Chunk[];
  css: Chunk[];
}

const gzipSize = (code: string | Uint8Array) =>
  gzipSync(code, { level: constants.Z_BEST_COMPRESSION }).length;
const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const sum = (chunks: Chunk[]) => chunks.reduce((total, chunk) => total + chunk.gzip, 0);

function outputsOf(result: Awaited<ReturnType<typeof build>>): Rollup.OutputBundle[number][] {
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((output) => ('output' in output ? output.output : []));
}

/** The entry's static import graph, and the chunks it reaches with import() from there. */
function measure(items: Rollup.OutputBundle[number][]): Measured {
  const chunks = new Map(
    items.filter((item): item is Rollup.OutputChunk => item.type === 'chunk').map((c) => [c.fileName, c]),
  );
  const entries = [...chunks.values()].filter((chunk) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);
  const first = new Set<string>();
  const queue = [entries[0]!.fileName];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (first.has(file)) continue;
    first.add(file);
    queue.push(...chunks.get(file)!.imports);
  }
  const later = new Set<string>();
  for (const file of first) {
    for (const dynamic of chunks.get(file)!.dynamicImports) if (!first.has(dynamic)) later.add(dynamic);
  }
  const css = new Set([...first].flatMap((file) => [...(chunks.get(file)!.viteMetadata?.importedCss ?? [])]));
  const asset = (file: string) => items.find((item) => item.fileName === file);
  const sized = (files: Iterable<string>, code: (file: string) => string | Uint8Array) =>
    [...files].map((file) => ({ file, gzip: gzipSize(code(file)) })).sort((a, b) => b.gzip - a.gzip);
  return {
    firstLoad: sized(first, (file) => chunks.get(file)!.code),
    afterRender: sized(later, (file) => chunks.get(file)!.code),
    css: sized(css, (file) => {
      const item = asset(file);
      return item?.type === 'asset' ? item.source : '';
    }),
  };
}

async function buildInto(outDir: string, config: Parameters<typeof build>[0]): Promise<Measured> {
  const result = await build({
    ...config,
    logLevel: 'warn',
    build: { ...config?.build, outDir, emptyOutDir: true },
  });
  return measure(outputsOf(result));
}

/** The chunks, largest first: `limit` of them, then one line for the rest. */
function table(title: string, chunks: Chunk[], limit = Infinity): void {
  console.log(`  ${title}`);
  for (const chunk of chunks.slice(0, limit))
    console.log(`    ${kB(chunk.gzip).padStart(7)} kB  ${chunk.file}`);
  const rest = chunks.slice(limit);
  if (rest.length > 0) console.log(`    ${kB(sum(rest)).padStart(7)} kB  ${rest.length} more`);
  console.log(`    ${kB(sum(chunks)).padStart(7)} kB  total`);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'tifaktor-size-'));
  try {
    const app = await buildInto(join(work, 'app'), { root: ROOT, configFile: join(ROOT, 'vite.config.ts') });
    const floor = await buildInto(join(work, 'floor'), {
      root: join(ROOT, 'tests/bench/size-floor'),
      configFile: false,
      plugins: [react()],
      build: { target: 'es2022' },
    });
    const appTotal = sum(app.firstLoad);
    const floorTotal = sum(floor.firstLoad);
    console.log('The respondent (index.html), gzip -9:');
    table('first load: the entry chunk and its static imports', app.firstLoad);
    table('css of the first load', app.css);
    table('loaded with import() from the first load (after the first render, or on use)', app.afterRender, 8);
    console.log('The floor (tests/bench/size-floor, the same seven libraries):');
    table('first load', floor.firstLoad);
    const ratio = appTotal / floorTotal;
    const within = appTotal <= GOAL_KB * 1000;
    console.log(
      `\nrespondent first load ${kB(appTotal)} kB gzip, floor ${kB(floorTotal)} kB: ${ratio.toFixed(2)}x the floor; ` +
        `goal <= ${GOAL_KB} kB (${((GOAL_KB * 1000) / floorTotal).toFixed(2)}x): ${within ? 'met' : 'NOT met'}`,
    );
    if (!within) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
