// Liveness that includes the database: a load balancer should not send answers to a process that
// cannot store them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RESPONDENT_PATHS } from '../../shared/api/paths';
import { sql } from 'kysely';
import { HealthResponseSchema } from '../../shared/api/respondent';
import type { Database } from '../db/database';

export const healthRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = (app, { database }) => {
  app.get(
    RESPONDENT_PATHS.health,
    { config: { access: { allow: 'public' } }, schema: { response: { 200: HealthResponseSchema } } },
    async () => {
      await sql`select 1`.execute(database.kysely);
      return { status: 'ok' as const, database: database.dialect };
    },
  );
  return Promise.resolve();
};
