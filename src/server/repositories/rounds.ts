// Survey rounds, mapped between the 0/1 integers and text dates of the table and plain values.
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { RoundStatus, RoundsTable } from '../db/tables/rounds';

export interface RoundRecord {
  id: string;
  municipalityId: string;
  unitId: string;
  name: string;
  opensOn: string;
  closesOn: string;
  status: RoundStatus;
  defaultLanguage: 'nb' | 'nn' | 'en';
  threshold: number;
  openQuestionEnabled: boolean;
  backgroundEnabled: boolean;
  graceDays: number;
  questionnaireVersion: string;
}

function fromRow(row: Selectable<RoundsTable>): RoundRecord {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    unitId: row.unit_id,
    name: row.name,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    status: row.status,
    defaultLanguage: row.default_language,
    threshold: row.threshold,
    openQuestionEnabled: row.open_question_enabled === 1,
    backgroundEnabled: row.background_enabled === 1,
    graceDays: row.grace_days,
    questionnaireVersion: row.questionnaire_version,
  };
}

export async function insertRound(db: Kysely<DB>, round: RoundRecord): Promise<void> {
  await db
    .insertInto('rounds')
    .values({
      id: round.id,
      municipality_id: round.municipalityId,
      unit_id: round.unitId,
      name: round.name,
      opens_on: round.opensOn,
      closes_on: round.closesOn,
      status: round.status,
      default_language: round.defaultLanguage,
      threshold: round.threshold,
      open_question_enabled: round.openQuestionEnabled ? 1 : 0,
      background_enabled: round.backgroundEnabled ? 1 : 0,
      grace_days: round.graceDays,
      questionnaire_version: round.questionnaireVersion,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function findRounds(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, RoundRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('rounds')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, fromRow(row)]));
}

/**
 * For now the single current round: the open round that opened last among those whose dates
 * include today. A round that has not opened yet or whose last day has passed is left out, because
 * every answer a device could start in it would be rejected (ROUND_NOT_OPEN / INVALID_DATE).
 */
export async function findCurrentRound(
  db: Kysely<DB>,
  today: string,
): Promise<{ round: RoundRecord; unitName: string } | undefined> {
  const row = await db
    .selectFrom('rounds')
    .innerJoin('units', 'units.id', 'rounds.unit_id')
    .selectAll('rounds')
    .select('units.name as unit_name')
    .where('rounds.status', '=', 'open')
    .where('rounds.opens_on', '<=', today)
    .where('rounds.closes_on', '>=', today)
    .orderBy('rounds.opens_on', 'desc')
    .orderBy('rounds.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const { unit_name, ...round } = row;
  return { round: fromRow(round), unitName: unit_name };
}
