// Published national figures an admin imports (CSV) for when this server has too few
// municipalities to compute a national average itself. Each municipality has its own, so one
// municipality's import never changes another's comparisons. The import (all or nothing) is
// ../reports/national-import.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  NationalFigureListResponseSchema,
  NationalImportResponseSchema,
  type NationalFigureListResponse,
  type NationalImportResponse,
} from '../../shared/api/reports';
import type { Database } from '../db/database';
import { listNationalFigures } from '../repositories/national-figures';
import { shownAverage } from '../reports/figures';
import { importNationalFigures } from '../reports/national-import';
import { staffOf } from './staff-request';
import { csvBody, csvInvalid } from './csv-request';
import { audit, fromReply } from '../audit/specs';

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
      // At the one decimal the screen shows, like every report figure.
      figures: (await listNationalFigures(db, staffOf(request).municipalityId)).map((f) => ({
        ...f,
        average: shownAverage(f.average),
      })),
    }),
  );

  app.post(
    STAFF_PATHS.nationalImport,
    {
      config: {
        access: { allow: ['admin'] },
        audit: audit('national_figures.import', { detail: fromReply('imported') }),
      },
      // No 400 schema: CSV_INVALID (CsvInvalidResponseSchema) is written by the handler as is.
      schema: { response: { 200: NationalImportResponseSchema } },
    },
    async (request, reply): Promise<NationalImportResponse | undefined> => {
      const result = await importNationalFigures(db, staffOf(request).municipalityId, csvBody(request));
      if (!result.ok) {
        csvInvalid(reply, result.errors);
        return undefined;
      }
      return { imported: result.imported };
    },
  );
  return Promise.resolve();
};
