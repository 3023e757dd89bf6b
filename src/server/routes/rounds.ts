// What a device needs to start answering. The respondents' entry address of a municipality
// (/k/<slug>) asks for every round open there today, each with its questionnaire, since several may
// be open at once; the old address gives one round (`?m=<slug>` names the municipality). An enrolled
// kiosk (Authorization: Kiosk …) gets its own round and unit instead, also before the round opens
// and during the grace days after it closes, so it can show its state and keep syncing. Which
// rounds those are is ../rounds/device-round.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { RESPONDENT_PATHS } from '../../shared/api/paths';
import {
  CurrentRoundQuerySchema,
  CurrentRoundResponseSchema,
  EntryRoundsResponseSchema,
  type CurrentRoundResponse,
  type DeviceSettings,
  type EntryRoundsResponse,
} from '../../shared/api/respondent';
import type { Questionnaire } from '../../shared/questionnaire/types';
import { osloDate } from '../../shared/dates';
import type { Database } from '../db/database';
import { findQuestionnaire } from '../repositories/questionnaires';
import { optionalKiosk } from '../kiosks/kiosk-auth';
import { entryMunicipality, roundForDevice, roundsForDevice, toDeviceRound } from '../rounds/device-round';

export const roundRoutes: FastifyPluginAsyncTypebox<{
  database: Database;
  now: () => Date;
  deviceSettings: DeviceSettings;
}> = (app, { database, now, deviceSettings }) => {
  const questionnaireOf = async (version: string): Promise<Questionnaire> => {
    const questionnaire = await findQuestionnaire(database.kysely, version);
    // The foreign key guarantees the version exists; a miss means a broken database, hence a 500.
    if (!questionnaire) throw new Error(`Questionnaire ${version} is missing`);
    return questionnaire;
  };

  app.get(
    RESPONDENT_PATHS.currentRound,
    {
      config: { access: { allow: 'public' } },
      schema: { querystring: CurrentRoundQuerySchema, response: { 200: CurrentRoundResponseSchema } },
    },
    async (request): Promise<CurrentRoundResponse> => {
      const kiosk = await optionalKiosk(database.kysely, request);
      const current = await roundForDevice(database.kysely, kiosk, osloDate(now()), request.query.m);
      const questionnaire = await questionnaireOf(current.round.questionnaireVersion);
      return { round: toDeviceRound(current), questionnaire, settings: deviceSettings };
    },
  );

  app.get(
    RESPONDENT_PATHS.entryRounds,
    {
      config: { access: { allow: 'public' } },
      schema: {
        params: Type.Object({ slug: Type.String() }),
        response: { 200: EntryRoundsResponseSchema },
      },
    },
    async (request): Promise<EntryRoundsResponse> => {
      const municipality = await entryMunicipality(database.kysely, request.params.slug);
      const kiosk = await optionalKiosk(database.kysely, request);
      const rounds = await roundsForDevice(database.kysely, kiosk, municipality.id, osloDate(now()));
      const versions = [...new Set(rounds.map((r) => r.round.questionnaireVersion))];
      return {
        municipality: { slug: municipality.entrySlug, name: municipality.name },
        rounds: rounds.map(toDeviceRound),
        questionnaires: await Promise.all(versions.map(questionnaireOf)),
        settings: deviceSettings,
      };
    },
  );
  return Promise.resolve();
};
