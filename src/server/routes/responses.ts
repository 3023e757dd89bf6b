// The ingest endpoint. The envelope is checked before Fastify's schema so that a device from the
// future gets UNSUPPORTED_FORMAT_VERSION and an oversized batch BATCH_TOO_LARGE, not a generic
// schema failure. This route logs nothing per request (see ../logger.ts).
// Public: an answer gets in with its one-time code, or from an enrolled kiosk of an open-kiosk
// unit (Authorization: Kiosk …; an unknown credential is 401 KIOSK_UNKNOWN for the whole batch).
// Guessing codes is limited (../codes/code-attempts.ts): when a batch's coded answers may not be
// looked at now, each of them is answered `rejected` RATE_LIMITED (with Retry-After on the reply),
// good code or bad, which the device keeps and sends again later (a transient code on the device,
// src/app/offline/reasons.ts); the answers without a code are stored as usual, and the rest of the
// device's outbox keeps flowing.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RESPONDENT_PATHS } from '../../shared/api/paths';
import {
  IngestRequestSchema,
  IngestResponseSchema,
  MAX_BATCH_SIZE,
  SYNC_FORMAT_VERSION,
  type IngestItemResult,
  type IngestResponse,
} from '../../shared/api/respondent';
import { ERROR_SPECS } from '../../shared/api/errors';
import { osloDate } from '../../shared/dates';
import { ApiError } from '../api-error';
import type { Database } from '../db/database';
import { codeAttempts } from '../codes/code-attempts';
import type { CodeHasher } from '../codes/code-hasher';
import { ingestBatch } from '../ingest/ingest-batch';
import { echoId } from '../ingest/parse-item';
import { optionalKiosk } from '../kiosks/kiosk-auth';
import { keepSyncPending } from '../kiosks/sync-report';

function envelopeError(body: unknown): ApiError | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { formatVersion, responses } = body as { formatVersion?: unknown; responses?: unknown };
  if (formatVersion !== undefined && formatVersion !== SYNC_FORMAT_VERSION) {
    return new ApiError(
      'UNSUPPORTED_FORMAT_VERSION',
      `This server reads formatVersion ${SYNC_FORMAT_VERSION}`,
    );
  }
  if (Array.isArray(responses) && responses.length > MAX_BATCH_SIZE) {
    return new ApiError('BATCH_TOO_LARGE', `Send at most ${MAX_BATCH_SIZE} responses per batch`);
  }
  return undefined;
}

function checkEnvelope(request: FastifyRequest): Promise<void> {
  const error = envelopeError(request.body);
  return error ? Promise.reject(error) : Promise.resolve();
}

/**
 * The 400 is sent here and the handler returns nothing: the route's response schema (and so its
 * typed reply) is keyed 200 only, since a 400 schema would also serialize the error handler's
 * other 400s on this route (MALFORMED_REQUEST …).
 */
function sendPartiallyRejected(reply: FastifyReply, body: IngestResponse): void {
  void reply.code(ERROR_SPECS.BATCH_PARTIALLY_REJECTED.status).send(body);
}

function hasCode(item: unknown): boolean {
  return typeof item === 'object' && item !== null && 'code' in item;
}

/** A coded answer that may not be looked at now: the same for a good code and a bad one. */
function heldBack(item: unknown): IngestItemResult {
  return {
    id: echoId(item),
    status: 'rejected',
    code: 'RATE_LIMITED',
    message: 'Too many unknown codes from here or for this round; kept on the device and sent again later',
  };
}

export const responseRoutes: FastifyPluginAsyncTypebox<{
  database: Database;
  now: () => Date;
  hasher: CodeHasher;
  sealKey: Uint8Array;
}> = (app, { database, now, hasher, sealKey }) => {
  const attempts = codeAttempts(database.kysely, hasher, now);
  app.post(
    RESPONDENT_PATHS.responses,
    {
      // Respondents have no account; what ties an answer to a code or kiosk is the ingest's business.
      // Items are checked for unstorable text one by one (ingest/parse-item.ts), like their shape.
      config: { access: { allow: 'public' }, textCheckedByRoute: 'body' },
      schema: { body: IngestRequestSchema, response: { 200: IngestResponseSchema } },
      preValidation: checkEnvelope,
      logLevel: 'warn',
    },
    async (request, reply): Promise<IngestResponse | undefined> => {
      const kiosk = await optionalKiosk(database.kysely, request);
      const { responses, deviceToday } = request.body;
      const options = {
        today: osloDate(now()),
        ...(deviceToday !== undefined && { deviceToday }),
        hasher,
        ...(kiosk && { kiosk }),
        sealKey,
      };
      const gate = await attempts.gateBatch(request.ip, responses);
      let results: IngestItemResult[];
      if (gate.limited) {
        void reply.header('retry-after', String(gate.retryAfterSeconds));
        const uncoded = responses.filter((item) => !hasCode(item));
        const stored = uncoded.length > 0 ? (await ingestBatch(database, uncoded, options)).results : [];
        let next = 0;
        results = responses.map((item) => (hasCode(item) ? heldBack(item) : stored[next++]!));
      } else {
        results = (await ingestBatch(database, responses, options)).results;
        await gate.settle(results);
      }
      await keepSyncPending(database.kysely, kiosk, request.body.pending, request.log);
      const rejected = results.filter((r) => r.status === 'rejected').length;
      if (rejected === 0) return { results };
      const message = `${rejected} of ${results.length} responses were rejected; the others were stored`;
      sendPartiallyRejected(reply, { error: { code: 'BATCH_PARTIALLY_REJECTED', message }, results });
      return undefined;
    },
  );
  return Promise.resolve();
};
