// The municipality's settings (admin): name, kommunenummer and administrative language.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  MunicipalitySchema,
  UpdateMunicipalityRequestSchema,
  type Municipality,
} from '../../shared/api/organisation';
import { ApiError, notFound } from '../api-error';
import type { Database } from '../db/database';
import { findMunicipality, updateMunicipality } from '../repositories/municipalities';
import { staffOf } from './staff-request';

export const municipalityRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = (app, { database }) => {
  const db = database.kysely;

  app.get(
    STAFF_PATHS.municipality,
    { config: { access: { allow: ['admin'] } }, schema: { response: { 200: MunicipalitySchema } } },
    async (request): Promise<Municipality> => {
      const municipality = await findMunicipality(db, staffOf(request).municipalityId);
      if (!municipality) throw notFound('No such municipality');
      return municipality;
    },
  );

  app.put(
    STAFF_PATHS.municipality,
    {
      config: { access: { allow: ['admin'] }, audit: { action: 'municipality.update' } },
      schema: { body: UpdateMunicipalityRequestSchema, response: { 200: MunicipalitySchema } },
    },
    async (request): Promise<Municipality> => {
      const id = staffOf(request).municipalityId;
      if (!(await updateMunicipality(db, id, request.body))) {
        throw new ApiError('CONFLICT', `Municipality number ${request.body.number} is already in use`);
      }
      return (await findMunicipality(db, id))!;
    },
  );
  return Promise.resolve();
};
