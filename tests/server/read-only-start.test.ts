// A database the server cannot write refuses the start with a clear message; before, the server
// reported healthy while every write failed (the migrations had nothing to write, so nothing
// noticed). The check is a real write at start, not a look at file modes. Real `npm start`
// processes. Root may write any file, so as root the server runs as the user nobody (65534);
// anyone else gets files it may not write.
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { openSqlite } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { insertMunicipality } from '../../src/server/repositories/organisation';
import { killAll, startServerProcess, type ServerProcess } from './support/server-process';

const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

// The two starts run side by side: each one is a whole process start.
describe.concurrent('a database the server may not write', () => {
  const dirs: string[] = [];
  const started: ServerProcess[] = [];

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
  /** The server as a user that may read DATA_DIR, and write only what the test lets it. */
  const start = (dataDir: string) => {
    const p = startServerProcess({ DATA_DIR: dataDir }, AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {});
    started.push(p);
    return p;
  };

  afterAll(async () => {
    await killAll(started);
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
    if (AS_ROOT) chownSync(dataDir, NOBODY, NOBODY);
    chmodSync(file, 0o444);
    const server = start(dataDir);
    expect(await server.exited()).toBe(1);
    expect(server.stderr()).toContain(`tifaktor did not start: The database ${file} does not take writes`);
    expect(server.stderr()).toContain('SQLITE_READONLY');
    expect(server.stderr()).toContain('writable for the user running tifaktor');
    expect(server.stdout()).not.toMatch(/is running|has no admin yet/);
  }, 30_000);

  it('refuses to start when DATA_DIR is read-only, and says so', async ({ expect }) => {
    const dataDir = await prepared();
    if (!AS_ROOT) chmodSync(dataDir, 0o555);
    const server = start(dataDir);
    expect(await server.exited()).toBe(1);
    expect(server.stderr()).toContain('tifaktor did not start: ');
    expect(server.stderr()).toContain('DATA_DIR must be a folder the user running tifaktor may write to');
    expect(server.stdout()).not.toMatch(/is running|has no admin yet/);
  }, 30_000);
});
