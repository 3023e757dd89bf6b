// Tells a lost or unreachable database apart from everything else that can go wrong in a query.
// The error handler answers the first with 503 DATABASE_UNAVAILABLE (the client sends again, the
// pool reconnects by itself) and keeps 500 INTERNAL_ERROR for the rest: a bug stays a bug.

/**
 * PostgreSQL's SQLSTATEs for a connection that is gone or cannot be had: class 08 (connection
 * exception), 57P01 admin_shutdown (pg_terminate_backend, a fast shutdown), 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up, shutting down, a standby in recovery) and 53300
 * too_many_connections.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Node's socket errors when the server is down, restarting or out of reach. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * pg's own errors, which carry no code: the socket ended ("Connection terminated unexpectedly",
 * "… due to connection timeout"), a query on a client whose connection already failed (Kysely's
 * rollback after the lost query gets this one), and the pool's wait for a connection timing out.
 */
const PG_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^timeout exceeded when trying to connect$/,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

/** True when `error` says the database connection was lost or could not be opened. */
export function isConnectionLoss(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as ErrorLike;
  if (typeof code === 'string' && (code.startsWith('08') || SQLSTATES.has(code) || SOCKET_CODES.has(code))) {
    return true;
  }
  if (typeof code !== 'string' && typeof message === 'string' && PG_MESSAGES.some((m) => m.test(message))) {
    return true;
  }
  // Connecting to a name with several addresses (localhost: ::1 and 127.0.0.1) fails with an
  // AggregateError of one socket error per address.
  return Array.isArray(errors) && errors.length > 0 && errors.every(isConnectionLoss);
}
