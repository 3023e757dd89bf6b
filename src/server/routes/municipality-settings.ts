// The municipality's retention and session settings (issue 15): the admin and the privacy
// officer read them, only the admin changes them, and every change is in the audit log with what
// changed from what to what. The old values are read before the write, so the log's detail is
// kept per request until the hook (../audit/hook.ts) writes the entry.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { STAFF_PATHS } from '../../shared/api/paths';
import {
  MunicipalitySettingsSchema,
  UpdateMunicipalitySettingsRequestSchema,
  type MunicipalitySettings,
} from '../../shared/api/retention';
import { notFound } from '../api-error';
import type { Database } from '../db/database';
import { findMunicipalitySettings, updateMunicipalitySettings } from '../repositories/municipality-settings';
import { assertStatementUrl, describeChange } from '../retention/settings';
import { staffOf } from './staff-request';

const changes = new WeakMap<FastifyRequest, string>();

export const municipalitySettingsRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = (
  app,
  { database },
) => {
  const db = database.kysely;

  async function load(municipalityId: string): Promise<MunicipalitySettings> {
    const settings = await findMunicipalitySettings(db, municipalityId);
    if (!settings) throw notFound('No such municipality');
    return settings;
  }

  app.get(
    STAFF_PATHS.municipalitySettings,
    {
      config: { access: { allow: ['admin', 'privacy_officer'] } },
      schema: { response: { 200: MunicipalitySettingsSchema } },
    },
    async (request): Promise<MunicipalitySettings> => load(staffOf(request).municipalityId),
  );

  app.put(
    STAFF_PATHS.municipalitySettings,
    {
      config: {
        access: { allow: ['admin'] },
        audit: { action: 'settings.update', detail: (request) => changes.get(request) },
      },
      schema: {
        body: UpdateMunicipalitySettingsRequestSchema,
        response: { 200: MunicipalitySettingsSchema },
      },
    },
    async (request): Promise<MunicipalitySettings> => {
      const { municipalityId } = staffOf(request);
      assertStatementUrl(request.body.accessibilityStatementUrl);
      const before = await load(municipalityId);
      await updateMunicipalitySettings(db, municipalityId, request.body);
      const after = await load(municipalityId);
      changes.set(request, describeChange(before, after));
      return after;
    },
  );
  return Promise.resolve();
};
