// Real server processes for the tests that run two of them on one PostgreSQL database
// (two-processes.test.ts, meetings-two-processes.test.ts): each child is process-server.ts (the
// server of `npm start`, API only) on its own port of 127.0.0.1, with the given environment and
// none of the test process's database or key settings. Every child a test file started is killed
// when that process exits, whatever state the test left it in.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const RUNNING = /is running: open (http:\/\/localhost:\d+)/;

export interface Child {
  name: 'A' | 'B';
  process: ChildProcess;
  url: string;
  output(): string;
}

/** The children started and not yet taken out of the list by the test. */
export const children: Child[] = [];

export const killAll = () => {
  for (const c of children)
    if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
};
process.once('exit', killAll);

export function startChild(name: 'A' | 'B', env: Record<string, string>): Promise<Child> {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.CODE_HASH_KEY;
  delete inherited.SEAL_KEY;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/server/support/process-server.ts'], {
    cwd: ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise<Child>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 40 s:\n${out}`)), 40_000);
    const check = () => {
      const match = RUNNING.exec(out);
      if (!match) return;
      clearTimeout(timer);
      const entry: Child = { name, process: child, url: match[1]!, output: () => out };
      children.push(entry);
      resolve(entry);
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it ran:\n${out}`));
    });
  });
}

export async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
