// Owns the connection to the database and the choice between SQLite (one municipality, one
// process, a file in DATA_DIR) and PostgreSQL (many processes on one database). Everything above
// this file sees the same typed Kysely instance and asks `dialect` only where SQL really differs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  readonly kysely: Kysely<DB>;
  readonly dialect: DialectName;
  /** Idempotent: the app's onClose hook and a signal handler may both call it. */
  close(): Promise<void>;
}

function wrap(kysely: Kysely<DB>, dialect: DialectName): Database {
  let closing: Promise<void> | undefined;
  return {
    kysely,
    dialect,
    close: () => (closing ??= kysely.destroy()),
  };
}

/** SQLite through better-sqlite3. `filename` may be ':memory:'. */
export function openSqlite(filename: string): Database {
  const sqlite = new SqliteDatabase(filename);
  // WAL lets readers run while the ingest transaction writes; busy_timeout makes a second
  // process wait for the write lock instead of failing at once; SQLite leaves FKs off by default.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return wrap(new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) }), 'sqlite');
}

/** PostgreSQL through a pg Pool: a connection string or full pool options (e.g. a search_path). */
export function openPostgres(config: string | pg.PoolConfig): Database {
  const pool = new pg.Pool(typeof config === 'string' ? { connectionString: config } : config);
  return wrap(new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

/** PostgreSQL when databaseUrl is a postgres:// URL, otherwise SQLite in dataDir (created if missing). */
export function openDatabase(options: { databaseUrl?: string; dataDir: string }): Database {
  if (isPostgresUrl(options.databaseUrl)) return openPostgres(options.databaseUrl);
  // A DATABASE_URL we cannot use must stop the start, not quietly fall back to a local file.
  if (options.databaseUrl) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  mkdirSync(options.dataDir, { recursive: true });
  return openSqlite(join(options.dataDir, 'tifaktor.sqlite'));
}
