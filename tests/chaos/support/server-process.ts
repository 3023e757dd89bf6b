// The real server as a child process (node --import tsx src/server/server.ts, the module
// src/server/cli/start.ts runs, without start.ts's PWA build: this serves the API only), on a
// fixed loopback port so it can be SIGKILLed and started again on the same database.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { apiPath, RESPONDENT_PATHS } from '../../../src/shared/api/paths';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  port: number;
  /** Starts the child and waits until /health/ready answers 200 (the database takes writes). */
  start(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, requests in flight are cut. */
  kill(): Promise<void>;
  /** A graceful stop (SIGTERM) at the end. */
  stop(): Promise<void>;
  starts: number;
  /** The child's last output lines, for a failure message. */
  output(): string;
}

export async function serverProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  let lines: string[] = [];
  const state = { starts: 0 };

  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => c.once('exit', () => resolve()));

  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 60) lines = lines.slice(-60);
  };

  async function start(): Promise<void> {
    const c = spawn(process.execPath, ['--import', 'tsx', 'src/server/server.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...env,
        HOST: '127.0.0.1',
        PORT: String(port),
        SERVE_PWA: '0',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = c;
    state.starts += 1;
    c.stdout?.on('data', keep);
    c.stderr?.on('data', keep);
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (c.exitCode !== null) throw new Error(`The server exited with ${c.exitCode}:\n${lines.join('\n')}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}${apiPath(RESPONDENT_PATHS.ready)}`, {
          signal: AbortSignal.timeout(2_000),
        });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`The server did not become healthy in 120 s:\n${lines.join('\n')}`);
  }

  async function kill(): Promise<void> {
    const c = child;
    if (!c) return;
    c.kill('SIGKILL');
    await exited(c);
    child = undefined;
  }

  async function stop(): Promise<void> {
    const c = child;
    if (!c) return;
    c.kill('SIGTERM');
    const timer = setTimeout(() => c.kill('SIGKILL'), 10_000);
    await exited(c);
    clearTimeout(timer);
    child = undefined;
  }

  return {
    port,
    start,
    kill,
    stop,
    get starts() {
      return state.starts;
    },
    output: () => lines.join('\n'),
  };
}
