// A questionnaire version by id, for devices that hold responses to a version they no longer have.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { QuestionnaireSchema } from '../../shared/api/respondent';
import type { Questionnaire } from '../../shared/questionnaire/types';
import { notFound } from '../api-error';
import type { Database } from '../db/database';
import { findQuestionnaire } from '../repositories/questionnaires';

const ParamsSchema = Type.Object({ version: Type.String({ minLength: 1, maxLength: 100 }) });

export const questionnaireRoutes: FastifyPluginAsync<{ database: Database }> = (app, { database }) => {
  app.get<{ Params: { version: string } }>(
    '/questionnaires/:version',
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
