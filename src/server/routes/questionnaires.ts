// A questionnaire version by id, for devices that hold responses to a version they no longer have.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RESPONDENT_PATHS } from '../../shared/api/paths';
import { QuestionnaireSchema } from '../../shared/api/respondent';
import type { Questionnaire } from '../../shared/questionnaire/types';
import { notFound } from '../api-error';
import type { Database } from '../db/database';
import { findQuestionnaire } from '../repositories/questionnaires';

const ParamsSchema = Type.Object({ version: Type.String({ minLength: 1, maxLength: 100 }) });

export const questionnaireRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = (app, { database }) => {
  app.get(
    RESPONDENT_PATHS.questionnaire,
    {
      config: { access: { allow: 'public' } },
      schema: { params: ParamsSchema, response: { 200: QuestionnaireSchema } },
    },
    async (request): Promise<Questionnaire> => {
      const questionnaire = await findQuestionnaire(database.kysely, request.params.version);
      if (!questionnaire) throw notFound('No such questionnaire version');
      return questionnaire;
    },
  );
  return Promise.resolve();
};
