// Account administration for the municipality's admins: list, create, change roles, delete. The
// rules (own municipality only, another's is 404; never zero admins) are ../auth/accounts.ts. Role
// changes apply from the next request, because the access check reads roles afresh every time.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
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
import { changeRoles, createAccount, deleteAccount } from '../auth/accounts';
import { staffOf } from '../auth/authorize';
import type { AccessPolicy } from '../auth/policy';
import type { Database } from '../db/database';
import { listAccounts } from '../repositories/accounts';

const ADMIN: AccessPolicy = { allow: ['admin'] };

export const accountRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = (
  app,
  { database, now },
) => {
  const db = database.kysely;

  app.get(
    STAFF_PATHS.accounts,
    { config: { access: ADMIN }, schema: { response: { 200: AccountListResponseSchema } } },
    async (request): Promise<AccountListResponse> => ({
      accounts: await listAccounts(db, staffOf(request).municipalityId),
    }),
  );

  app.post(
    STAFF_PATHS.accounts,
    {
      config: { access: ADMIN },
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
      config: { access: ADMIN },
      schema: {
        params: AccountParamsSchema,
        body: UpdateRolesRequestSchema,
        response: { 200: AccountSchema },
      },
    },
    async (request): Promise<Account> =>
      changeRoles(db, staffOf(request).municipalityId, request.params.id, request.body.roles),
  );

  app.delete(
    STAFF_PATHS.account,
    { config: { access: ADMIN }, schema: { params: AccountParamsSchema } },
    async (request, reply) => {
      await deleteAccount(db, staffOf(request).municipalityId, request.params.id);
      return reply.code(204).send();
    },
  );

  return Promise.resolve();
};
