// An error a route throws on purpose: it carries the wire code and the HTTP status, and its
// message is safe to show to the client. Anything else that is thrown is treated as a 500.
import type { ErrorCode } from '../shared/api/errors';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function notFound(message: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', message);
}
