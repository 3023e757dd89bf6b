// What a device needs to start answering: the open round, its unit and its questionnaire.
import type { FastifyPluginAsync } from 'fastify';
import {
  CurrentRoundResponseSchema,
  type CurrentRoundResponse,
  type DeviceSettings,
} from '../../shared/api/schemas';
import { osloDate } from '../../shared/dates';
import { notFound } from '../api-error';
import type { Database } from '../db/database';
import { findQuestionnaire } from '../repositories/questionnaires';
import { findCurrentRound } from '../repositories/rounds';

export const roundRoutes: FastifyPluginAsync<{
  database: Database;
  now: () => Date;
  deviceSettings: DeviceSettings;
}> = (app, { database, now, deviceSettings }) => {
  app.get(
    '/rounds/current',
    { schema: { response: { 200: CurrentRoundResponseSchema } } },
    async (): Promise<CurrentRoundResponse> => {
      const current = await findCurrentRound(database.kysely, osloDate(now()));
      if (!current) throw notFound('No round is open');
      const { round, unitName } = current;
      const questionnaire = await findQuestionnaire(database.kysely, round.questionnaireVersion);
      // The foreign key guarantees the version exists; a miss means a broken database, hence a 500.
      if (!questionnaire) throw new Error(`Questionnaire ${round.questionnaireVersion} is missing`);
      if (round.status !== 'open') throw new Error('findCurrentRound returned a round that is not open');
      return {
        round: {
          id: round.id,
          name: round.name,
          opensOn: round.opensOn,
          closesOn: round.closesOn,
          status: round.status,
          defaultLanguage: round.defaultLanguage,
          threshold: round.threshold,
          openQuestionEnabled: round.openQuestionEnabled,
          backgroundEnabled: round.backgroundEnabled,
          questionnaireVersion: round.questionnaireVersion,
          unit: { id: round.unitId, name: unitName },
        },
        questionnaire,
        settings: deviceSettings,
      };
    },
  );
  return Promise.resolve();
};
