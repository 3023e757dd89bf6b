// The unit tree (admin edits, every staff role reads its own part), unit types, and the CSV
// import that creates or updates many units at once, all or nothing. The tree's rules are in
// ../organisation/.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  CreateUnitRequestSchema,
  IdParamsSchema,
  UnitImportResponseSchema,
  UnitListResponseSchema,
  UnitSchema,
  UnitTypeListResponseSchema,
  UpdateUnitRequestSchema,
  type Unit,
  type UnitImportResponse,
  type UnitListResponse,
  type UnitTypeListResponse,
} from '../../shared/api/organisation';
import { STAFF_ROLES } from '../../shared/api/staff';
import { unitsInScope } from '../auth/scope';
import type { Database } from '../db/database';
import { parseUnitCsv } from '../organisation/unit-csv';
import { createUnit, editUnit, removeUnit } from '../organisation/unit-edits';
import { csvContext, importUnits, listUnits, listUnitTypes } from '../repositories/units';
import { isAdmin } from '../auth/policy';
import { staffOf } from './staff-request';
import { csvBody, csvInvalid } from './csv-request';
import { audit, fromReply, param } from '../audit/specs';
import { importCounts } from '../audit/details';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;
const unitFromParams = (request: FastifyRequest) => (request as IdRequest).params.id;

export const unitRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = (app, { database }) => {
  const db = database.kysely;
  // The import takes the file itself as the body.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.get(
    STAFF_PATHS.unitTypes,
    { config: { access: { allow: STAFF_ROLES } }, schema: { response: { 200: UnitTypeListResponseSchema } } },
    async (): Promise<UnitTypeListResponse> => ({ unitTypes: await listUnitTypes(db) }),
  );

  app.get(
    STAFF_PATHS.units,
    { config: { access: { allow: STAFF_ROLES } }, schema: { response: { 200: UnitListResponseSchema } } },
    async (request): Promise<UnitListResponse> => {
      const staff = staffOf(request);
      const units = await listUnits(db, staff.municipalityId);
      // The privacy officer reads the whole tree, as admin: names only, to filter the audit log.
      if (isAdmin(staff) || staff.roles.some((r) => r.role === 'privacy_officer')) return { units };
      const scope = await unitsInScope(db, staff);
      return { units: units.filter((u) => scope.has(u.id)) };
    },
  );

  app.post(
    STAFF_PATHS.units,
    {
      config: { access: { allow: ['admin'] }, audit: audit('unit.create', { unit: fromReply('id') }) },
      schema: { body: CreateUnitRequestSchema, response: { 201: UnitSchema } },
    },
    async (request, reply): Promise<Unit> => {
      const { municipalityId } = staffOf(request);
      const unit = await createUnit(db, municipalityId, request.body.id ?? randomUUID(), request.body);
      reply.code(201);
      return unit;
    },
  );

  app.patch(
    STAFF_PATHS.unit,
    {
      config: {
        access: { allow: ['admin'], unit: unitFromParams },
        audit: audit('unit.update', { unit: param('id') }),
      },
      schema: { params: IdParamsSchema, body: UpdateUnitRequestSchema, response: { 200: UnitSchema } },
    },
    async (request): Promise<Unit> => {
      const { municipalityId } = staffOf(request);
      return editUnit(db, municipalityId, request.params.id, request.body);
    },
  );

  app.delete(
    STAFF_PATHS.unit,
    {
      config: {
        access: { allow: ['admin'], unit: unitFromParams },
        audit: audit('unit.delete', { unit: param('id') }),
      },
      schema: { params: IdParamsSchema },
    },
    async (request, reply) => {
      const { municipalityId } = staffOf(request);
      await removeUnit(db, municipalityId, request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    STAFF_PATHS.unitImport,
    {
      config: { access: { allow: ['admin'] }, audit: audit('unit.import', { detail: importCounts }) },
      // No 400 schema: CSV_INVALID (CsvInvalidResponseSchema) is written by the handler as is.
      schema: { response: { 200: UnitImportResponseSchema } },
    },
    async (request, reply): Promise<UnitImportResponse | undefined> => {
      const { municipalityId } = staffOf(request);
      const csv = csvBody(request);
      const roughIds = csv.split(/\r?\n/).map((line) => line.split(/[;,]/, 1)[0]!.replace(/"/g, '').trim());
      const parsed = parseUnitCsv(csv, await csvContext(db, municipalityId, roughIds));
      if (!parsed.ok) {
        csvInvalid(reply, parsed.errors);
        return undefined;
      }
      return importUnits(db, municipalityId, parsed.rows);
    },
  );
  return Promise.resolve();
};
