// An error a route throws on purpose: it carries the wire code, and its message is safe to show to
// the client. The HTTP status is never chosen here or at the throw: it comes from ERROR_SPECS, the
// one table from code to status, so one code cannot answer with two statuses. Anything else that
// is thrown is treated as a 500.
import { ERROR_SPECS, type ErrorCode } from '../shared/api/errors';

export class ApiError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_SPECS[code].message,
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = ERROR_SPECS[code].status;
  }
}

export function notFound(message: string): ApiError {
  return new ApiError('NOT_FOUND', message);
}
