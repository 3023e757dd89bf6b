// One server process per DATA_DIR with SQLite. Two processes on one SQLite file fight over its
// write lock (measured: 221 of 320 batches failed with SQLITE_BUSY) and each thinks it is the only
// one (both print a setup link). The second one must not start.
//
// The lock is an operating-system lock, so it goes with the process however the process ends
// (SIGKILL and power cuts included) and a restart needs no clean-up: SQLite's own exclusive lock
// on a small file of its own, DATA_DIR/tifaktor.lock (fcntl on Unix, LockFileEx on Windows), held
// for as long as the process runs. Who holds it is written beside it, in DATA_DIR/tifaktor.pid,
// only so the refusal can name the other process; the lock never depends on that file.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { describeCause, StartRefused } from './start-refused';

export const LOCK_FILE = 'tifaktor.lock';
export const OWNER_FILE = 'tifaktor.pid';

export interface InstanceLock {
  /** Lets the next process start; idempotent. The OS does the same when the process ends. */
  release(): void;
}

/** Takes DATA_DIR for this process, or throws StartRefused naming the process that has it. */
export function lockDataDir(dataDir: string): InstanceLock {
  const lockFile = join(dataDir, LOCK_FILE);
  const ownerFile = join(dataDir, OWNER_FILE);
  let lock: SqliteDatabase.Database | undefined;
  try {
    lock = new SqliteDatabase(lockFile, { timeout: 0 });
    // EXCLUSIVE keeps the lock after the first transaction; BEGIN EXCLUSIVE takes it now, and the
    // transaction stays open until release().
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('begin exclusive');
  } catch (error) {
    lock?.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) {
      throw new StartRefused(
        `Another tifaktor server (${describeOwner(ownerFile)}) is already running on DATA_DIR=${dataDir}. ` +
          'Only one server may use a SQLite database: stop that one first, or give this one another DATA_DIR.',
        { cause: error },
      );
    }
    throw new StartRefused(
      `Cannot take the lock ${lockFile} (${describeCause(error)}). ` +
        'DATA_DIR must be a folder the user running tifaktor may write to.',
      { cause: error },
    );
  }
  writeFileSync(ownerFile, `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      rmSync(ownerFile, { force: true });
      lock.close();
    },
  };
}

function describeOwner(ownerFile: string): string {
  try {
    const { pid, host } = JSON.parse(readFileSync(ownerFile, 'utf8')) as { pid?: unknown; host?: unknown };
    if (typeof pid === 'number')
      return typeof host === 'string' ? `process ${pid} on ${host}` : `process ${pid}`;
  } catch {
    // Not written yet (it starts this very moment) or unreadable: the lock alone is the proof.
  }
  return 'process unknown';
}
