// The operator's routes (issue 14). Login is public; everything else is allow: 'operator', which
// authorize resolves from the operator cookie only (a staff session is 401 here, an operator
// session is 401 on every staff route). What the operator reaches: the municipalities' names,
// numbers, languages, entry addresses and whether they have an admin, a first admin's setup link
// while there is none, the national list of unit types, and the national releases (list them,
// make one for a year now).
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateMunicipalityRequestSchema,
  CreateUnitTypeRequestSchema,
  MakeNationalReleaseRequestSchema,
  MakeNationalReleaseResponseSchema,
  NationalReleaseListQuerySchema,
  NationalReleaseListSchema,
  OPERATOR_PATHS,
  RELEASE_YEAR_RANGE,
  OperatorLoginRequestSchema,
  OperatorMunicipalityListSchema,
  OperatorMunicipalityParamsSchema,
  OperatorMunicipalitySchema,
  OperatorSessionSchema,
  SetupLinkResponseSchema,
  type OperatorMunicipality,
} from '../../shared/api/operator';
import { isEntrySlug } from '../../shared/entry-slug';
import { ApiError, notFound } from '../api-error';
import { sessionCsrfToken } from '../auth/authorize';
import { createSetupToken, SETUP_TOKEN_HOURS } from '../auth/first-admin';
import type { AccessPolicy } from '../auth/policy';
import type { CodeHasher } from '../codes/code-hasher';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import {
  clearOperatorCookie,
  endOperatorSession,
  operatorLogin,
  readOperatorToken,
  setOperatorCookie,
  type OperatorPrincipal,
} from '../operator/operator';
import { freeEntrySlug, insertMunicipality } from '../repositories/organisation';
import { makeNationalReleaseOfYear } from '../release/schedule';
import { listUnitTypes } from '../repositories/units';
import { UnitTypeListResponseSchema, UnitTypeSchema } from '../../shared/api/organisation';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';

const OPERATOR: AccessPolicy = { allow: 'operator' };

function operatorOf(request: FastifyRequest): OperatorPrincipal {
  if (!request.operator) throw new Error(`${request.method} ${request.url} is not an operator route`);
  return request.operator;
}

async function listMunicipalities(db: Kysely<DB>, id?: string): Promise<OperatorMunicipality[]> {
  let query = db
    .selectFrom('municipalities')
    .select((eb) => [
      'municipalities.id',
      'municipalities.name',
      'municipalities.number',
      'municipalities.language',
      'municipalities.entry_slug',
      eb
        .exists(
          eb
            .selectFrom('role_assignments')
            .innerJoin('users', 'users.id', 'role_assignments.user_id')
            .select('role_assignments.user_id')
            .whereRef('users.municipality_id', '=', 'municipalities.id')
            .where('role_assignments.role', '=', 'admin'),
        )
        .as('has_admin'),
    ])
    .orderBy('municipalities.name');
  if (id !== undefined) query = query.where('municipalities.id', '=', id);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    number: r.number,
    language: r.language,
    entrySlug: r.entry_slug ?? '',
    hasAdmin: Boolean(r.has_admin),
  }));
}

