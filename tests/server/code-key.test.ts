// A missing or changed code key is never replaced silently: the database keeps a keyed
// fingerprint of the key (never the key), and a start whose key does not match while codes exist
// is refused with a message that says what to restore. Before any code exists another key is
// refused all the same (a process with a key of its own would issue codes no other process knows).
// Real starts of the server (startServer) on a SQLite DATA_DIR; both databases and the race of two
// processes: key-fingerprints.test.ts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CODE_HASH_KEY_FILE } from '../../src/server/codes/code-hasher';
import { openSqlite } from '../../src/server/db/database';
import { StartRefused } from '../../src/server/db/start-refused';
import { startServer } from '../../src/server/server';

describe('the code key against the database', () => {
  let dataDir: string;
  let keyFile: string;
  const saved = { key: process.env.CODE_HASH_KEY, level: process.env.LOG_LEVEL };
  const notices: string[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tifaktor-code-key-'));
    keyFile = join(dataDir, CODE_HASH_KEY_FILE);
    delete process.env.CODE_HASH_KEY;
    process.env.LOG_LEVEL = 'silent';
    // The start prints the demo's codes and logins: keep them out of the test output.
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation((message: string) => void notices.push(message));
  });
  afterEach(() => {
    notices.length = 0;
    delete process.env.CODE_HASH_KEY;
  });
  afterAll(() => {
    vi.restoreAllMocks();
    for (const [name, value] of [
      ['CODE_HASH_KEY', saved.key],
      ['LOG_LEVEL', saved.level],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dataDir, { recursive: true, force: true });
    // The seal key's default file sits beside DATA_DIR, not inside it (release/seal-key.ts).
    rmSync(`${dataDir}.seal-key`, { force: true });
  });

  const start = () =>
    startServer({ dataDir, port: 0, host: '127.0.0.1', staticDir: null, handleSignals: false });
  /** Starts and stops again; resolves with what the start refused, or undefined when it ran. */
  const tryStart = async (): Promise<StartRefused | undefined> => {
    try {
      const server = await start();
      await server.close();
      return undefined;
    } catch (error) {
      if (error instanceof StartRefused) return error;
      throw error;
    }
  };
  const read = async <T>(query: (db: ReturnType<typeof openSqlite>) => Promise<T>): Promise<T> => {
    const db = openSqlite(join(dataDir, 'tifaktor.sqlite'));
    try {
      return await query(db);
    } finally {
      await db.close();
    }
  };
  // The seal key's fingerprint has its own test (sealed-release.test.ts); the scheduler's record of
  // the national release's last run (jobs/run-once.ts) is no key.
  const meta = () =>
    read((db) =>
      db.kysely
        .selectFrom('server_meta')
        .selectAll()
        .where('name', '!=', 'seal_key_fingerprint')
        .where('name', 'not like', 'job-last-run:%')
        .execute(),
    );
  const codeCount = () =>
    read(async (db) => (await db.kysely.selectFrom('one_time_codes').select('code_hash').execute()).length);

  it('stores a fingerprint of the key on the first start, never the key', async () => {
    expect(await tryStart()).toBeUndefined();
    const key = readFileSync(keyFile, 'utf8').trim();
    const rows = await meta();
    expect(rows.map((r) => r.name)).toEqual(['code_key_fingerprint']);
    expect(rows[0]!.value).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.value).not.toContain(key);
    expect(key).not.toContain(rows[0]!.value);
    // The demo issued its codes with this key.
    expect(await codeCount()).toBeGreaterThan(0);
    // The same key starts again, and nothing is said about it.
    expect(await tryStart()).toBeUndefined();
    expect(notices).toEqual([]);
  });

  it('refuses to start when the key file is missing and codes exist, and writes no new key', async () => {
    const key = readFileSync(keyFile, 'utf8');
    const before = await meta();
    rmSync(keyFile);
    try {
      const refused = await tryStart();
      expect(refused?.message).toContain(`${keyFile} does not exist`);
      expect(refused?.message).toContain('backup taken together with this database');
      expect(refused?.message).toContain('will not start');
      expect(existsSync(keyFile)).toBe(false);
      expect(await meta()).toEqual(before);
    } finally {
      writeFileSync(keyFile, key, { mode: 0o600 });
    }
    expect(await tryStart()).toBeUndefined();
  });

  it('refuses to start with another key in the file or in CODE_HASH_KEY, and never prints a key', async () => {
    const key = readFileSync(keyFile, 'utf8');
    const other = randomBytes(32).toString('hex');
    writeFileSync(keyFile, `${other}\n`);
    try {
      const refused = await tryStart();
      expect(refused?.message).toContain(`The code key in the file ${keyFile} is not the one`);
      expect(refused?.message).toContain('backup taken together with this database');
      expect(refused?.message).not.toContain(other);
      expect(refused?.message).not.toContain(key.trim());
    } finally {
      writeFileSync(keyFile, key, { mode: 0o600 });
    }
    const envKey = randomBytes(24).toString('base64');
    process.env.CODE_HASH_KEY = envKey;
    const refused = await tryStart();
    expect(refused?.message).toContain(
      'The code key in the environment variable CODE_HASH_KEY is not the one',
    );
    expect(refused?.message).not.toContain(envKey);
    delete process.env.CODE_HASH_KEY;
    expect(await tryStart()).toBeUndefined();
  });

  it('refuses another key also while no code has been issued, and changes nothing', async () => {
    const before = await meta();
    await read((db) => db.kysely.deleteFrom('one_time_codes').execute());
    const key = readFileSync(keyFile, 'utf8');
    rmSync(keyFile);
    try {
      const refused = await tryStart();
      expect(refused?.message).toContain(`No code key was found: CODE_HASH_KEY is not set and ${keyFile}`);
      expect(refused?.message).toContain('has recorded another key');
      expect(refused?.message).toContain("delete the row 'code_key_fingerprint'");
      expect(existsSync(keyFile)).toBe(false);
      expect(await meta()).toEqual(before);
      expect(notices).toEqual([]);
    } finally {
      writeFileSync(keyFile, key, { mode: 0o600 });
    }
    expect(await tryStart()).toBeUndefined();
    expect(await meta()).toEqual(before);
  });
});
