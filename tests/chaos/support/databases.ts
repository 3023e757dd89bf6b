// A fresh database for one chaos or fuzz run, usable outside vitest (the `npm run chaos` and
// `npm run fuzz` scripts import it too): SQLite in a temp DATA_DIR, or a fresh PostgreSQL schema
// on TEST_DATABASE_URL that the server child process reaches through its DATABASE_URL (the
// schema goes in as `options=-c search_path=…`, which pg reads from the URL). Dropped afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgres, openSqlite, type Database, type DialectName } from '../../../src/server/db/database';

export interface RunDatabase {
  dialect: DialectName;
  /** What the server child gets: DATA_DIR always, DATABASE_URL on PostgreSQL. */
  env: { DATA_DIR: string; DATABASE_URL?: string };
  /** A connection of the test's own (seeding, counting). */
  connect(): Database;
  dispose(): Promise<void>;
}

export function dialectsToRun(): DialectName[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function createRunDatabase(dialect: DialectName, label: string): Promise<RunDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `tifaktor-${label}-`));
  const removeDir = () => {
    rmSync(dataDir, { recursive: true, force: true });
    // The server's default seal key file, beside DATA_DIR (src/server/release/seal-key.ts).
    rmSync(`${dataDir}.seal-key`, { force: true });
  };
  if (dialect === 'sqlite') {
    return {
      dialect,
      env: { DATA_DIR: dataDir },
      connect: () => openSqlite(join(dataDir, 'tifaktor.sqlite')),
      dispose: () => Promise.resolve(removeDir()),
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `${label}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`create schema ${schema}`);
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  withSchema.searchParams.set('application_name', `tifaktor-${schema}`);
  return {
    dialect,
    env: { DATA_DIR: dataDir, DATABASE_URL: withSchema.toString() },
    connect: () => openPostgres({ connectionString: url, options: `-c search_path=${schema}` }),
    dispose: async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
      removeDir();
    },
  };
}