export const operatorRoutes: FastifyPluginAsyncTypebox<{
  database: Database;
  now: () => Date;
  hasher: CodeHasher;
}> = (app, { database, now, hasher }) => {
  const db = database.kysely;

  app.post(
    OPERATOR_PATHS.login,
    {
      config: { access: { allow: 'public' } },
      schema: { body: OperatorLoginRequestSchema, response: { 200: OperatorSessionSchema } },
    },
    async (request, reply) => {
      const previousToken = readOperatorToken(request);
      const result = await operatorLogin(
        db,
        hasher,
        { ...request.body, clientAddress: request.ip, ...(previousToken !== undefined && { previousToken }) },
        now(),
      );
      if (result.limited) {
        void reply.header('retry-after', String(result.retryAfterSeconds));
        throw new ApiError('RATE_LIMITED', 'Too many failed attempts from here: wait a while and try again');
      }
      setOperatorCookie(request, reply, result.token);
      const row = await db
        .selectFrom('operators')
        .select(['username', 'display_name'])
        .where('username', '=', request.body.username.trim().toLowerCase())
        .executeTakeFirstOrThrow();
      return {
        operator: { username: row.username, displayName: row.display_name },
        csrfToken: result.csrfToken,
      };
    },
  );

  app.post(OPERATOR_PATHS.logout, { config: { access: OPERATOR } }, async (request, reply) => {
    await endOperatorSession(db, operatorOf(request).sessionId);
    clearOperatorCookie(request, reply);
    return reply.code(204).send();
  });

  app.get(
    OPERATOR_PATHS.me,
    { config: { access: OPERATOR }, schema: { response: { 200: OperatorSessionSchema } } },
    (request) => {
      const operator = operatorOf(request);
      return Promise.resolve({
        operator: { username: operator.username, displayName: operator.displayName },
        csrfToken: sessionCsrfToken(request) ?? '',
      });
    },
  );

  app.get(
    OPERATOR_PATHS.municipalities,
    { config: { access: OPERATOR }, schema: { response: { 200: OperatorMunicipalityListSchema } } },
    async () => ({ municipalities: await listMunicipalities(db) }),
  );

  app.post(
    OPERATOR_PATHS.municipalities,
    {
      config: { access: OPERATOR },
      schema: { body: CreateMunicipalityRequestSchema, response: { 201: OperatorMunicipalitySchema } },
    },
    async (request, reply) => {
      const { name, number, language, entrySlug } = request.body;
      if (entrySlug !== undefined && !isEntrySlug(entrySlug))
        throw new ApiError('MALFORMED_REQUEST', 'The entry address may hold a-z, 0-9 and single hyphens');
      const clash = await db
        .selectFrom('municipalities')
        .select('id')
        .where((eb) =>
          eb.or([eb('number', '=', number), ...(entrySlug ? [eb('entry_slug', '=', entrySlug)] : [])]),
        )
        .executeTakeFirst();
      if (clash) throw new ApiError('CONFLICT', 'Another municipality has this number or entry address');
      const id = randomUUID();
      await insertMunicipality(db, {
        id,
        name: name.trim(),
        number,
        language,
        entry_slug: entrySlug ?? (await freeEntrySlug(db, name)),
      });
      const [created] = await listMunicipalities(db, id);
      if (!created) throw new Error('The new municipality vanished mid-request');
      return reply.code(201).send(created);
    },
  );

  app.post(
    OPERATOR_PATHS.setupLink,
    {
      config: { access: OPERATOR },
      schema: { params: OperatorMunicipalityParamsSchema, response: { 200: SetupLinkResponseSchema } },
    },
    async (request) => {
      const [municipality] = await listMunicipalities(db, request.params.id);
      if (!municipality) throw notFound('No such municipality');
      if (municipality.hasAdmin)
        throw new ApiError('SETUP_ALREADY_DONE', 'This municipality already has an admin');
      const at = now();
      const token = await createSetupToken(db, municipality.id, at);
      const expiresAt = new Date(at.getTime() + SETUP_TOKEN_HOURS * 3600 * 1000).toISOString();
      return { path: `/oppsett/${token}`, expiresAt };
    },
  );

  app.get(
    OPERATOR_PATHS.nationalReleases,
    {
      config: { access: OPERATOR },
      schema: { querystring: NationalReleaseListQuerySchema, response: { 200: NationalReleaseListSchema } },
    },
    async (request) => {
      let query = db
        .selectFrom('national_releases')
        .selectAll()
        .orderBy('year', 'desc')
        .orderBy('unit_type')
        .orderBy('version', 'desc')
        .limit(1000);
      if (request.query.year !== undefined) {
        const year = Number(request.query.year);
        if (year < RELEASE_YEAR_RANGE.minimum || year > RELEASE_YEAR_RANGE.maximum)
          throw new ApiError('MALFORMED_REQUEST', 'The year is out of range');
        query = query.where('year', '=', year);
      }
      const rows = await query.execute();
      return {
        releases: rows.map((r) => ({
          id: r.id,
          year: Number(r.year),
          unitType: r.unit_type,
          version: Number(r.version),
          releasedAt: r.released_at,
          municipalities: Number(r.municipalities),
          minMunicipalities: Number(r.min_municipalities),
        })),
      };
    },
  );

  app.post(
    OPERATOR_PATHS.nationalReleases,
    {
      config: { access: OPERATOR },
      schema: {
        body: MakeNationalReleaseRequestSchema,
        response: { 200: MakeNationalReleaseResponseSchema },
      },
    },
    async (request) => {
      const outcome = await makeNationalReleaseOfYear(database, request.body.year, now());
      if (!outcome)
        throw new ApiError('CONFLICT', 'A national release is being made right now: try again in a minute');
      return {
        year: outcome.year,
        released: outcome.released.map((r) => ({ unitType: r.unitType, version: r.version })),
        tooFew: outcome.tooFew,
        unchanged: outcome.unchanged,
      };
    },
  );

  app.get(
    OPERATOR_PATHS.unitTypes,
    { config: { access: OPERATOR }, schema: { response: { 200: UnitTypeListResponseSchema } } },
    async () => ({ unitTypes: await listUnitTypes(db) }),
  );

  app.post(
    OPERATOR_PATHS.unitTypes,
    {
      config: { access: OPERATOR },
      schema: { body: CreateUnitTypeRequestSchema, response: { 201: UnitTypeSchema } },
    },
    async (request, reply) => {
      const { code, label } = request.body;
      const trimmed = { nb: label.nb.trim(), nn: label.nn.trim(), en: label.en.trim() };
      const inserted = await db
        .insertInto('unit_types')
        .values({ code, label_nb: trimmed.nb, label_nn: trimmed.nn, label_en: trimmed.en })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
        throw new ApiError('CONFLICT', 'There is already a unit type with this code');
      return reply.code(201).send({ code, label: trimmed });
    },
  );

  return Promise.resolve();
};
