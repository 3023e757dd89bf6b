// A real server process, started the way `npm start` starts it (node --import tsx
// src/server/cli/start.ts), API only (SERVE_PWA=0: nothing is built) on a free port of the
// loopback. Every wait is bounded, and whatever a test leaves running is killed by dispose().
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const RUNNING = /is running: open (http:\/\/localhost:\d+)/;

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the server's URL once it listens; rejects if it exits or takes too long first. */
  running(timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited(timeoutMs?: number): Promise<number | NodeJS.Signals>;
}

export function startServerProcess(
  env: Record<string, string>,
  options: Pick<SpawnOptions, 'uid' | 'gid'> = {},
): ServerProcess {
  const inherited = { ...process.env };
  // The test's own key and database must not leak into the child.
  delete inherited.CODE_HASH_KEY;
  delete inherited.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/start.ts'], {
    cwd: ROOT,
    env: { ...inherited, SERVE_PWA: '0', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const bounded = <T>(promise: Promise<T>, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${what} took over ${timeoutMs} ms\nstdout: ${out}\nstderr: ${err}`)),
        timeoutMs,
      );
      promise.then(
        (value) => (clearTimeout(timer), resolve(value)),
        (error: unknown) => (clearTimeout(timer), reject(error as Error)),
      );
    });
  return {
    child,
    pid: child.pid!,
    stdout: () => out,
    stderr: () => err,
    running: (timeoutMs = 20_000) =>
      bounded(
        new Promise<string>((resolve, reject) => {
          const check = () => {
            const match = RUNNING.exec(out);
            if (match) resolve(match[1]!);
          };
          child.stdout.on('data', check);
          check();
          void exit.then((code) => reject(new Error(`exited (${code}) before it ran\nstderr: ${err}`)));
        }),
        timeoutMs,
        'the start',
      ),
    exited: (timeoutMs = 20_000) => bounded(exit, timeoutMs, 'the exit'),
  };
}

/** Kills every process still running; for afterEach/afterAll. */
export async function killAll(processes: ServerProcess[]): Promise<void> {
  for (const p of processes.splice(0)) {
    if (p.child.exitCode === null && p.child.signalCode === null) {
      p.child.kill('SIGKILL');
      await p.exited(5_000);
    }
  }
}
