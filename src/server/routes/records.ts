// The records the law asks for (issue 15). GET /municipality/processing-record: the processing
// record (GDPR Art. 30) of the caller's municipality, generated now from its settings, for the
// admin and the privacy officer. GET /public/accessibility: what the public accessibility
// statement needs of a municipality (its name and uustatus.no link), by its entry address or, on
// an instance of one municipality, that one; public, and nothing else of the municipality leaves.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RESPONDENT_PATHS, STAFF_PATHS } from '../../shared/api/paths';
import {
  AccessibilityInfoSchema,
  AccessibilityQuerySchema,
  ProcessingRecordSchema,
  type AccessibilityInfo,
  type ProcessingRecord,
} from '../../shared/api/records';
import { osloDate } from '../../shared/dates';
import { isEntrySlug } from '../../shared/entry-slug';
import { ApiError, notFound } from '../api-error';
import type { Database } from '../db/database';
import { buildProcessingRecord } from '../records/processing-record';
import {
  countAccountsByRole,
  findIdentityProvider,
  findRecordMunicipality,
  findStatementMunicipality,
  isOperatorHosted,
} from '../repositories/records';
import { staffOf } from './staff-request';

export const recordRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = (
  app,
  { database, now },
) => {
  const db = database.kysely;

  app.get(
    STAFF_PATHS.processingRecord,
    {
      config: { access: { allow: ['admin', 'privacy_officer'] } },
      schema: { response: { 200: ProcessingRecordSchema } },
    },
    async (request): Promise<ProcessingRecord> => {
      const municipalityId = staffOf(request).municipalityId;
      const municipality = await findRecordMunicipality(db, municipalityId);
      if (!municipality) throw notFound('No such municipality');
      return buildProcessingRecord({
        municipality,
        accountsByRole: await countAccountsByRole(db, municipalityId),
        operatorHosted: await isOperatorHosted(db),
        identityProvider: await findIdentityProvider(db, municipalityId),
        today: osloDate(now()),
      });
    },
  );

  app.get(
    RESPONDENT_PATHS.accessibility,
    {
      config: { access: { allow: 'public' } },
      schema: { querystring: AccessibilityQuerySchema, response: { 200: AccessibilityInfoSchema } },
    },
    async (request): Promise<AccessibilityInfo> => {
      const slug = request.query.municipality;
      if (slug !== undefined && !isEntrySlug(slug)) {
        throw new ApiError(
          'MALFORMED_REQUEST',
          'An entry address holds 2 to 63 of a-z, 0-9 and single hyphens',
        );
      }
      const found = await findStatementMunicipality(db, slug);
      if (found === 'unknown') throw new ApiError('ENTRY_UNKNOWN', 'No municipality has this entry address');
      if (found === 'unnamed') return { municipalityName: null, statementUrl: null };
      return { municipalityName: found.name, statementUrl: found.statementUrl };
    },
  );
  return Promise.resolve();
};
