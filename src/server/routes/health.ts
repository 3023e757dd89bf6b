// Liveness and readiness, for a load balancer or an orchestrator.
//
// GET /health (liveness) answers as long as the process does and touches no database: a database
// that is down, full or locked is no reason to restart the process (it recovers by itself when
// the database is back), and a liveness check that failed on it would have it killed in a loop.
//
// GET /health/ready (readiness) proves the database takes writes now, with the same kind of
// transaction an answer is stored in (db/write-probe.ts): 200, or 503 with the fault's code
// (DATABASE_UNAVAILABLE, DATABASE_FULL, DATABASE_BUSY) while it does not. Send answers only to a
// ready process.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RESPONDENT_PATHS } from '../../shared/api/paths';
import { HealthResponseSchema } from '../../shared/api/respondent';
import type { Database } from '../db/database';
import { databaseFault } from '../db/database-faults';
import { probeWrite } from '../db/write-probe';
import { sendError } from '../plugins/error-handler';

export const healthRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = (app, { database }) => {
  const config = { access: { allow: 'public' as const } };
  const schema = { response: { 200: HealthResponseSchema } };

  app.get(RESPONDENT_PATHS.health, { config, schema }, () =>
    Promise.resolve({ status: 'ok' as const, database: database.dialect }),
  );

  app.get(RESPONDENT_PATHS.ready, { config, schema }, async (request, reply) => {
    try {
      await probeWrite(database);
    } catch (error) {
      // Whatever keeps the write from landing makes the process not ready; the log says what.
      request.log.error({ err: error }, 'not ready: the database takes no writes');
      return sendError(reply, databaseFault(error) ?? 'DATABASE_UNAVAILABLE');
    }
    return { status: 'ok' as const, database: database.dialect };
  });
  return Promise.resolve();
};
