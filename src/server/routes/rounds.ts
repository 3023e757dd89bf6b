// What a device needs to start answering: the open round, its unit and its questionnaire. An
// enrolled kiosk (Authorization: Kiosk …) gets its own round and unit instead, also before the
// round opens and during the grace days after it closes, so it can show its state and keep syncing.
// Which round that is, is ../rounds/device-round.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RESPONDENT_PATHS } from '../../shared/api/paths';
import {
  CurrentRoundResponseSchema,
  type CurrentRoundResponse,
  type DeviceSettings,
} from '../../shared/api/respondent';
import { osloDate } from '../../shared/dates';
import type { Database } from '../db/database';
import { findQuestionnaire } from '../repositories/questionnaires';
import { optionalKiosk } from '../kiosks/kiosk-auth';
import { roundForDevice, toDeviceRound } from '../rounds/device-round';

export const roundRoutes: FastifyPluginAsyncTypebox<{
  database: Database;
  now: () => Date;
  deviceSettings: DeviceSettings;
}> = (app, { database, now, deviceSettings }) => {
  app.get(
    RESPONDENT_PATHS.currentRound,
    { config: { access: { allow: 'public' } }, schema: { response: { 200: CurrentRoundResponseSchema } } },
    async (request): Promise<CurrentRoundResponse> => {
      const kiosk = await optionalKiosk(database.kysely, request);
      const current = await roundForDevice(database.kysely, kiosk, osloDate(now()));
      const { questionnaireVersion } = current.round;
      const questionnaire = await findQuestionnaire(database.kysely, questionnaireVersion);
      // The foreign key guarantees the version exists; a miss means a broken database, hence a 500.
      if (!questionnaire) throw new Error(`Questionnaire ${questionnaireVersion} is missing`);
      return { round: toDeviceRound(current), questionnaire, settings: deviceSettings };
    },
  );
  return Promise.resolve();
};
