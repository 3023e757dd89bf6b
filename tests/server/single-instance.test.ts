// One server per SQLite DATA_DIR. Two processes on one file used to both run (221 of 320 batches
// got SQLITE_BUSY, both printed how to sign in); now the second refuses to start and names the
// first. The lock is the operating system's, so a SIGKILLed server's successor starts without
// any clean-up. Real `npm start` processes on a temporary DATA_DIR.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { insertMunicipality } from '../../src/server/repositories/organisation';
import { killAll, startServerProcess, type ServerProcess } from './support/server-process';

describe('a second server on the same DATA_DIR', () => {
  let dataDir: string;
  const started: ServerProcess[] = [];
  const start = () => {
    const p = startServerProcess({ DATA_DIR: dataDir });
    started.push(p);
    return p;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tifaktor-single-'));
    // A municipality without an admin (no demo to seed, which would only slow the start): each
    // server that runs prints a setup link, as both did before the lock.
    const db = openSqlite(join(dataDir, 'tifaktor.sqlite'));
    await migrateToLatest(db);
    await insertMunicipality(db.kysely, { id: 'm1', name: 'Testkommune', number: '0001', language: 'nb' });
    await db.close();
  });
  afterEach(() => killAll(started));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start, names the running one, and leaves it serving; after a SIGKILL the next one starts', async () => {
    const first = start();
    const url = await first.running();

    const second = start();
    expect(await second.exited()).toBe(1);
    expect(second.stderr()).toContain(`Another tifaktor server (process ${first.pid} on `);
    expect(second.stderr()).toContain(`is already running on DATA_DIR=${dataDir}`);
    // It said nothing about signing in or where it runs: it never ran.
    expect(second.stdout()).not.toMatch(/is running|has no admin yet|oppsett/);

    const ready = await fetch(`${url}/api/v1/health/ready`);
    expect(ready.status).toBe(200);

    first.child.kill('SIGKILL');
    expect(await first.exited()).toBe('SIGKILL');
    const third = start();
    const thirdUrl = await third.running();
    expect((await fetch(`${thirdUrl}/api/v1/health/ready`)).status).toBe(200);
    third.child.kill('SIGTERM');
    expect(await third.exited()).toBe(0);
  }, 60_000);
});
