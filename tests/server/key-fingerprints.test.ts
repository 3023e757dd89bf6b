// The code key's and the seal key's fingerprints (codes/code-key.ts, release/seal-key.ts) are
// written once and never replaced. Two processes starting at the same moment on an empty database
// with different keys store exactly one fingerprint, and the other is refused without writing its
// key anywhere; a start with another key after codes exist is refused and changes nothing. On
// PostgreSQL the server does not start without CODE_HASH_KEY and SEAL_KEY in the environment, and
// says how to make them. The race is run on both databases through two connections of their own
// (one per "process"), and on PostgreSQL also with two real server processes.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { codeKeyFingerprint, CODE_HASH_KEY_FILE, findCodeHashKey } from '../../src/server/codes/code-hasher';
import { checkCodeHashKey, CODE_KEY_FINGERPRINT } from '../../src/server/codes/code-key';
import type { Database, DialectName } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { StartRefused } from '../../src/server/db/start-refused';
import { sealKeyFingerprint } from '../../src/server/release/seal';
import {
  checkSealKey,
  defaultSealKeyFile,
  findSealKey,
  SEAL_KEY_FINGERPRINT,
} from '../../src/server/release/seal-key';
import { startServer } from '../../src/server/server';
import {
  createTestDatabase,
  describeEachDatabase,
  TEST_DATABASE_URL,
  type TestDatabase,
} from './support/databases';
import { seedFixtures } from './support/fixtures';
import { killAll, startServerProcess, type ServerProcess } from './support/server-process';

const envKey = () => randomBytes(32).toString('hex');

const tempDirs: string[] = [];
function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `tifaktor-fingerprint-${name}-`));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(defaultSealKeyFile(dir), { force: true });
  }
});

async function serverMeta(database: Database) {
  return database.kysely.selectFrom('server_meta').selectAll().orderBy('name').execute();
}

/** Which of two settled checks ran and which was refused; fails unless exactly one of each. */
function oneOfTwo(results: PromiseSettledResult<void>[]): { winner: number; refusal: StartRefused } {
  expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  const winner = results.findIndex((r) => r.status === 'fulfilled');
  const lost = results[1 - winner] as PromiseRejectedResult;
  expect(lost.reason).toBeInstanceOf(StartRefused);
  return { winner, refusal: lost.reason as StartRefused };
}

