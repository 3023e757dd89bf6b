// The hosting organisation's operator (issue 14): accounts in `operators`, sign-ins in
// `operator_sessions`, a cookie of its own (tf_operator). Nothing here is a staff principal: a
// staff route resolves only `sessions`, so an operator cookie opens none of them, and the operator
// routes (allow: 'operator') resolve only these. What an operator may see is the list of
// municipalities and the setup link of a municipality's first admin: never a report, answer,
// code or plan.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { normalizeUsername } from '../../shared/api/staff';
import { ApiError } from '../api-error';
import { SESSION_DAYS } from '../auth/cookie';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password';
import { beginLoginAttempt, loginSucceeded } from '../auth/rate-limit';
import { randomToken, sha256Hex } from '../auth/tokens';
import type { CodeHasher } from '../codes/code-hasher';
import type { DB } from '../db/schema';

export const OPERATOR_COOKIE = 'tf_operator';
const MAX_AGE_SECONDS = SESSION_DAYS * 24 * 60 * 60;

export interface OperatorPrincipal {
  operatorId: string;
  username: string;
  displayName: string;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    operator?: OperatorPrincipal;
  }
}

export function readOperatorToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === OPERATOR_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

function cookie(request: FastifyRequest, value: string, maxAge: number): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${OPERATOR_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`;
}
export const setOperatorCookie = (request: FastifyRequest, reply: FastifyReply, token: string): void =>
  void reply.header('set-cookie', cookie(request, token, MAX_AGE_SECONDS));
export const clearOperatorCookie = (request: FastifyRequest, reply: FastifyReply): void =>
  void reply.header('set-cookie', cookie(request, '', 0));

/** The signed-in operator behind the request's operator cookie, and the session's CSRF token. */
export async function resolveOperatorSession(
  db: Kysely<DB>,
  request: FastifyRequest,
  now: Date,
): Promise<{ principal: OperatorPrincipal; csrfToken: string } | undefined> {
  const token = readOperatorToken(request);
  if (token === undefined || token.length > 100) return undefined;
  const row = await db
    .selectFrom('operator_sessions')
    .innerJoin('operators', 'operators.id', 'operator_sessions.operator_id')
    .select([
      'operator_sessions.id',
      'operator_sessions.csrf_token',
      'operators.id as operator_id',
      'operators.username',
      'operators.display_name',
    ])
    .where('operator_sessions.id', '=', sha256Hex(token))
    .where('operator_sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    principal: {
      operatorId: row.operator_id,
      username: row.username,
      displayName: row.display_name,
      sessionId: row.id,
    },
    csrfToken: row.csrf_token,
  };
}

/** Checks the password under the same rate limit as staff sign-in; a new session on success. */
export async function operatorLogin(
  db: Kysely<DB>,
  hasher: CodeHasher,
  login: { username: string; password: string; clientAddress: string; previousToken?: string },
  now: Date,
): Promise<
  { limited: true; retryAfterSeconds: number } | { limited: false; token: string; csrfToken: string }
> {
  const username = normalizeUsername(login.username);
  // Its own key space in the throttle, so an operator name never shares a bucket with staff.
  const gate = await beginLoginAttempt(
    db,
    hasher,
    { username: `operator:${username}`, clientAddress: login.clientAddress },
    now,
  );
  if (gate.limited) return gate;
  const found = await db
    .selectFrom('operators')
    .select(['id', 'password_hash'])
    .where('username', '=', username)
    .executeTakeFirst();
  const ok =
    (await verifyPassword(login.password, found?.password_hash ?? (await dummyPasswordHash()))) && !!found;
  if (!ok || !found) throw new ApiError('INVALID_CREDENTIALS', 'Wrong username or password');
  await loginSucceeded(db, gate);
  if (login.previousToken !== undefined)
    await db.deleteFrom('operator_sessions').where('id', '=', sha256Hex(login.previousToken)).execute();
  await db.deleteFrom('operator_sessions').where('expires_at', '<=', now.toISOString()).execute();
  const token = randomToken();
  const csrfToken = randomToken();
  await db
    .insertInto('operator_sessions')
    .values({
      id: sha256Hex(token),
      operator_id: found.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + MAX_AGE_SECONDS * 1000).toISOString(),
    })
    .execute();
  return { limited: false, token, csrfToken };
}

export async function endOperatorSession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('operator_sessions').where('id', '=', sessionId).execute();
}

/** Creates an operator account (the CLI's work); CONFLICT when the username is taken. */
export async function createOperator(
  db: Kysely<DB>,
  input: { username: string; displayName: string; password: string },
  now: Date,
): Promise<{ id: string; username: string }> {
  const username = normalizeUsername(input.username);
  const taken = await db
    .selectFrom('operators')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (taken) throw new ApiError('CONFLICT', 'This operator username is taken');
  const id = randomToken().slice(0, 22);
  await db
    .insertInto('operators')
    .values({
      id,
      username,
      display_name: input.displayName.trim(),
      password_hash: await hashPassword(input.password),
      created_on: now.toISOString().slice(0, 10),
    })
    .execute();
  return { id, username };
}
