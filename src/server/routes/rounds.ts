// What a device needs to start answering: the open round, its unit and its questionnaire. An
// enrolled kiosk (Authorization: Kiosk …) gets its own round and unit instead, also before the
// round opens and during the grace days after it closes, so it can show its state and keep syncing.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RESPONDENT_PATHS } from '../../shared/api/paths';
import {
  CurrentRoundResponseSchema,
  type CurrentRoundResponse,
  type DeviceSettings,
} from '../../shared/api/respondent';
import { osloDate } from '../../shared/dates';
import { ApiError, notFound } from '../api-error';
import type { Database } from '../db/database';
import { findQuestionnaire } from '../repositories/questionnaires';
import { optionalKiosk } from '../kiosks/kiosk-auth';
import { findRounds, findCurrentRound, type RoundRecord } from '../repositories/rounds';

export const roundRoutes: FastifyPluginAsyncTypebox<{
  database: Database;
  now: () => Date;
  deviceSettings: DeviceSettings;
}> = (app, { database, now, deviceSettings }) => {
  async function kioskRound(kiosk: { roundId: string; unitId: string; revokedOn: string | null }) {
    if (kiosk.revokedOn !== null) {
      throw new ApiError('KIOSK_REVOKED', `This tablet was revoked on ${kiosk.revokedOn}`);
    }
    const round = (await findRounds(database.kysely, [kiosk.roundId])).get(kiosk.roundId)!;
    const unit = await database.kysely
      .selectFrom('units')
      .select('name')
      .where('id', '=', kiosk.unitId)
      .executeTakeFirstOrThrow();
    return { round, unit: { id: kiosk.unitId, name: unit.name } };
  }

  app.get(
    RESPONDENT_PATHS.currentRound,
    { config: { access: { allow: 'public' } }, schema: { response: { 200: CurrentRoundResponseSchema } } },
    async (request): Promise<CurrentRoundResponse> => {
      const kiosk = await optionalKiosk(database.kysely, request);
      let current: { round: RoundRecord; unit: { id: string; name: string } };
      if (kiosk) current = await kioskRound(kiosk);
      else {
        const found = await findCurrentRound(database.kysely, osloDate(now()));
        if (!found) throw notFound('No round is open');
        if (found.round.status !== 'open')
          throw new Error('findCurrentRound returned a round that is not open');
        current = { round: found.round, unit: { id: found.round.unitId, name: found.unitName } };
      }
      const { round, unit } = current;
      const questionnaire = await findQuestionnaire(database.kysely, round.questionnaireVersion);
      // The foreign key guarantees the version exists; a miss means a broken database, hence a 500.
      if (!questionnaire) throw new Error(`Questionnaire ${round.questionnaireVersion} is missing`);
      return {
        round: {
          id: round.id,
          name: round.name,
          opensOn: round.opensOn,
          closesOn: round.closesOn,
          // The device contract knows no 'published'; for a kiosk it means the same as closed.
          status: round.status === 'published' ? 'closed' : round.status,
          defaultLanguage: round.defaultLanguage,
          threshold: round.threshold,
          openQuestionEnabled: round.openQuestionEnabled,
          backgroundEnabled: round.backgroundEnabled,
          questionnaireVersion: round.questionnaireVersion,
          unit,
        },
        questionnaire,
        settings: deviceSettings,
      };
    },
  );
  return Promise.resolve();
};
