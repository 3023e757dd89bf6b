// Owns reading the pre-aggregated counts reports are computed from (aggregate_counts,
// aggregate_totals, background_counts, background_totals, background_profiles): rows as stored,
// for a set of rounds, in one query per kind however many units or rounds there are. Reads only;
// the counts are written with the responses (./responses.ts), cached by ../reports/count-cache.ts
// and assembled into a round's figures by ../reports/round-data.ts.
import { sql, type Kysely } from 'kysely';
import type { Database, DialectName } from '../db/database';
import type { DB } from '../db/schema';

/**
 * The counts of a group as one text, aggregated in the database: a line "value count statement-id"
 * per stored count. A report reads tens of thousands of counts; handing them over as rows, or as a
 * JSON document built in the database, costs several times more than one text per unit to split.
 * Statement ids hold no line break (questionnaire-import.ts allows letters, digits, '.', '_', '-').
 * The only SQL here that differs between the dialects.
 */
function countEntries(dialect: DialectName) {
  return dialect === 'sqlite'
    ? sql<string>`group_concat(value || ' ' || count || ' ' || statement_id, char(10))`
    : sql<string>`string_agg(value || ' ' || count || ' ' || statement_id, E'\n')`;
}

/**
 * Adds the counts of one aggregated text (see countEntries) to `into`, one array of six per
 * statement id (index = value); a value outside 0..5 is left out. Returns `into`.
 */
export function addEntries(into: Record<string, number[]>, entries: string): Record<string, number[]> {
  for (const line of entries.split('\n')) {
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    if (a < 1 || b < 0) continue;
    const value = Number(line.slice(0, a));
    if (!(value >= 0 && value <= 5)) continue;
    const values = (into[line.slice(b + 1)] ??= [0, 0, 0, 0, 0, 0]);
    values[value] = (values[value] ?? 0) + Number(line.slice(a + 1, b));
  }
  return into;
}

/** Per round and unit, its statement counts as one text (see countEntries, addEntries). */
export function countRows(database: Database, roundIds: readonly string[]) {
  return database.kysely
    .selectFrom('aggregate_counts')
    .select(['round_id', 'unit_id', countEntries(database.dialect).as('entries')])
    .where('round_id', 'in', [...roundIds])
    .groupBy(['round_id', 'unit_id'])
    .execute();
}

/** Which of the rounds have any released answer stored. */
export async function roundsWithAnswers(db: Kysely<DB>, roundIds: readonly string[]): Promise<Set<string>> {
  if (roundIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('aggregate_totals')
    .select('round_id')
    .distinct()
    .where('round_id', 'in', [...roundIds])
    .where('responses', '>', 0)
    .execute();
  return new Set(rows.map((r) => r.round_id));
}

/** Per round and unit, how many responses are stored on the unit itself. */
export function totalRows(db: Kysely<DB>, roundIds: readonly string[]) {
  return db
    .selectFrom('aggregate_totals')
    .select(['round_id', 'unit_id', 'responses'])
    .where('round_id', 'in', [...roundIds])
    .execute();
}

/**
 * The background groups of the rounds: counts (as JSON documents) and totals per option, and per
 * unit how many of its own responses gave each background profile (migration 010).
 */
export async function backgroundRows(database: Database, roundIds: readonly string[]) {
  const db = database.kysely;
  const counts = await db
    .selectFrom('background_counts')
    .select(['round_id', 'question_id', 'option_value', countEntries(database.dialect).as('entries')])
    .where('round_id', 'in', [...roundIds])
    .groupBy(['round_id', 'question_id', 'option_value'])
    .execute();
  const totals = await db
    .selectFrom('background_totals')
    .select(['round_id', 'question_id', 'option_value', 'responses'])
    .where('round_id', 'in', [...roundIds])
    .execute();
  const profiles = await db
    .selectFrom('background_profiles')
    .select(['round_id', 'unit_id', 'profile', 'responses'])
    .where('round_id', 'in', [...roundIds])
    .execute();
  return { counts, totals, profiles };
}

export type CountRows = Awaited<ReturnType<typeof countRows>>;
export type TotalRows = Awaited<ReturnType<typeof totalRows>>;
export type BackgroundRows = Awaited<ReturnType<typeof backgroundRows>>;
