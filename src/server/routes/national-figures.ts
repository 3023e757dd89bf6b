// Published national figures an admin imports (CSV) for when this server has too few
// municipalities to compute a national average itself. Each municipality has its own, so one
// municipality's import never changes another's comparisons. The import is all or nothing.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  NationalFigureListResponseSchema,
  NationalImportResponseSchema,
  type NationalFigureListResponse,
  type NationalImportResponse,
} from '../../shared/api/reports';
import type { Database } from '../db/database';
import { listNationalFigures, replaceNationalFigures } from '../repositories/national-figures';
import { listUnitTypes } from '../repositories/units';
import { parseNationalCsv } from '../reports/national-csv';
import { staffOf } from './staff-request';
import { csvBody, csvInvalid } from './csv-request';

export const nationalFigureRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = (
  app,
  { database },
) => {
  const db = database.kysely;
  // The import takes the file itself as the body.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.get(
    STAFF_PATHS.nationalFigures,
    {
      config: { access: { allow: ['admin'] } },
      schema: { response: { 200: NationalFigureListResponseSchema } },
    },
    async (request): Promise<NationalFigureListResponse> => ({
      figures: await listNationalFigures(db, staffOf(request).municipalityId),
    }),
  );

  app.post(
    STAFF_PATHS.nationalImport,
    {
      config: { access: { allow: ['admin'] } },
      // No 400 schema: CSV_INVALID (CsvInvalidResponseSchema) is written by the handler as is.
      schema: { response: { 200: NationalImportResponseSchema } },
    },
    async (request, reply): Promise<NationalImportResponse | undefined> => {
      const { municipalityId } = staffOf(request);
      const csv = csvBody(request);
      const unitTypes = new Map<string, string>();
      for (const t of await listUnitTypes(db)) {
        for (const key of [t.code, t.label.nb, t.label.nn, t.label.en])
          unitTypes.set(key.toLowerCase(), t.code);
      }
      const parsed = parseNationalCsv(csv, unitTypes);
      if (!parsed.ok) {
        csvInvalid(reply, parsed.errors);
        return undefined;
      }
      await replaceNationalFigures(db, municipalityId, parsed.figures);
      return { imported: parsed.figures.length };
    },
  );
  return Promise.resolve();
};
