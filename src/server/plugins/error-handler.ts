// The one place that turns a thrown error into the wire envelope { error: { code, message } }.
// 4xx messages are written for the client; a 5xx says nothing beyond its code (INTERNAL_ERROR, or
// a 503 database fault: DATABASE_UNAVAILABLE when the connection was lost, DATABASE_FULL,
// DATABASE_BUSY; see db/database-faults.ts), and the details go to the log only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, ErrorCode } from '../../shared/api/errors';
import { ApiError } from '../api-error';
import { databaseFault } from '../db/database-faults';

interface Mapped {
  status: number;
  code: ErrorCode;
  message: string;
}

/**
 * Fastify's own 4xx errors, with messages that do not depend on Fastify's wording. Their status
 * comes from the code, like an ApiError's.
 */
const FASTIFY_ERRORS: Record<string, ApiError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: new ApiError('MALFORMED_REQUEST', 'The body is not valid JSON'),
  FST_ERR_CTP_EMPTY_JSON_BODY: new ApiError('MALFORMED_REQUEST', 'The body is empty'),
  FST_ERR_CTP_BODY_TOO_LARGE: new ApiError('BODY_TOO_LARGE', 'The body is too large'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'),
};

const fromApiError = (error: ApiError): Mapped => ({
  status: error.statusCode,
  code: error.code,
  message: error.message,
});

interface FastifyishError {
  code?: unknown;
  statusCode?: unknown;
  validation?: unknown;
  message?: unknown;
}

function mapError(error: unknown): Mapped {
  if (error instanceof ApiError) return fromApiError(error);
  // A lost connection, a full disk, a lock held too long: nothing was stored, and the request may
  // be sent again (the pool reconnects; SQLite has rolled the transaction back).
  const fault = databaseFault(error);
  if (fault !== undefined) return fromApiError(new ApiError(fault));
  const e = (typeof error === 'object' && error !== null ? error : {}) as FastifyishError;
  const known = typeof e.code === 'string' ? FASTIFY_ERRORS[e.code] : undefined;
  if (known) return fromApiError(known);
  const message = typeof e.message === 'string' ? e.message : 'Bad request';
  // Schema validation: Fastify's message names the field and the rule ("body/formatVersion must be integer").
  if (e.validation !== undefined) return fromApiError(new ApiError('MALFORMED_REQUEST', message));
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status === 404) return fromApiError(new ApiError('NOT_FOUND'));
  // Some other client error of Fastify's (405, 406 …): its own status is the truest answer.
  if (status >= 400 && status < 500) return { status, code: 'MALFORMED_REQUEST', message };
  return fromApiError(new ApiError('INTERNAL_ERROR'));
}

function send(reply: FastifyReply, { status, code, message }: Mapped): FastifyReply {
  return reply.code(status).send({ error: { code, message } } satisfies ErrorBody);
}

/** Answers with the envelope directly (where nothing is thrown), the status taken from the code. */
export function sendError(reply: FastifyReply, code: ErrorCode, message?: string): FastifyReply {
  return send(reply, fromApiError(new ApiError(code, message)));
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const mapped = mapError(error);
    if (mapped.status >= 500) request.log.error({ err: error }, 'request failed');
    return send(reply, mapped);
  });
}
