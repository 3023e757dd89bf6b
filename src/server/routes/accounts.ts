// Account administration for the municipality's admins: list, create, change roles, delete, make a
// one-time password link for a person, end a person's sessions. The rules (own municipality only,
// another's is 404; never zero admins; no roles, no session) are ../auth/accounts.ts and
// ../auth/password-reset.ts. Role changes apply from the next request, because the access check
// reads roles afresh every time. Every change is in the audit log, naming the account changed.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PasswordResetLinkSchema, type PasswordResetLink } from '../../shared/api/audit';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  AccountListResponseSchema,
  AccountParamsSchema,
  AccountSchema,
  CreateAccountRequestSchema,
  UpdateRolesRequestSchema,
  type Account,
  type AccountListResponse,
} from '../../shared/api/staff';
import { accountDetail } from '../audit/details';
import { audit, param } from '../audit/specs';
import { changeRoles, createAccount, deleteAccount } from '../auth/accounts';
import { staffOf } from '../auth/authorize';
import { createPasswordReset, endSessionsOf } from '../auth/password-reset';
import type { AccessPolicy } from '../auth/policy';
import type { Database } from '../db/database';
import { listAccounts } from '../repositories/accounts';

const ADMIN: AccessPolicy = { allow: ['admin'] };
const ACCOUNT_READERS: AccessPolicy = { allow: ['admin', 'privacy_officer'] };

export const accountRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = (
  app,
  { database, now },
) => {
  const db = database.kysely;

  app.get(
    STAFF_PATHS.accounts,
    // The privacy officer too: who holds which role is theirs to check, and the log's person filter.
    { config: { access: ACCOUNT_READERS }, schema: { response: { 200: AccountListResponseSchema } } },
    async (request): Promise<AccountListResponse> => ({
      accounts: await listAccounts(db, staffOf(request).municipalityId),
    }),
  );

  app.post(
    STAFF_PATHS.accounts,
    {
      config: { access: ADMIN, audit: audit('account.create', { detail: accountDetail }) },
      schema: { body: CreateAccountRequestSchema, response: { 201: AccountSchema } },
    },
    async (request, reply): Promise<Account> => {
      const account = await createAccount(
        db,
        { ...request.body, municipalityId: staffOf(request).municipalityId },
        now(),
      );
      reply.code(201);
      return account;
    },
  );

  app.put(
    STAFF_PATHS.accountRoles,
    {
      config: { access: ADMIN, audit: audit('account.roles', { detail: accountDetail }) },
      schema: {
        params: AccountParamsSchema,
        body: UpdateRolesRequestSchema,
        response: { 200: AccountSchema },
      },
    },
    async (request): Promise<Account> =>
      changeRoles(
        db,
        database.dialect,
        staffOf(request).municipalityId,
        request.params.id,
        request.body.roles,
      ),
  );

  app.delete(
    STAFF_PATHS.account,
    {
      config: { access: ADMIN, audit: audit('account.delete', { detail: param('id') }) },
      schema: { params: AccountParamsSchema },
    },
    async (request, reply) => {
      await deleteAccount(db, database.dialect, staffOf(request).municipalityId, request.params.id);
      return reply.code(204).send();
    },
  );

  /** The link is in this reply only; the log says whose it was, never the token. */
  app.post(
    STAFF_PATHS.accountPasswordReset,
    {
      config: { access: ADMIN, audit: audit('account.password_reset', { detail: param('id') }) },
      schema: { params: AccountParamsSchema, response: { 201: PasswordResetLinkSchema } },
    },
    async (request, reply): Promise<PasswordResetLink> => {
      const link = await createPasswordReset(db, staffOf(request).municipalityId, request.params.id, now());
      void reply.header('cache-control', 'no-store');
      reply.code(201);
      return link;
    },
  );

  app.post(
    STAFF_PATHS.accountSessionsEnd,
    {
      config: { access: ADMIN, audit: audit('account.sessions_ended', { detail: param('id') }) },
      schema: { params: AccountParamsSchema },
    },
    async (request, reply) => {
      await endSessionsOf(db, staffOf(request).municipalityId, request.params.id);
      return reply.code(204).send();
    },
  );

  return Promise.resolve();
};
