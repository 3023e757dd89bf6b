// The one place that turns a thrown error into the wire envelope { error: { code, message } }.
// 4xx messages are written for the client; a 5xx says nothing beyond INTERNAL_ERROR, and the
// details go to the log only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, ErrorCode } from '../../shared/api/errors';
import { ApiError } from '../api-error';

interface Mapped {
  status: number;
  code: ErrorCode;
  message: string;
}

/** Fastify's own 4xx errors, with messages that do not depend on Fastify's wording. */
const FASTIFY_ERRORS: Record<string, Mapped> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'MALFORMED_REQUEST',
    message: 'The body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_REQUEST', message: 'The body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', message: 'The body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'MALFORMED_REQUEST',
    message: 'Send the body as application/json',
  },
};

interface FastifyishError {
  code?: unknown;
  statusCode?: unknown;
  validation?: unknown;
  message?: unknown;
}

function mapError(error: unknown): Mapped {
  if (error instanceof ApiError)
    return { status: error.statusCode, code: error.code, message: error.message };
  const e = (typeof error === 'object' && error !== null ? error : {}) as FastifyishError;
  const known = typeof e.code === 'string' ? FASTIFY_ERRORS[e.code] : undefined;
  if (known) return known;
  const message = typeof e.message === 'string' ? e.message : 'Bad request';
  // Schema validation: Fastify's message names the field and the rule ("body/formatVersion must be integer").
  if (e.validation !== undefined) return { status: 400, code: 'MALFORMED_REQUEST', message };
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status === 404) return { status, code: 'NOT_FOUND', message: 'Not found' };
  if (status >= 400 && status < 500) return { status, code: 'MALFORMED_REQUEST', message };
  return { status: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' };
}

export function sendError(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
): FastifyReply {
  return reply.code(status).send({ error: { code, message } } satisfies ErrorBody);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const mapped = mapError(error);
    if (mapped.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(reply, mapped.status, mapped.code, mapped.message);
  });
}
