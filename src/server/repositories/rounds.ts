// Owns every read and write of the rounds table, with the one row mapper: dates stay Oslo calendar
// text, flags go through ./columns. No rule lives here: what may change when, the defaults and the
// transitions are ../rounds/.
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../db/schema';
import type { RoundStatus, RoundsTable } from '../db/tables/rounds';
import { fromFlag, toFlag } from './columns';
import { inboxCountsByUnit } from './inbox';
import { freezeFrame } from './round-frames';
import type { Language } from '../../shared/languages';
import { LANGUAGES } from '../../shared/languages';
import { openAnswerThresholdFor, type RoundNames } from '../../shared/rounds';

/** A round as the server holds it; what seeds and tests write. */
export interface RoundRecord {
  id: string;
  municipalityId: string;
  unitId: string;
  /** The name in defaultLanguage. */
  name: string;
  /** The name in other languages (none when left out). */
  names?: RoundNames;
  opensOn: string;
  closesOn: string;
  status: RoundStatus;
  defaultLanguage: Language;
  threshold: number;
  openQuestionEnabled: boolean;
  backgroundEnabled: boolean;
  /** Open answers only for groups at least this big; left out, the default (never below threshold). */
  openAnswerThreshold?: number;
  graceDays: number;
  questionnaireVersion: string;
}

/** A round read back: also the day it was made (null for rounds from before migration 003). */
export interface StoredRound extends RoundRecord {
  names: RoundNames;
  openAnswerThreshold: number;
  createdOn: string | null;
  /** The Oslo day it was published (018; the closing day for rounds published before), or null. */
  publishedOn: string | null;
  /** The day retention deleted its answer rows, or null. */
  answersDeletedOn: string | null;
}

/** The stored JSON object of names, keeping only languages the product speaks and non-empty text. */
function namesFromColumn(text: string | null | undefined): RoundNames {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '{}');
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const names: RoundNames = {};
  for (const language of LANGUAGES) {
    const value = (parsed as Record<string, unknown>)[language];
    if (typeof value === 'string' && value.trim() !== '') names[language] = value;
  }
  return names;
}

const namesToColumn = (names: RoundNames | undefined): string | undefined =>
  names === undefined ? undefined : JSON.stringify(names);

function fromRow(row: Selectable<RoundsTable>): StoredRound {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    unitId: row.unit_id,
    name: row.name,
    names: namesFromColumn(row.name_translations),
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    status: row.status,
    defaultLanguage: row.default_language,
    threshold: Number(row.threshold),
    openQuestionEnabled: fromFlag(row.open_question_enabled),
    backgroundEnabled: fromFlag(row.background_enabled),
    openAnswerThreshold: Number(row.open_answer_threshold),
    graceDays: Number(row.grace_days),
    questionnaireVersion: row.questionnaire_version,
    createdOn: row.created_on,
    publishedOn: row.published_on,
    answersDeletedOn: row.answers_deleted_on,
  };
}

/**
 * Writes the round unless its id exists (so a seed can run twice). A round written already open,
 * closed or published (a seed, a test) gets its frame from the tree as it stands, as if it had
 * just opened: every round past draft has one.
 */
export async function insertRound(
  db: Kysely<DB>,
  round: RoundRecord & { createdOn?: string | null },
): Promise<void> {
  const openAnswerThreshold = round.openAnswerThreshold ?? openAnswerThresholdFor(round.threshold);
  const inserted = await db
    .insertInto('rounds')
    .values({
      id: round.id,
      municipality_id: round.municipalityId,
      unit_id: round.unitId,
      name: round.name,
      name_translations: namesToColumn(round.names) ?? '{}',
      opens_on: round.opensOn,
      closes_on: round.closesOn,
      status: round.status,
      default_language: round.defaultLanguage,
      threshold: round.threshold,
      open_question_enabled: toFlag(round.openQuestionEnabled),
      background_enabled: toFlag(round.backgroundEnabled),
      open_answer_threshold: openAnswerThreshold,
      grace_days: round.graceDays,
      questionnaire_version: round.questionnaireVersion,
      created_on: round.createdOn ?? null,
      // A round written already published (a seed, a test) counts from its close, as migration 018.
      published_on: round.status === 'published' ? round.closesOn : null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (round.status !== 'draft' && Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
    await freezeFrame(db, { ...round, openAnswerThreshold });
  }
}

export async function findRounds(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, StoredRound>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('rounds')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, fromRow(row)]));
}

/** The round, only if it belongs to the municipality. */
export async function findRound(
  db: Kysely<DB>,
  municipalityId: string,
  id: string,
): Promise<StoredRound | undefined> {
  const row = await db
    .selectFrom('rounds')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && fromRow(row);
}

