// Owns the connection to the database and the choice between SQLite (one municipality, one
// process, a file in DATA_DIR) and PostgreSQL (many processes on one database). Everything above
// this file sees the same typed Kysely instance and asks `dialect` only where SQL really differs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import pg from 'pg';
import type { DB } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  readonly kysely: Kysely<DB>;
  readonly dialect: DialectName;
  /**
   * Who hears about a PostgreSQL connection that dropped while it sat idle in the pool (a restart,
   * a failover, pg_terminate_backend, a cut network). The pool has already let it go and opens a
   * new one when it needs one; this only tells the log. A later call replaces the listener. SQLite
   * has no connection to lose.
   */
  onConnectionError(listener: (error: Error) => void): void;
  /**
   * PostgreSQL only: the pool's connection settings, for the one connection a process holds
   * outside the pool (the meeting bus's LISTEN, meetings/live/postgres-bus.ts).
   */
  readonly postgresClientConfig?: pg.ClientConfig;
  /** Idempotent: the app's onClose hook and a signal handler may both call it. */
  close(): Promise<void>;
}

function wrap(
  kysely: Kysely<DB>,
  dialect: DialectName,
  onConnectionError: Database['onConnectionError'] = () => undefined,
): Database {
  let closing: Promise<void> | undefined;
  return {
    kysely,
    dialect,
    onConnectionError,
    close: () => (closing ??= kysely.destroy()),
  };
}

/** How long a write waits for another connection's write lock before SQLITE_BUSY (503 DATABASE_BUSY). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Kysely's SQLite driver with two changes at the transaction's edges.
 *
 * Rollback only while a transaction is open. On SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM (and some
 * SQLITE_BUSY) SQLite may already have rolled the whole transaction back by itself; Kysely's
 * ROLLBACK then fails with "cannot rollback - no transaction is active", and that error, not the
 * one that mattered, is what the caller (and the log) got. better-sqlite3's inTransaction says
 * whether there is anything left to roll back.
 *
 * BEGIN IMMEDIATE instead of BEGIN: the write lock is taken at the start, where busy_timeout
 * applies, rather than on the first write, where another process's commit would fail the
 * transaction at once (SQLITE_BUSY_SNAPSHOT) whatever the timeout.
 */
class SqliteTransactionDriver extends SqliteDriver {
  readonly #sqlite: SqliteDatabase.Database;

  constructor(sqlite: SqliteDatabase.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

class SqliteTransactionDialect extends SqliteDialect {
  readonly #sqlite: SqliteDatabase.Database;

  constructor(sqlite: SqliteDatabase.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    return new SqliteTransactionDriver(this.#sqlite);
  }
}

/** SQLite through better-sqlite3. `filename` may be ':memory:'. */
export function openSqlite(filename: string): Database {
  const sqlite = new SqliteDatabase(filename, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    // WAL lets readers run while the ingest transaction writes; busy_timeout makes a write wait
    // for another connection's lock instead of failing at once; SQLite leaves FKs off by default.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
    // Deleted rows are overwritten with zeros, not left in free pages: the release destroys the
    // sealed inbox (src/server/release/), and nothing of it may stay in the file.
    sqlite.pragma('secure_delete = ON');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return wrap(new Kysely<DB>({ dialect: new SqliteTransactionDialect(sqlite) }), 'sqlite');
}

/** What pg_stat_activity shows for the server's connections unless the URL or PGAPPNAME names another. */
export const POSTGRES_APPLICATION_NAME = 'tifaktor';

/**
 * PostgreSQL through a pg Pool: a connection string or full pool options (e.g. a search_path).
 *
 * A connection the database drops (a restart, a failover, pg_terminate_backend, a cut network)
 * must never end the process. pg reports it as an 'error' event, and an 'error' event nobody
 * listens to is thrown: on the pool for a connection idle in it, on the client for one a query or
 * transaction holds. Both get a listener here. A query on the lost connection fails with the error
 * (the error handler answers 503 DATABASE_UNAVAILABLE, see plugins/error-handler.ts), the pool
 * throws the dead client away when it comes back (it is no longer queryable, and Kysely discards
 * a connection whose rollback failed), and the next request gets a fresh connection. Nothing in
 * the server holds a client outside a single query or transaction.
 */
export function openPostgres(config: string | pg.PoolConfig): Database {
  const options = typeof config === 'string' ? { connectionString: config } : config;
  const clientConfig = { fallback_application_name: POSTGRES_APPLICATION_NAME, ...options };
  const pool = new pg.Pool(clientConfig);
  let listener = (error: Error) => {
    console.error(`A PostgreSQL connection was lost: ${describe(error)}`);
  };
  pool.on('error', (error) => listener(error));
  // A checked-out client's error also rejects its query in flight, or the next one it is given,
  // and that is where the request learns of it: nothing more to do here than not to crash.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const database = wrap(new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), 'postgres', (next) => {
    listener = next;
  });
  // pg.Client reads the connection settings of a PoolConfig and passes over the pool's own.
  return { ...database, postgresClientConfig: clientConfig };
}

/** Code and message only: a database error may carry the values of the row it was writing. */
function describe(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code} ${error.message}` : error.message;
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
