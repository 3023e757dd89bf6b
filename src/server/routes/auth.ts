// Signing in and out. Login and the setup link are public (nobody is signed in yet); the rest
// needs a session, with any role. Every answer that starts a session sets the HttpOnly cookie and
// returns the CSRF token the PWA echoes on unsafe requests.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  normalizeUsername,
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
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password';
import type { AccessPolicy } from '../auth/policy';
import { beginLoginAttempt, loginSucceeded } from '../auth/rate-limit';
import { startSession } from '../auth/session';
import { sha256Hex } from '../auth/tokens';
import type { Database } from '../db/database';
import {
  findAccount,
  findLoginCandidates,
  findPasswordHash,
  updatePasswordHash,
} from '../repositories/accounts';
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

export const authRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = (
  app,
  { database, now },
) => {
  const db = database.kysely;

  /**
   * Rate-limited password check, with the same scrypt work and the same answer whether or not the
   * account exists (storedHash undefined). 429 RATE_LIMITED while over a limit, whatever the password.
   */
  async function checkPassword(
    request: FastifyRequest,
    reply: FastifyReply,
    attempt: { username: string; password: string; storedHash: string | undefined },
  ): Promise<boolean> {
    const gate = await beginLoginAttempt(
      db,
      { username: attempt.username, clientAddress: request.ip },
      now(),
    );
    if (gate.limited) {
      void reply.header('retry-after', String(gate.retryAfterSeconds));
      throw new ApiError('RATE_LIMITED', 'Too many failed attempts: wait a while and try again');
    }
    const hash = attempt.storedHash ?? (await dummyPasswordHash());
    const ok = (await verifyPassword(attempt.password, hash)) && attempt.storedHash !== undefined;
    if (ok) await loginSucceeded(db, gate);
    return ok;
  }

  async function signIn(
    request: FastifyRequest,
    reply: FastifyReply,
    account: Account,
  ): Promise<SessionResponse> {
    // A cookie from an earlier sign-in in this browser is replaced, so its session goes too.
    const previous = readSessionToken(request);
    if (previous !== undefined) await deleteSession(db, sha256Hex(previous));
    const session = await startSession(db, account.id, now());
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
      const username = normalizeUsername(request.body.username);
      const candidates = await findLoginCandidates(db, username, request.body.municipalityId);
      const found = candidates.length === 1 ? candidates[0] : undefined;
      const attempt = { username, password: request.body.password, storedHash: found?.password_hash };
      if (!(await checkPassword(request, reply, attempt)) || !found) {
        throw new ApiError('INVALID_CREDENTIALS', 'Wrong username or password');
      }
      const account = await findAccount(db, found.id);
      if (!account || account.roles.length === 0) {
        throw new ApiError('FORBIDDEN_ROLE', 'This account has no roles: ask an admin');
      }
      return signIn(request, reply, account);
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
      const staff = staffOf(request);
      const account = await findAccount(db, staff.userId);
      const storedHash = await findPasswordHash(db, staff.userId);
      if (!account || storedHash === undefined) throw new Error('The signed-in account vanished mid-request');
      const attempt = { username: account.username, password: request.body.currentPassword, storedHash };
      if (!(await checkPassword(request, reply, attempt))) {
        throw new ApiError('CURRENT_PASSWORD_WRONG');
      }
      await updatePasswordHash(db, staff.userId, await hashPassword(request.body.newPassword));
      await deleteUserSessions(db, staff.userId, staff.sessionId);
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
