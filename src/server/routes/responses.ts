// The ingest endpoint. The envelope is checked before Fastify's schema so that a device from the
// future gets UNSUPPORTED_FORMAT_VERSION and an oversized batch BATCH_TOO_LARGE, not a generic
// schema failure. This route logs nothing per request (see ../logger.ts).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  IngestRequestSchema,
  IngestResponseSchema,
  MAX_BATCH_SIZE,
  SYNC_FORMAT_VERSION,
  type IngestRequest,
  type IngestResponse,
} from '../../shared/api/schemas';
import { osloDate } from '../../shared/dates';
import { ApiError } from '../api-error';
import type { Database } from '../db/database';
import { ingestBatch } from '../ingest/ingest-batch';

function envelopeError(body: unknown): ApiError | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { formatVersion, responses } = body as { formatVersion?: unknown; responses?: unknown };
  if (formatVersion !== undefined && formatVersion !== SYNC_FORMAT_VERSION) {
    return new ApiError(
      400,
      'UNSUPPORTED_FORMAT_VERSION',
      `This server reads formatVersion ${SYNC_FORMAT_VERSION}`,
    );
  }
  if (Array.isArray(responses) && responses.length > MAX_BATCH_SIZE) {
    return new ApiError(400, 'BATCH_TOO_LARGE', `Send at most ${MAX_BATCH_SIZE} responses per batch`);
  }
  return undefined;
}

function checkEnvelope(request: FastifyRequest): Promise<void> {
  const error = envelopeError(request.body);
  return error ? Promise.reject(error) : Promise.resolve();
}

export const responseRoutes: FastifyPluginAsync<{ database: Database; now: () => Date }> = (
  app,
  { database, now },
) => {
  app.post<{ Body: IngestRequest }>(
    '/responses',
    {
      schema: { body: IngestRequestSchema, response: { 200: IngestResponseSchema } },
      preValidation: checkEnvelope,
      logLevel: 'warn',
    },
    async (request, reply): Promise<IngestResponse> => {
      const results = await ingestBatch(database, request.body.responses, osloDate(now()));
      const rejected = results.filter((r) => r.status === 'rejected').length;
      if (rejected === 0) return { results };
      const message = `${rejected} of ${results.length} responses were rejected; the others were stored`;
      reply.code(400);
      return { error: { code: 'BATCH_PARTIALLY_REJECTED', message }, results };
    },
  );
  return Promise.resolve();
};
