// Signing in and out. Login and the setup link are public (nobody is signed in yet); the rest
// needs a session, with any role. The password checks and their rate limit are ../auth/login.ts
// (the hasher keys the hashed addresses it counts by). Every answer that starts a session sets the
// HttpOnly cookie and returns the CSRF token the PWA echoes on unsafe requests.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  SessionResponseSchema,
  SetupRequestSchema,
  SetupStatusResponseSchema,
  STAFF_ROLES,
  type Account,
  type Me,
  type SessionResponse,
  type SetupStatusResponse,
} from '../../shared/api/staff';
import { ApiError } from '../api-error';
import { sessionCsrfToken, staffOf } from '../auth/authorize';
import { clearSessionCookie, readSessionToken, setSessionCookie } from '../auth/cookie';
import { checkSetupToken, completeSetup } from '../auth/first-admin';
import { authenticate, changePassword, signInSession, type RateLimited } from '../auth/login';
import type { AccessPolicy } from '../auth/policy';
import type { CodeHasher } from '../codes/code-hasher';
import type { Database } from '../db/database';
import { findAccount } from '../repositories/accounts';
import { deleteSession, deleteUserSessions } from '../repositories/sessions';

const SetupTokenParamsSchema = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });

const PUBLIC: AccessPolicy = { allow: 'public' };
const ANY_STAFF: AccessPolicy = { allow: STAFF_ROLES };

const toMe = ({ id, username, displayName, municipalityId, roles }: Account): Me => ({
  id,
  username,
  displayName,
  municipalityId,
  roles,
});

export const authRoutes: FastifyPluginAsyncTypebox<{
  database: Database;
  now: () => Date;
  hasher: CodeHasher;
}> = (app, { database, now, hasher }) => {
  const db = database.kysely;

  /** 429 RATE_LIMITED with Retry-After while this address must wait, whatever the password. */
  function refuseLimited(reply: FastifyReply, limit: RateLimited): never {
    void reply.header('retry-after', String(limit.retryAfterSeconds));
    throw new ApiError('RATE_LIMITED', 'Too many failed attempts from here: wait a while and try again');
  }

  async function signIn(
    request: FastifyRequest,
    reply: FastifyReply,
    account: Account,
  ): Promise<SessionResponse> {
    const session = await signInSession(db, account.id, readSessionToken(request), now());
    setSessionCookie(request, reply, session.token);
    return { user: toMe(account), csrfToken: session.csrfToken };
  }

  app.post(
    STAFF_PATHS.login,
    {
      config: { access: PUBLIC },
      schema: { body: LoginRequestSchema, response: { 200: SessionResponseSchema } },
    },
    async (request, reply) => {
      const result = await authenticate(db, hasher, { ...request.body, clientAddress: request.ip }, now());
      if (result.limited) refuseLimited(reply, result);
      return signIn(request, reply, result.account);
    },
  );

  app.post(STAFF_PATHS.logout, { config: { access: ANY_STAFF } }, async (request, reply) => {
    await deleteSession(db, staffOf(request).sessionId);
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });

  app.post(STAFF_PATHS.logoutAll, { config: { access: ANY_STAFF } }, async (request, reply) => {
    await deleteUserSessions(db, staffOf(request).userId);
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });

  app.get(
    STAFF_PATHS.me,
    { config: { access: ANY_STAFF }, schema: { response: { 200: SessionResponseSchema } } },
    async (request): Promise<SessionResponse> => {
      const account = await findAccount(db, staffOf(request).userId);
      const csrfToken = sessionCsrfToken(request);
      if (!account || csrfToken === undefined) throw new Error('The signed-in account vanished mid-request');
      return { user: toMe(account), csrfToken };
    },
  );

  /** Changing one's own password ends every other session of the account. */
  app.post(
    STAFF_PATHS.password,
    { config: { access: ANY_STAFF }, schema: { body: ChangePasswordRequestSchema } },
    async (request, reply) => {
      const change = { ...request.body, clientAddress: request.ip };
      const result = await changePassword(db, hasher, staffOf(request), change, now());
      if (result.limited) refuseLimited(reply, result);
      return reply.code(204).send();
    },
  );

  app.get(
    STAFF_PATHS.setupStatus,
    {
      config: { access: PUBLIC },
      schema: { params: SetupTokenParamsSchema, response: { 200: SetupStatusResponseSchema } },
    },
    async (request): Promise<SetupStatusResponse> => {
      const { municipalityName } = await checkSetupToken(db, request.params.token, now());
      return { municipalityName };
    },
  );

  app.post(
    STAFF_PATHS.setup,
    {
      config: { access: PUBLIC },
      schema: { body: SetupRequestSchema, response: { 200: SessionResponseSchema } },
    },
    async (request, reply) => signIn(request, reply, await completeSetup(db, request.body, now())),
  );

  return Promise.resolve();
};
