// Liveness and readiness, for a load balancer or an orchestrator.
//
// GET /health (liveness) answers as long as the process does and touches no database: a database
// that is down, full or locked is no reason to restart the process (it recovers by itself when
// the database is back), and a liveness check that failed on it would have it killed in a loop.
//
// GET /health/ready (readiness) proves the database takes writes now, with the same kind of
// transaction an answer is stored in (db/write-probe.ts): 200, or 503 with the fault's code
// (DATABASE_UNAVAILABLE, DATABASE_FULL, DATABASE_BUSY) while it does not. Send answers only to a
// ready process. On PostgreSQL a standby refuses the write, so only processes on the primary are
// ready. A probe that has not landed within READY_TIMEOUT_MS (a database host that takes the
// connection and never answers) is 503 DATABASE_UNAVAILABLE; checks that come while a probe is
// under way wait for that one instead of each opening a connection of its own.
//
// Both are public (a load balancer has no session) and never cached: Cache-Control: no-store,
// so no cache between ever answers for the process.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RESPONDENT_PATHS } from '../../shared/api/paths';
import { HealthResponseSchema } from '../../shared/api/respondent';
import type { Database } from '../db/database';
import { databaseFault } from '../db/database-faults';
import { probeWrite } from '../db/write-probe';
import { sendError } from '../plugins/error-handler';

/** How long a readiness check waits for its write before it answers 503. */
export const READY_TIMEOUT_MS = 2_000;

class ProbeTimeout extends Error {
  constructor() {
    super(`the readiness write did not land within ${READY_TIMEOUT_MS} ms`);
  }
}

function withTimeout(probe: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout()), READY_TIMEOUT_MS);
  });
  return Promise.race([probe, timeout]).finally(() => clearTimeout(timer));
}

export const healthRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = (app, { database }) => {
  const config = { access: { allow: 'public' as const } };
  const schema = { response: { 200: HealthResponseSchema } };
  // Only the health routes are in this plugin's scope.
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.header('cache-control', 'no-store');
    done();
  });

  let pending: Promise<void> | undefined;
  const probeOnce = () => (pending ??= probeWrite(database).finally(() => (pending = undefined)));

  app.get(RESPONDENT_PATHS.health, { config, schema }, () =>
    Promise.resolve({ status: 'ok' as const, database: database.dialect }),
  );

  app.get(RESPONDENT_PATHS.ready, { config, schema }, async (request, reply) => {
    try {
      await withTimeout(probeOnce());
    } catch (error) {
      // Whatever keeps the write from landing makes the process not ready; the log says what.
      request.log.error({ err: error }, 'not ready: the database takes no writes');
      return sendError(reply, databaseFault(error) ?? 'DATABASE_UNAVAILABLE');
    }
    return { status: 'ok' as const, database: database.dialect };
  });
  return Promise.resolve();
};
