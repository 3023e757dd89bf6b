// Liveness that includes the database: a load balancer should not send answers to a process that
// cannot store them.
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { HealthResponseSchema } from '../../shared/api/respondent';
import type { Database } from '../db/database';

export const healthRoutes: FastifyPluginAsync<{ database: Database }> = (app, { database }) => {
  app.get(
    '/health',
    { config: { access: { allow: 'public' } }, schema: { response: { 200: HealthResponseSchema } } },
    async () => {
      await sql`select 1`.execute(database.kysely);
      return { status: 'ok' as const, database: database.dialect };
    },
  );
  return Promise.resolve();
};
