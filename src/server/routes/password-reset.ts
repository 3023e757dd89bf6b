// The public end of the one-time password link an admin makes (../auth/password-reset.ts): is the
// link good, and set the new password through it. Public, as the first-admin setup link is: the
// person is signed out (making the link ended their sessions), and the token is the credential.
// After it the person signs in with the new password.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  PasswordResetRequestSchema,
  PasswordResetStatusSchema,
  PasswordResetTokenParamsSchema,
  type PasswordResetStatus,
} from '../../shared/api/audit';
import { STAFF_PATHS } from '../../shared/api/paths';
import { checkPasswordReset, completePasswordReset } from '../auth/password-reset';
import type { Database } from '../db/database';

export const passwordResetRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = (
  app,
  { database, now },
) => {
  const db = database.kysely;

  app.get(
    STAFF_PATHS.passwordResetStatus,
    {
      config: { access: { allow: 'public' } },
      schema: { params: PasswordResetTokenParamsSchema, response: { 200: PasswordResetStatusSchema } },
    },
    async (request, reply): Promise<PasswordResetStatus> => {
      void reply.header('cache-control', 'no-store');
      return checkPasswordReset(db, request.params.token, now());
    },
  );

  app.post(
    STAFF_PATHS.passwordReset,
    { config: { access: { allow: 'public' } }, schema: { body: PasswordResetRequestSchema } },
    async (request, reply) => {
      await completePasswordReset(db, request.body, now());
      return reply.code(204).send();
    },
  );
  return Promise.resolve();
};
