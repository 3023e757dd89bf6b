// Account administration for the municipality's admins: list, create, change roles, delete. An
// admin sees and changes only accounts of their own municipality (another's is 404), and no change
// may leave the municipality without an admin. Role changes apply from the next request, because
// the access check reads roles afresh every time.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { STAFF_PATHS } from '../../shared/api/paths';
import type { Kysely } from 'kysely';
import {
  AccountListResponseSchema,
  AccountParamsSchema,
  AccountSchema,
  CreateAccountRequestSchema,
  UpdateRolesRequestSchema,
  type Account,
  type AccountListResponse,
} from '../../shared/api/staff';
import { notFound } from '../api-error';
import { assertAdminRemains, checkRoles, createAccount } from '../auth/accounts';
import { staffOf } from '../auth/authorize';
import type { AccessPolicy } from '../auth/policy';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import { deleteUser, findAccount, listAccounts, replaceRoles } from '../repositories/accounts';

const ADMIN: AccessPolicy = { allow: ['admin'] };

/** The account, if it belongs to the requesting admin's municipality. */
async function ownAccount(db: Kysely<DB>, request: FastifyRequest, id: string): Promise<Account> {
  const account = await findAccount(db, id);
  if (!account || account.municipalityId !== staffOf(request).municipalityId)
    throw notFound('No such account');
  return account;
}

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
    async (request): Promise<Account> => {
      const { id, municipalityId } = await ownAccount(db, request, request.params.id);
      await db.transaction().execute(async (trx) => {
        await checkRoles(trx, municipalityId, request.body.roles);
        await replaceRoles(trx, id, request.body.roles);
        await assertAdminRemains(trx, municipalityId);
      });
      return ownAccount(db, request, request.params.id);
    },
  );

  app.delete(
    STAFF_PATHS.account,
    { config: { access: ADMIN }, schema: { params: AccountParamsSchema } },
    async (request, reply) => {
      const { id, municipalityId } = await ownAccount(db, request, request.params.id);
      await db.transaction().execute(async (trx) => {
        await deleteUser(trx, id);
        await assertAdminRemains(trx, municipalityId);
      });
      return reply.code(204).send();
    },
  );

  return Promise.resolve();
};