describeEachDatabase('key fingerprints', (dialect: DialectName) => {
  let testDb: TestDatabase;
  const connections: Database[] = [];
  const connect = () => {
    const database = testDb.connect();
    connections.push(database);
    return database;
  };

  afterEach(async () => {
    for (const database of connections.splice(0)) await database.close();
    await testDb?.dispose();
  });

  /** A fresh, migrated database, and one connection (pool) to it per "process". */
  async function emptyDatabase(processes: number): Promise<Database[]> {
    testDb = await createTestDatabase(dialect);
    const all = Array.from({ length: processes }, connect);
    await migrateToLatest(all[0]!);
    return all;
  }

  it('two processes with different code keys at once on an empty database: one fingerprint, the other refused', async () => {
    const [a, b] = await emptyDatabase(2);
    // Keys of their own, each made in its own DATA_DIR (the case that went wrong on PostgreSQL).
    const dirs = [tempDir('code-a'), tempDir('code-b')];
    const keys = dirs.map((dataDir) => findCodeHashKey({ dataDir }));
    expect(keys.every((k) => k.fresh)).toBe(true);
    const notices: string[] = [];
    const results = await Promise.allSettled([
      checkCodeHashKey(a!.kysely, keys[0]!, (m) => void notices.push(m)),
      checkCodeHashKey(b!.kysely, keys[1]!, (m) => void notices.push(m)),
    ]);
    const { winner, refusal } = oneOfTwo(results);
    expect(refusal.message).toContain('has recorded another key');
    expect(refusal.message).toContain('same CODE_HASH_KEY as every other process');
    expect(refusal.message).not.toContain(keys[1 - winner]!.key.toString('hex'));
    expect(await serverMeta(a!)).toEqual([
      { name: CODE_KEY_FINGERPRINT, value: codeKeyFingerprint(keys[winner]!.key) },
    ]);
    // Only the key the database took is written down.
    expect(dirs.map((dir) => existsSync(join(dir, CODE_HASH_KEY_FILE)))).toEqual(
      dirs.map((_, i) => i === winner),
    );
    expect(notices).toEqual([]);
    // Started again, the loser is refused again; the winner's key goes on.
    await expect(
      checkCodeHashKey(b!.kysely, findCodeHashKey({ dataDir: dirs[1 - winner]! }), () => undefined),
    ).rejects.toThrow(StartRefused);
    await checkCodeHashKey(b!.kysely, findCodeHashKey({ dataDir: dirs[winner]! }), () => undefined);
    expect((await serverMeta(a!)).map((r) => r.value)).toEqual([codeKeyFingerprint(keys[winner]!.key)]);
  });

  it('three processes with three CODE_HASH_KEYs at once: exactly one runs', async () => {
    const all = await emptyDatabase(3);
    const keys = all.map(() => findCodeHashKey({ env: envKey(), dataDir: tempDir('code-env') }));
    const results = await Promise.allSettled(
      all.map((database, i) => checkCodeHashKey(database.kysely, keys[i]!, () => undefined)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect(r.reason).toBeInstanceOf(StartRefused);
      expect((r.reason as Error).message).toContain(
        'The code key in the environment variable CODE_HASH_KEY is not the one this database has recorded',
      );
    }
    expect(await serverMeta(all[0]!)).toEqual([
      { name: CODE_KEY_FINGERPRINT, value: codeKeyFingerprint(keys[winner]!.key) },
    ]);
  });

  it('two processes with different seal keys at once on an empty database: one fingerprint, the other refused', async () => {
    const [a, b] = await emptyDatabase(2);
    const dirs = [tempDir('seal-a'), tempDir('seal-b')];
    const keys = dirs.map((dataDir) => findSealKey({ dataDir }));
    const results = await Promise.allSettled([
      checkSealKey(a!.kysely, keys[0]!),
      checkSealKey(b!.kysely, keys[1]!),
    ]);
    const { winner, refusal } = oneOfTwo(results);
    expect(refusal.message).toContain('has recorded another seal key');
    expect(refusal.message).toContain('same SEAL_KEY (or SEAL_KEY_FILE) as every other process');
    expect(await serverMeta(a!)).toEqual([
      { name: SEAL_KEY_FINGERPRINT, value: sealKeyFingerprint(keys[winner]!.key) },
    ]);
    expect(dirs.map((dir) => existsSync(defaultSealKeyFile(dir)))).toEqual(dirs.map((_, i) => i === winner));
    await checkSealKey(b!.kysely, findSealKey({ dataDir: dirs[winner]! }));
  });

  it('another code key once codes exist, or none at all: refused, and nothing stored changes', async () => {
    const [database] = await emptyDatabase(1);
    await seedFixtures(database!.kysely);
    const codes = async () =>
      (
        await database!.kysely.selectFrom('one_time_codes').select('code_hash').orderBy('code_hash').execute()
      ).map((r) => r.code_hash);
    const codesBefore = await codes();
    expect(codesBefore.length).toBeGreaterThan(0);
    // A database from before fingerprints: its key is taken on trust, and the start says so.
    const notices: string[] = [];
    const first = findCodeHashKey({ env: envKey(), dataDir: tempDir('code-first') });
    await checkCodeHashKey(database!.kysely, first, (m) => void notices.push(m));
    expect(notices).toHaveLength(1);
    const metaBefore = await serverMeta(database!);
    expect(metaBefore).toEqual([{ name: CODE_KEY_FINGERPRINT, value: codeKeyFingerprint(first.key) }]);

    const other = findCodeHashKey({ env: envKey(), dataDir: tempDir('code-other') });
    await expect(checkCodeHashKey(database!.kysely, other, () => undefined)).rejects.toThrow(
      `The code key in the environment variable CODE_HASH_KEY is not the one this database's ${codesBefore.length} one-time codes were made with`,
    );
    const missingDir = tempDir('code-missing');
    await expect(
      checkCodeHashKey(database!.kysely, findCodeHashKey({ dataDir: missingDir }), () => undefined),
    ).rejects.toThrow(/No code key was found: CODE_HASH_KEY is not set/);
    expect(readdirSync(missingDir)).toEqual([]);
    expect(await serverMeta(database!)).toEqual(metaBefore);
    expect(await codes()).toEqual(codesBefore);
    expect(notices).toHaveLength(1);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL without the shared keys', () => {
  const saved = {
    CODE_HASH_KEY: process.env.CODE_HASH_KEY,
    SEAL_KEY: process.env.SEAL_KEY,
    SEAL_KEY_FILE: process.env.SEAL_KEY_FILE,
    LOG_LEVEL: process.env.LOG_LEVEL,
  };
  const schema = `keys_${randomBytes(6).toString('hex')}`;
  let admin: pg.Client;
  let url: string;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const withSchema = new URL(TEST_DATABASE_URL!);
    withSchema.searchParams.set('options', `-c search_path=${schema}`);
    withSchema.searchParams.set('application_name', `tifaktor-${schema}`);
    url = withSchema.toString();
    process.env.LOG_LEVEL = 'silent';
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    for (const name of ['CODE_HASH_KEY', 'SEAL_KEY', 'SEAL_KEY_FILE'] as const) delete process.env[name];
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await admin?.query(`drop schema if exists ${schema} cascade`);
    await admin?.end();
  });

  const tables = async () =>
    (
      await admin.query<{ n: string }>(
        'select count(*) as n from information_schema.tables where table_schema = $1',
        [schema],
      )
    ).rows[0]!.n;
  /** Starts on the schema with DATA_DIR `dataDir`; resolves with the refusal, or undefined when it ran. */
  const tryStart = async (dataDir: string): Promise<StartRefused | undefined> => {
    try {
      const server = await startServer({
        databaseUrl: url,
        dataDir,
        port: 0,
        host: '127.0.0.1',
        staticDir: null,
        handleSignals: false,
      });
      await server.close();
      return undefined;
    } catch (error) {
      if (error instanceof StartRefused) return error;
      throw error;
    }
  };

  it('refuses to start, names the settings and how to make them, and touches neither the database nor DATA_DIR', async () => {
    const dataDir = tempDir('pg-none');
    for (const name of ['CODE_HASH_KEY', 'SEAL_KEY', 'SEAL_KEY_FILE'] as const) delete process.env[name];
    const refused = await tryStart(dataDir);
    expect(refused?.message).toContain(
      'On PostgreSQL CODE_HASH_KEY and SEAL_KEY must be set in the environment',
    );
    expect(refused?.message).toContain('openssl rand -hex 32');
    expect(await tables()).toBe('0');
    expect(readdirSync(dataDir)).toEqual([]);
    expect(existsSync(defaultSealKeyFile(dataDir))).toBe(false);

    process.env.CODE_HASH_KEY = envKey();
    const sealOnly = await tryStart(dataDir);
    expect(sealOnly?.message).toContain('On PostgreSQL SEAL_KEY must be set in the environment');
    expect(sealOnly?.message).not.toContain('CODE_HASH_KEY');

    process.env.SEAL_KEY_FILE = join(dataDir, 'no-such.seal-key');
    const noFile = await tryStart(dataDir);
    expect(noFile?.message).toContain(
      `SEAL_KEY_FILE names ${join(dataDir, 'no-such.seal-key')}, which does not exist`,
    );
    expect(await tables()).toBe('0');
  });

  it('starts with both keys in the environment', async () => {
    process.env.CODE_HASH_KEY = envKey();
    process.env.SEAL_KEY = envKey();
    const dataDir = tempDir('pg-both');
    expect(await tryStart(dataDir)).toBeUndefined();
    // Nothing of the keys is written to DATA_DIR or beside it.
    expect(readdirSync(dataDir)).toEqual([]);
    expect(existsSync(defaultSealKeyFile(dataDir))).toBe(false);
  }, 30_000);
});

describe.skipIf(!TEST_DATABASE_URL)('two real server processes at once on an empty PostgreSQL', () => {
  const processes: ServerProcess[] = [];
  const schemas: string[] = [];
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await killAll(processes);
    for (const schema of schemas) await admin?.query(`drop schema if exists ${schema} cascade`);
    await admin?.end();
  });

  async function emptySchema(): Promise<{ schema: string; url: string }> {
    const schema = `keys_${randomBytes(6).toString('hex')}`;
    await admin.query(`create schema ${schema}`);
    schemas.push(schema);
    const url = new URL(TEST_DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    url.searchParams.set('application_name', `tifaktor-${schema}`);
    return { schema, url: url.toString() };
  }
  const start = (env: Record<string, string>) => {
    const p = startServerProcess({ DATA_DIR: tempDir('proc'), ...env });
    processes.push(p);
    return p;
  };
  /** Resolves with 'running' or the exit code, whichever comes first. */
  const outcome = (p: ServerProcess) =>
    p.running(60_000).then(
      () => 'running' as const,
      () => p.exited(5_000),
    );

  it('with different CODE_HASH_KEYs: one runs, the other exits 1 and says which setting', async () => {
    const { schema, url } = await emptySchema();
    const sealKey = envKey();
    const codeKeys = [envKey(), envKey()];
    const pair = codeKeys.map((key) => start({ DATABASE_URL: url, CODE_HASH_KEY: key, SEAL_KEY: sealKey }));
    const outcomes = await Promise.all(pair.map(outcome));
    expect([...outcomes].sort()).toEqual([1, 'running']);
    const winner = outcomes.indexOf('running');
    const loser = pair[1 - winner]!;
    expect(loser.stderr()).toContain('tifaktor did not start:');
    expect(loser.stderr()).toContain('The code key in the environment variable CODE_HASH_KEY is not the one');
    const stored = await admin.query<{ value: string }>(
      `select value from ${schema}.server_meta where name = $1`,
      [CODE_KEY_FINGERPRINT],
    );
    expect(stored.rows.map((r) => r.value)).toEqual([
      codeKeyFingerprint(Buffer.from(codeKeys[winner]!, 'utf8')),
    ]);
    await killAll(processes);
  }, 90_000);

  it('seeds no demo on PostgreSQL unless DEMO_DATA=on, and refuses a DEMO_DATA it does not know', async () => {
    const { schema, url } = await emptySchema();
    const plain = start({ DATABASE_URL: url, CODE_HASH_KEY: envKey(), SEAL_KEY: envKey() });
    expect(await outcome(plain)).toBe('running');
    const count = async (table: string) =>
      Number((await admin.query<{ n: string }>(`select count(*) as n from ${schema}.${table}`)).rows[0]!.n);
    // No demo admin with the README's password on a national database.
    expect(await count('municipalities')).toBe(0);
    expect(await count('users')).toBe(0);
    expect(plain.stdout()).not.toContain('Demo logins');
    await killAll([plain]);
    const wrong = start({ DATABASE_URL: url, CODE_HASH_KEY: envKey(), SEAL_KEY: envKey(), DEMO_DATA: 'yes' });
    expect(await outcome(wrong)).not.toBe('running');
    expect(wrong.stderr()).toContain('DEMO_DATA must be "on" or "off"');
    await killAll([wrong]);
  }, 90_000);

  it('with the same keys: both run, and the demo is seeded once', async () => {
    const { schema, url } = await emptySchema();
    // On PostgreSQL the demo is only seeded when asked for (DEMO_DATA=on).
    const env = { DATABASE_URL: url, CODE_HASH_KEY: envKey(), SEAL_KEY: envKey(), DEMO_DATA: 'on' };
    const pair = [start(env), start(env)];
    expect(await Promise.all(pair.map(outcome))).toEqual(['running', 'running']);
    // The demo's logins are printed by the one start that seeded it, just after "is running".
    await vi.waitUntil(() => pair.some((p) => p.stdout().includes('Demo logins')), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pair.filter((p) => p.stdout().includes('Demo logins'))).toHaveLength(1);
    const count = async (table: string) =>
      Number((await admin.query<{ n: string }>(`select count(*) as n from ${schema}.${table}`)).rows[0]!.n);
    expect(await count('municipalities')).toBe(1);
    // The demo's admin, leader, privacy officer, and the safety rep its follow-up plan names.
    expect(await count('users')).toBe(4);
    expect(await count('rounds')).toBe(3);
    await killAll(processes);
  }, 90_000);
});
