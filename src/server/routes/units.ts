// The unit tree (admin edits, every staff role reads its own part), unit types, and the CSV
// import that creates or updates many units at once, all or nothing.
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
  type UpdateUnitRequest,
} from '../../shared/api/organisation';
import { STAFF_ROLES } from '../../shared/api/staff';
import { ApiError, notFound } from '../api-error';
import { unitsInScope } from '../auth/scope';
import type { Database } from '../db/database';
import { parseUnitCsv } from '../organisation/unit-csv';
import {
  ancestorIds,
  csvContext,
  deleteUnit,
  findUnit,
  importUnits,
  insertUnit,
  listUnits,
  listUnitTypes,
  toUnit,
  unitDependents,
  unitExistsAnywhere,
  unitTypeExists,
  updateUnit,
} from '../repositories/units';
import { isAdmin, staffOf } from './staff-request';
import { csvBody, csvInvalid } from './csv-request';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;
const unitFromParams = (request: FastifyRequest) => (request as IdRequest).params.id;
const badReference = (message: string) => new ApiError('INVALID_REFERENCE', message);

export const unitRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = (app, { database }) => {
  const db = database.kysely;
  // The import takes the file itself as the body.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  async function checkReferences(
    municipalityId: string,
    unitId: string | undefined,
    body: UpdateUnitRequest,
  ) {
    if (body.parentId !== undefined && body.parentId !== null) {
      if (!(await findUnit(db, municipalityId, body.parentId)))
        throw badReference(`No unit ${body.parentId}`);
      if (unitId !== undefined) {
        const above = await ancestorIds(db, municipalityId, body.parentId);
        if (body.parentId === unitId || above.includes(unitId)) {
          throw badReference('A unit cannot be moved below itself');
        }
      }
    }
    if (body.unitType !== undefined && body.unitType !== null && !(await unitTypeExists(db, body.unitType))) {
      throw badReference(`No unit type ${body.unitType}`);
    }
  }

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
      if (isAdmin(staff)) return { units };
      const scope = await unitsInScope(db, staff);
      return { units: units.filter((u) => scope.has(u.id)) };
    },
  );

  app.post(
    STAFF_PATHS.units,
    {
      config: { access: { allow: ['admin'] } },
      schema: { body: CreateUnitRequestSchema, response: { 201: UnitSchema } },
    },
    async (request, reply): Promise<Unit> => {
      const { municipalityId } = staffOf(request);
      const { body } = request;
      const id = body.id ?? randomUUID();
      if (await unitExistsAnywhere(db, id)) throw new ApiError('CONFLICT', `The unit id ${id} is taken`);
      await checkReferences(municipalityId, undefined, body);
      await insertUnit(db, municipalityId, id, {
        parentId: body.parentId,
        name: body.name.trim(),
        unitType: body.unitType ?? null,
        employeeCount: body.employeeCount ?? null,
        openKiosk: body.openKiosk ?? false,
      });
      reply.code(201);
      return toUnit((await findUnit(db, municipalityId, id))!);
    },
  );

  app.patch(
    STAFF_PATHS.unit,
    {
      config: { access: { allow: ['admin'], unit: unitFromParams } },
      schema: { params: IdParamsSchema, body: UpdateUnitRequestSchema, response: { 200: UnitSchema } },
    },
    async (request): Promise<Unit> => {
      const { municipalityId } = staffOf(request);
      const { id } = request.params;
      if (!(await findUnit(db, municipalityId, id))) throw notFound('No such unit');
      await checkReferences(municipalityId, id, request.body);
      const { name, ...rest } = request.body;
      await updateUnit(db, municipalityId, id, { ...rest, ...(name !== undefined && { name: name.trim() }) });
      return toUnit((await findUnit(db, municipalityId, id))!);
    },
  );

  app.delete(
    STAFF_PATHS.unit,
    { config: { access: { allow: ['admin'], unit: unitFromParams } }, schema: { params: IdParamsSchema } },
    async (request, reply) => {
      const { municipalityId } = staffOf(request);
      const { id } = request.params;
      if (!(await findUnit(db, municipalityId, id))) throw notFound('No such unit');
      const dependents = await unitDependents(db, id);
      if (dependents.length > 0) {
        throw new ApiError('UNIT_IN_USE', `The unit still has ${dependents.join(', ')}`);
      }
      await deleteUnit(db, municipalityId, id);
      return reply.code(204).send();
    },
  );

  app.post(
    STAFF_PATHS.unitImport,
    {
      config: { access: { allow: ['admin'] } },
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
