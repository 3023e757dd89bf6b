// Which thrown errors the error handler answers 503 DATABASE_UNAVAILABLE (a lost or unreachable
// database: the client sends again, the pool reconnects) and which stay 500 INTERNAL_ERROR (a
// bug). Either way the body says nothing beyond the code and its default message.
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/server/api-error';
import { isConnectionLoss } from '../../src/server/db/connection-loss';
import { loggerOptions } from '../../src/server/logger';
import { registerErrorHandler } from '../../src/server/plugins/error-handler';
import { ERROR_SPECS } from '../../src/shared/api/errors';

/** A PostgreSQL error as pg builds it from the server's ErrorResponse. */
function pgError(code: string, message: string): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  error.severity = 'FATAL';
  error.detail = 'Key (id)=(secret-value) exists.';
  return error;
}

/** A socket error as Node builds it. */
function socketError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
}

const LOST: [string, () => unknown][] = [
  [
    '57P01 admin_shutdown (pg_terminate_backend)',
    () => pgError('57P01', 'terminating connection due to administrator command'),
  ],
  [
    '57P02 crash_shutdown',
    () => pgError('57P02', 'terminating connection because of crash of another server process'),
  ],
  ['57P03 cannot_connect_now', () => pgError('57P03', 'the database system is starting up')],
  ['08006 connection_failure', () => pgError('08006', 'connection failure')],
  ['08001 sqlclient_unable_to_establish_sqlconnection', () => pgError('08001', 'could not connect')],
  ['08P01 protocol_violation', () => pgError('08P01', 'protocol violation')],
  ['53300 too_many_connections', () => pgError('53300', 'sorry, too many clients already')],
  ['ECONNREFUSED', () => socketError('ECONNREFUSED')],
  ['ECONNRESET', () => socketError('ECONNRESET')],
  ['ETIMEDOUT', () => socketError('ETIMEDOUT')],
  ['EPIPE', () => socketError('EPIPE')],
  ['EHOSTUNREACH', () => socketError('EHOSTUNREACH')],
  [
    'an AggregateError of refused addresses',
    () => new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], 'connect failed'),
  ],
  ["pg's socket end", () => new Error('Connection terminated unexpectedly')],
  ["pg's connection timeout", () => new Error('Connection terminated due to connection timeout')],
  [
    "pg's query on a failed client (Kysely's rollback)",
    () => new Error('Client has encountered a connection error and is not queryable'),
  ],
  ["pg's query on an ended client", () => new Error('Client was closed and is not queryable')],
  ["pg-pool's wait for a connection", () => new Error('timeout exceeded when trying to connect')],
];

const BUGS: [string, () => unknown][] = [
  [
    '23505 unique_violation',
    () => pgError('23505', 'duplicate key value violates unique constraint "responses_pkey"'),
  ],
  ['42P01 undefined_table', () => pgError('42P01', 'relation "responses" does not exist')],
  [
    '40P01 deadlock_detected (retried by the ingest, then a failure)',
    () => pgError('40P01', 'deadlock detected'),
  ],
  ['57014 query_canceled', () => pgError('57014', 'canceling statement due to statement timeout')],
  ['a TypeError', () => new TypeError("Cannot read properties of undefined (reading 'id')")],
  ['a pool used after end()', () => new Error('Cannot use a pool after calling end on the pool')],
  ['an error that only mentions a socket code', () => new Error('ECONNREFUSED')],
  ['ENOENT (a file, not the network)', () => socketError('ENOENT')],
  [
    'an AggregateError with one bug in it',
    () => new AggregateError([socketError('ECONNREFUSED'), new TypeError('x')]),
  ],
  ['a string', () => 'Connection terminated unexpectedly'],
  ['XX000 internal_error of the database', () => pgError('XX000', 'could not read block 0')],
];

describe('the error handler on a lost database', () => {
  let app: FastifyInstance;
  let thrown: () => unknown;
  const log: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write: (chunk: Buffer, _enc, done) => done(void log.push(chunk.toString())),
    });
    app = Fastify({ logger: loggerOptions({ level: 'error', stream }) });
    registerErrorHandler(app);
    // Not every case is an Error (a thrown string): that is what those cases test.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    app.get('/fail', () => Promise.reject(thrown()));
    await app.ready();
  });
  afterAll(() => app.close());

  const answer = async (make: () => unknown) => {
    thrown = make;
    const res = await app.inject('/fail');
    return { status: res.statusCode, body: res.json<unknown>() };
  };

  it.each(LOST)('answers %s with 503 DATABASE_UNAVAILABLE and nothing more', async (_, make) => {
    expect(isConnectionLoss(make())).toBe(true);
    expect(await answer(make)).toEqual({
      status: 503,
      body: { error: { code: 'DATABASE_UNAVAILABLE', message: ERROR_SPECS.DATABASE_UNAVAILABLE.message } },
    });
  });

  it.each(BUGS)('keeps %s a 500 INTERNAL_ERROR', async (_, make) => {
    expect(isConnectionLoss(make())).toBe(false);
    expect(await answer(make)).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } },
    });
  });

  it('leaves a thrown ApiError its own code, and logs what a 503 was about without the row', async () => {
    expect(await answer(() => new ApiError('ROUND_LOCKED', 'name is locked'))).toEqual({
      status: 409,
      body: { error: { code: 'ROUND_LOCKED', message: 'name is locked' } },
    });
    log.length = 0;
    await answer(() => pgError('57P01', 'terminating connection due to administrator command'));
    expect(log.join('')).toMatch(/"code":"57P01".*terminating connection due to administrator command/);
    expect(log.join('')).not.toContain('secret-value');
  });
});
