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

export function csvInvalid(reply: FastifyReply, lines: CsvInvalidResponse['lines']): CsvInvalidResponse {
  reply.code(ERROR_SPECS.CSV_INVALID.status);
  const message = `${lines.length} ${lines.length === 1 ? 'line is' : 'lines are'} wrong; nothing was imported`;
  return { error: { code: 'CSV_INVALID', message }, lines };
}
