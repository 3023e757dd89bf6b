// A database the server cannot write refuses the start with a clear message; before, the server
// reported healthy while every write failed (the migrations had nothing to write, so nothing
// noticed). The check is a real write at start, not a look at file modes. Real `npm start`
// processes. Root may write any file whatever its mode, so as root the file or folder is made
// immutable (chattr +i, which binds root too); anyone else gets files it may not write. (Running
// the server as another user instead fails in a checkout that user may not read, such as a CI
// clone in a private temporary folder.)
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { openSqlite } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { insertMunicipality } from '../../src/server/repositories/organisation';
import { killAll, startServerProcess, type ServerProcess } from './support/server-process';

const AS_ROOT = process.getuid?.() === 0;

/** chattr +i / -i: what even root may not write. Throws when the file system cannot do it. */
function setImmutable(path: string, on: boolean): void {
  const run = spawnSync('chattr', [on ? '+i' : '-i', path], { encoding: 'utf8' });
  if (run.status !== 0)
    throw new Error(`chattr ${on ? '+i' : '-i'} ${path} failed: ${run.stderr || run.error}`);
}

// The two starts run side by side: each one is a whole process start.
describe.concurrent('a database the server may not write', () => {
  const dirs: string[] = [];
  const immutable: string[] = [];
  const started: ServerProcess[] = [];
  /** The path becomes read-only for the server: by its mode, or for root by chattr +i. */
  const readOnly = (path: string, mode: number) => {
    if (!AS_ROOT) return chmodSync(path, mode);
    setImmutable(path, true);
    immutable.push(path);
  };

  /** A migrated database with a municipality, in a fresh DATA_DIR. */
  const prepared = async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tifaktor-readonly-'));
    dirs.push(dataDir);
    const db = openSqlite(join(dataDir, 'tifaktor.sqlite'));
    await migrateToLatest(db);
    await insertMunicipality(db.kysely, { id: 'm1', name: 'Testkommune', number: '0001', language: 'nb' });
    await db.close();
    chmodSync(dataDir, 0o755);
    return dataDir;
  };
  const start = (dataDir: string) => {
    const p = startServerProcess({ DATA_DIR: dataDir });
    started.push(p);
    return p;
  };

  afterAll(async () => {
    await killAll(started);
    for (const path of immutable) setImmutable(path, false);
    for (const dir of dirs) {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start when the file is read-only, by trying a write, and says what to do', async ({
    expect,
  }) => {
    const dataDir = await prepared();
    const file = join(dataDir, 'tifaktor.sqlite');
    // The folder stays writable for the server (the lock and SQLite's -wal/-shm files go there);
    // only the database file is not.
    readOnly(file, 0o444);
    const server = start(dataDir);
    expect(await server.exited()).toBe(1);
    expect(server.stderr()).toContain(`tifaktor did not start: The database ${file} does not take writes`);
    expect(server.stderr()).toContain('SQLITE_READONLY');
    expect(server.stderr()).toContain('writable for the user running tifaktor');
    expect(server.stdout()).not.toMatch(/is running|has no admin yet/);
  }, 30_000);

  it('refuses to start when DATA_DIR is read-only, and says so', async ({ expect }) => {
    const dataDir = await prepared();
    readOnly(dataDir, 0o555);
    const server = start(dataDir);
    expect(await server.exited()).toBe(1);
    expect(server.stderr()).toContain('tifaktor did not start: ');
    expect(server.stderr()).toContain('DATA_DIR must be a folder the user running tifaktor may write to');
    expect(server.stdout()).not.toMatch(/is running|has no admin yet/);
  }, 30_000);
});
