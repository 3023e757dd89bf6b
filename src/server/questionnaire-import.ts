// Loads a questionnaire version from a JSON document: how a municipality that holds the licensed
// official statements replaces ours without a code change. Every check here protects answers
// that will refer to the version's statement ids, so a doubtful document is refused whole.
import { Value } from '@sinclair/typebox/value';
import type { Kysely } from 'kysely';
import { QuestionnaireSchema } from '../shared/api/respondent';
import { FACTOR_IDS, isFactorId } from '../shared/factors';
import { LANGUAGES } from '../shared/languages';
import { DECLINED, type Questionnaire } from '../shared/questionnaire/types';
import type { DB } from './db/schema';
import { findQuestionnaire, saveQuestionnaire } from './repositories/questionnaires';

const STATEMENT_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BACKGROUND_IDS = ['gender', 'ageGroup', 'education', 'positionPercentage', 'leaderResponsibility'];

/** Every problem with the document, one sentence each; empty when it can be loaded. */
export function questionnaireProblems(document: unknown): string[] {
  if (!Value.Check(QuestionnaireSchema, document)) {
    return [...Value.Errors(QuestionnaireSchema, document)]
      .slice(0, 20)
      .map((e) => `${e.path}: ${e.message}`);
  }
  const problems: string[] = [];
  const { statements, background, openQuestion } = document;
  const ids = statements.map((s) => s.id);
  if (new Set(ids).size !== ids.length) problems.push('Statement ids must be unique');
  // The count tables and the reports' aggregated reads (repositories/aggregates.ts) rely on it.
  for (const id of ids.filter((id) => !STATEMENT_ID.test(id))) {
    problems.push(`Statement id ${JSON.stringify(id)}: 1 to 64 letters, digits, '.', '_' or '-'`);
  }
  const orders = statements.map((s) => s.order).sort((a, b) => a - b);
  if (orders.some((order, i) => order !== i + 1))
    problems.push('Statement orders must be 1, 2, 3 … without gaps');
  for (const s of statements) {
    if (!isFactorId(s.factor)) problems.push(`Statement ${s.id}: unknown factor "${s.factor}"`);
  }
  for (const factor of FACTOR_IDS) {
    if (!statements.some((s) => s.factor === factor)) problems.push(`No statement measures ${factor}`);
  }
  const texts = [
    ...statements.map((s) => [`statement ${s.id}`, s.text] as const),
    ...background.map((q) => [`background ${q.id}`, q.label] as const),
    ['open question', openQuestion.label] as const,
  ];
  for (const [where, text] of texts) {
    for (const lng of LANGUAGES) if (!text[lng].trim()) problems.push(`${where}: no ${lng} text`);
  }
  for (const q of background) {
    if (!BACKGROUND_IDS.includes(q.id)) problems.push(`Unknown background question "${q.id}"`);
    if (q.options.some((o) => o.value === DECLINED))
      problems.push(`${q.id}: "${DECLINED}" is added by the app`);
  }
  return problems;
}

export type ImportOutcome = { ok: true; version: string } | { ok: false; problems: string[] };

export async function importQuestionnaire(db: Kysely<DB>, document: unknown): Promise<ImportOutcome> {
  const problems = questionnaireProblems(document);
  if (problems.length > 0) return { ok: false, problems };
  const questionnaire = document as Questionnaire;
  // A stored version is immutable: answers already point at its statements.
  if (await findQuestionnaire(db, questionnaire.version)) {
    return {
      ok: false,
      problems: [`Version ${questionnaire.version} exists already: give the new one a new version`],
    };
  }
  await saveQuestionnaire(db, questionnaire);
  return { ok: true, version: questionnaire.version };
}
