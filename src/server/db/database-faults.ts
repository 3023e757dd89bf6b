// Which database faults the client is told about with 503 and a code of their own, so it sends
// again later instead of treating the request as broken. Everything else stays 500
// INTERNAL_ERROR: a bug stays a bug. The error itself always goes to the log.
import { isConnectionLoss } from './connection-loss';

export type DatabaseFault = 'DATABASE_FULL' | 'DATABASE_BUSY' | 'DATABASE_UNAVAILABLE';

/**
 * PostgreSQL: 53100 disk_full (class 53, insufficient resources) and 55P03 lock_not_available
 * (a lock_timeout ran out). SQLite (better-sqlite3's SqliteError codes, extended codes included):
 * SQLITE_FULL, SQLITE_BUSY (busy_timeout ran out, or SQLITE_BUSY_SNAPSHOT) and SQLITE_LOCKED.
 */
const FULL = new Set(['53100', 'SQLITE_FULL']);
const BUSY = new Set(['55P03']);

/**
 * SQLite faults of the file or the disk under it, not of the request: the file became read-only
 * (or its folder, for the WAL files), cannot be opened, or the disk failed. The server refuses to
 * start on a database it cannot write; this is for one that stops taking writes while it runs.
 */
const UNAVAILABLE_PREFIXES = ['SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_PERM'];

/** The 503 code for `error` when it is a database fault a later try may get past, else undefined. */
export function databaseFault(error: unknown): DatabaseFault | undefined {
  if (isConnectionLoss(error)) return 'DATABASE_UNAVAILABLE';
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  if (FULL.has(code)) return 'DATABASE_FULL';
  if (BUSY.has(code) || /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code)) return 'DATABASE_BUSY';
  if (UNAVAILABLE_PREFIXES.some((prefix) => code === prefix || code.startsWith(`${prefix}_`))) {
    return 'DATABASE_UNAVAILABLE';
  }
  return undefined;
}
