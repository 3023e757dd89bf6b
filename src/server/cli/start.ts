// The server process of `npm start`: compiled into dist-server/start.js (scripts/build-server.mjs)
// and run by scripts/run-server.mjs, which first builds the PWA and the server when either is
// missing or older than its sources. It runs the server (API + built PWA in dist/) in this one
// Node process and builds nothing itself: it never loads Vite, tsx or esbuild. With SERVE_PWA=0
// it serves the API only. A start the server refuses (another server on DATA_DIR, a read-only
// database, a missing or other code key) prints its reason alone and exits 1.
//
// ../server is imported with import() on purpose: the bundle puts it in a chunk of its own,
// whose "am I the entry module?" check then stays false (see scripts/build-server.mjs).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: the first one up from this file with a package.json (src/server/cli or dist-server). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('tifaktor: no package.json above the server files');
    dir = up;
  }
  return dir;
}

const staticDir = process.env.SERVE_PWA === '0' ? null : join(projectRoot(), 'dist');
const { failStart, startServer } = await import('../server');
await startServer({ staticDir }).catch(failStart);
