// `npm start` runs the compiled server (dist-server/, scripts/build-server.mjs), and the compiled
// server needs only the runtime dependencies: Vite, vite-plugin-pwa, tsx and esbuild are
// devDependencies and a production install may leave them out. Two walls: every package the
// bundle imports is in package.json's dependencies (read from the built files), and the built
// server starts, answers and stays up under a loader hook that throws on any devDependency.
// The build goes to a folder inside node_modules/.cache so its bare imports resolve from the
// project's node_modules, as dist-server/'s do.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const RUNTIME = new Set(Object.keys(pkg.dependencies));
const DEV_ONLY = Object.keys(pkg.devDependencies);
const BUILD_TOOLS = ['vite', 'vite-plugin-pwa', '@vitejs/plugin-react', 'tsx', 'esbuild'];

/** A bare specifier's package: "@a/b/c" -> "@a/b", "a/b" -> "a". */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(packageOf(specifier));

/** Every bare module specifier a JavaScript file imports, statically or with import(). */
function bareImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found = new Set<string>();
  const patterns = [
    /\bfrom\s*["']([^"'./\s][^"'\s]*)["']/g,
    /\bimport\s*\(\s*["']([^"'./\s][^"'\s]*)["']\s*\)/g,
    /^\s*import\s*["']([^"'./\s][^"'\s]*)["']/gm,
    /\brequire\s*\(\s*["']([^"'./\s][^"'\s]*)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

// A loader hook that refuses every devDependency, for the child process (--import, data: URLs).
const DENY_HOOKS = `
const denied = new Set(${JSON.stringify(DEV_ONLY)});
export async function resolve(specifier, context, next) {
  const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  if (denied.has(name)) throw new Error('DEV_ONLY_PACKAGE_AT_RUNTIME: ' + specifier);
  return next(specifier, context);
}`;
const DENY_DEV_PACKAGES = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(
    `data:text/javascript,${encodeURIComponent(DENY_HOOKS)}`,
  )});`,
)}`;

describe('the compiled server', () => {
  let outdir: string;
  let dataDir: string;
  beforeAll(() => {
    const cache = join(ROOT, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    outdir = join(mkdtempSync(join(cache, 'tifaktor-server-build-')), 'dist-server');
    dataDir = mkdtempSync(join(tmpdir(), 'tifaktor-compiled-'));
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs', '--outdir', outdir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
  });
  afterAll(() => {
    rmSync(join(outdir, '..'), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.seal-key`, { force: true });
  });

  it('npm start and the server commands run the built files, not TypeScript through tsx', () => {
    for (const script of ['start', 'admin:create', 'operator:create', 'questionnaire:import']) {
      expect(pkg.scripts[script], script).toMatch(
        /^node (?:--max-old-space-size=\d+ )?scripts\/run-server\.mjs [a-z-]+$/,
      );
    }
    // The server's heap is capped, so V8 collects before the process grows (README, "National
    // scale"): the national bench runs with the same cap, and prints it.
    expect(pkg.scripts.start).toBe('node --max-old-space-size=512 scripts/run-server.mjs start');
    expect(pkg.scripts.bench).toMatch(/^node --max-old-space-size=512 /);
    expect(pkg.scripts.build).toContain('build:server');
    for (const tool of BUILD_TOOLS) {
      expect(RUNTIME.has(tool), `${tool} is a runtime dependency`).toBe(false);
      expect(DEV_ONLY, tool).toContain(tool);
    }
  });

  it('imports no package outside the runtime dependencies', () => {
    const files = jsFiles(outdir);
    expect(files.map((f) => f.slice(outdir.length + 1))).toEqual(
      expect.arrayContaining([
        'start.js',
        'admin-create.js',
        'operator-create.js',
        'questionnaire-import.js',
      ]),
    );
    const outside = files.flatMap((file) =>
      bareImports(file)
        .filter((specifier) => !isBuiltin(specifier) && !RUNTIME.has(packageOf(specifier)))
        .map((specifier) => `${file.slice(outdir.length + 1)}: ${specifier}`),
    );
    expect(outside).toEqual([]);
    // The server's own code is in the bundle: fastify comes from node_modules, the routes do not.
    expect(files.flatMap(bareImports)).toContain('fastify');
    // The launcher runs before anything is built, on the runtime alone: node's own modules only.
    for (const launcher of ['scripts/run-server.mjs', 'scripts/server-sources.mjs']) {
      expect(
        bareImports(join(ROOT, launcher)).filter((s) => !isBuiltin(s)),
        launcher,
      ).toEqual([]);
    }
  });

  it('the loader hook really refuses a devDependency (so the start below proves something)', () => {
    const probe = spawnSync(process.execPath, ['--import', DENY_DEV_PACKAGES, '-e', 'await import("vite")'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(probe.status).not.toBe(0);
    expect(probe.stderr).toContain('DEV_ONLY_PACKAGE_AT_RUNTIME: vite');
  });

  it('starts once, answers and stays up with every devDependency refused', async () => {
    const inherited = { ...process.env };
    delete inherited.CODE_HASH_KEY;
    delete inherited.DATABASE_URL;
    delete inherited.NODE_OPTIONS;
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', DENY_DEV_PACKAGES, join(outdir, 'start.js')],
      {
        cwd: ROOT,
        env: {
          ...inherited,
          SERVE_PWA: '0',
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          DATA_DIR: dataDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start in 30 s\n${out}\n${err}`)), 30_000);
        child.stdout!.on('data', () => {
          const match = /is running: open (http:\/\/localhost:\d+)/.exec(out);
          if (!match) return;
          clearTimeout(timer);
          resolve(match[1]!);
        });
        child.once(
          'exit',
          (code) => (clearTimeout(timer), reject(new Error(`exited ${code}\n${out}\n${err}`))),
        );
      });
      const ready = await fetch(`${url.replace('localhost', '127.0.0.1')}/api/v1/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', database: 'sqlite' });
      // One server in the process: server.ts's own entry-module start stayed off (its chunk).
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(out.match(/is running/g)).toHaveLength(1);
      expect(child.exitCode).toBeNull();
      expect(err).not.toContain('DEV_ONLY_PACKAGE_AT_RUNTIME');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    }
  }, 60_000);
});
