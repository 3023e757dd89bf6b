// Questionnaire versions. A version is immutable once stored: saving an existing version again is a
// no-op, because responses already refer to its statement ids.
import { Value } from '@sinclair/typebox/value';
import type { Kysely } from 'kysely';
import { QuestionnaireSchema } from '../../shared/api/respondent';
import { isFactorId } from '../../shared/factors';
import type { Questionnaire } from '../../shared/questionnaire/types';
import type { DB } from '../db/schema';

/** Rows read back are checked, not trusted: a broken document must fail loudly, not mis-validate answers. */
export function parseQuestionnaire(content: string): Questionnaire {
  const value: unknown = JSON.parse(content);
  if (!Value.Check(QuestionnaireSchema, value) || !value.statements.every((s) => isFactorId(s.factor))) {
    throw new Error('A stored questionnaire does not have the questionnaire shape');
  }
  // The checks above establish what the wider schema type cannot say (factor ids, background ids).
  return value as Questionnaire;
}

export async function saveQuestionnaire(db: Kysely<DB>, questionnaire: Questionnaire): Promise<void> {
  await db
    .insertInto('questionnaires')
    .values({ version: questionnaire.version, content: JSON.stringify(questionnaire) })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
}

export async function findQuestionnaires(
  db: Kysely<DB>,
  versions: readonly string[],
): Promise<Map<string, Questionnaire>> {
  if (versions.length === 0) return new Map();
  const rows = await db
    .selectFrom('questionnaires')
    .select(['version', 'content'])
    .where('version', 'in', [...new Set(versions)])
    .execute();
  return new Map(rows.map((row) => [row.version, parseQuestionnaire(row.content)]));
}

export async function findQuestionnaire(db: Kysely<DB>, version: string): Promise<Questionnaire | undefined> {
  return (await findQuestionnaires(db, [version])).get(version);
}
