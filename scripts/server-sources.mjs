// Where the server build comes from and goes, shared by scripts/build-server.mjs (which loads
// esbuild) and scripts/run-server.mjs (which must not: it runs where only the runtime is).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_OUTDIR = join(ROOT, 'dist-server');
/** What a server build is made from: a file newer than the build means it must be built again. */
export const SERVER_SOURCES = [
  'src/server',
  'src/shared',
  'scripts/build-server.mjs',
  'scripts/server-sources.mjs',
  'package.json',
];