/** Newest first. */
export async function listRounds(db: Kysely<DB>, municipalityId: string): Promise<StoredRound[]> {
  const rows = await db
    .selectFrom('rounds')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('opens_on', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(fromRow);
}

export type RoundChanges = Partial<Omit<RoundRecord, 'id' | 'municipalityId' | 'status'>> & {
  /** YYYY-MM-DD: set by the publish transition (018); retention counts from it. */
  publishedOn?: string;
};

function toColumns(changes: RoundChanges): Updateable<RoundsTable> {
  const columns: Updateable<RoundsTable> = {
    name: changes.name,
    name_translations: namesToColumn(changes.names),
    unit_id: changes.unitId,
    opens_on: changes.opensOn,
    closes_on: changes.closesOn,
    default_language: changes.defaultLanguage,
    threshold: changes.threshold,
    open_question_enabled: toFlag(changes.openQuestionEnabled),
    background_enabled: toFlag(changes.backgroundEnabled),
    open_answer_threshold: changes.openAnswerThreshold,
    grace_days: changes.graceDays,
    questionnaire_version: changes.questionnaireVersion,
    published_on: changes.publishedOn,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

/** Applies the changes only while the round is still in `expectedStatus` (a lost race changes nothing). */
export async function updateRound(
  db: Kysely<DB>,
  id: string,
  expectedStatus: RoundStatus,
  changes: RoundChanges,
  nextStatus?: RoundStatus,
): Promise<boolean> {
  const result = await db
    .updateTable('rounds')
    .set({ ...toColumns(changes), ...(nextStatus && { status: nextStatus }) })
    .where('id', '=', id)
    .where('status', '=', expectedStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Every round open today, newest first, of one municipality (or of the whole instance when none is
 * named): several may be open at once, and a device offers all of its municipality's.
 */
export async function findOpenRounds(
  db: Kysely<DB>,
  today: string,
  municipalityId?: string,
): Promise<{ round: StoredRound; unitName: string }[]> {
  let query = db
    .selectFrom('rounds')
    .innerJoin('units', 'units.id', 'rounds.unit_id')
    .selectAll('rounds')
    .select('units.name as unit_name')
    .where('rounds.status', '=', 'open')
    .where('rounds.opens_on', '<=', today)
    .where('rounds.closes_on', '>=', today);
  if (municipalityId !== undefined) query = query.where('rounds.municipality_id', '=', municipalityId);
  const rows = await query.orderBy('rounds.opens_on', 'desc').orderBy('rounds.id', 'desc').execute();
  return rows.map(({ unit_name, ...round }) => ({ round: fromRow(round), unitName: unit_name }));
}

/**
 * Answers taken per unit of the round: released ones from the pre-aggregated totals, and those
 * still sealed in the inbox (../release/), counted, never opened.
 */
export async function answeredByUnit(db: Kysely<DB>, roundId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('aggregate_totals')
    .select(['unit_id', 'responses'])
    .where('round_id', '=', roundId)
    .execute();
  const answered = await inboxCountsByUnit(db, roundId);
  for (const r of rows) answered.set(r.unit_id, (answered.get(r.unit_id) ?? 0) + Number(r.responses));
  return answered;
}

// ---- The rounds a report is about or compares with ----------------------------------------------

/** Rounds of one municipality that may have a report (closed or published), newest first. */
export async function reportableRoundIds(db: Kysely<DB>, municipalityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('rounds')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('status', 'in', ['closed', 'published'])
    .orderBy('opens_on', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The published rounds of every municipality on this server that opened in `year`. */
export async function publishedRoundIdsOfYear(db: Kysely<DB>, year: number): Promise<string[]> {
  const rows = await db
    .selectFrom('rounds')
    .select('id')
    .where('status', '=', 'published')
    .where('opens_on', '>=', `${year}-01-01`)
    .where('opens_on', '<=', `${year}-12-31`)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The unit's previous published round: of the same municipality, opened before `round`, and with
 * the unit in its frozen frame (so today's tree does not decide it). The latest such round.
 */
export async function previousRoundId(
  db: Kysely<DB>,
  round: Pick<RoundRecord, 'municipalityId' | 'opensOn'>,
  unitId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('rounds')
    .innerJoin('round_frame_units', 'round_frame_units.round_id', 'rounds.id')
    .select('rounds.id')
    .where('round_frame_units.unit_id', '=', unitId)
    .where('rounds.municipality_id', '=', round.municipalityId)
    .where('rounds.status', '=', 'published')
    .where('rounds.opens_on', '<', round.opensOn)
    .orderBy('rounds.opens_on', 'desc')
    .orderBy('rounds.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}
