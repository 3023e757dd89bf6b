// `npm start` (run with node --import tsx): build the PWA if it is missing or older than its sources, then run the server
// (API + built PWA) in this one Node process. With SERVE_PWA=0 (API only) nothing is built.
// A start the server refuses (another server on DATA_DIR, a read-only database, a missing or
// other code key) prints its reason alone and exits 1.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const builtIndex = join(root, 'dist', 'index.html');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function isBuildStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  const sources = ['src/app', 'src/shared', 'locales', 'public', 'index.html', 'vite.config.ts'];
  return sources.some((s) => existsSync(join(root, s)) && newestMtime(join(root, s)) > built);
}

if (process.env.SERVE_PWA !== '0' && isBuildStale()) {
  console.log('Building the PWA (first start or changed sources) …');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { failStart, startServer } = await import('../server');
await startServer().catch(failStart);
