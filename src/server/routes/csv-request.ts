// What every CSV import route shares: the body must be the CSV text itself, and a file with bad
// lines is answered 400 CSV_INVALID listing every one of them (nothing is imported).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CsvInvalidResponse } from '../../shared/api/organisation';
import { ERROR_SPECS } from '../../shared/api/errors';
import { ApiError } from '../api-error';

export function csvBody(request: FastifyRequest): string {
  if (typeof request.body !== 'string') {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the CSV file as the body with Content-Type text/csv');
  }
  return request.body;
}

/**
 * Sends the 400 itself, and the handler then returns nothing: the route's response schema (and so
 * its typed return) is its 200 only, because a 400 schema would also serialize every other 400
 * the error handler writes on that route.
 */
export function csvInvalid(reply: FastifyReply, lines: CsvInvalidResponse['lines']): void {
  const message = `${lines.length} ${lines.length === 1 ? 'line is' : 'lines are'} wrong; nothing was imported`;
  const body: CsvInvalidResponse = { error: { code: 'CSV_INVALID', message }, lines };
  void reply.code(ERROR_SPECS.CSV_INVALID.status).send(body);
}
