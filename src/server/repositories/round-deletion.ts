// Owns the SQL of deleting a round for good (issue 15): counting what goes, for the preview, and
// deleting every row that belongs to the round, children before parents so the foreign keys hold
// on both databases. Everything with the round's id goes: answers, sealed answers and their key
// and receipts, every count, profile and breakdown (so its figures and trends go too), its frozen
// frame, codes, tablets and enrolment links, refusal counts, its guessing limits, its progress
// plan, the follow-up plans made on it and the meetings held on it. Audit entries naming the round
// stay (the log outlives what it names), and so do national releases, which hold no round.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

type RoundTable = {
  [T in keyof DB]: 'round_id' extends keyof DB[T] ? T : never;
}[keyof DB];

/** Every table with a round_id, in an order the foreign keys allow deleting in (audit_log aside). */
export const ROUND_TABLES = [
  'responses',
  'aggregate_counts',
  'aggregate_totals',
  'background_counts',
  'background_totals',
  'background_profiles',
  'background_breakdowns',
  'one_time_codes',
  'refused_counts',
  'rejected_counts',
  'rejected_items',
  'kiosk_enrolments',
  'kiosks',
  'sealed_inbox',
  'ingest_receipts',
  'round_seal_keys',
  'round_phases',
  'round_frame_units',
  'round_frames',
] as const satisfies readonly RoundTable[];

async function countWhere(db: Kysely<DB>, table: RoundTable, roundId: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface RoundRowCounts {
  answers: number;
  sealedAnswers: number;
  countedAnswers: number;
  codes: number;
  kiosks: number;
  kioskEnrolments: number;
  plans: number;
  meetings: number;
}

export async function roundRowCounts(db: Kysely<DB>, roundId: string): Promise<RoundRowCounts> {
  const counted = await db
    .selectFrom('aggregate_totals')
    .select((eb) => eb.fn.sum<string | number | null>('responses').as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  return {
    answers: await countWhere(db, 'responses', roundId),
    sealedAnswers: await countWhere(db, 'sealed_inbox', roundId),
    countedAnswers: Number(counted?.n ?? 0),
    codes: await countWhere(db, 'one_time_codes', roundId),
    kiosks: await countWhere(db, 'kiosks', roundId),
    kioskEnrolments: await countWhere(db, 'kiosk_enrolments', roundId),
    plans: await countWhere(db, 'plans', roundId),
    meetings: await countWhere(db, 'meetings', roundId),
  };
}

/** Takes the round's row for the rest of the transaction (PostgreSQL; SQLite has one writer). */
export async function lockRoundRow(trx: Transaction<DB>, usesRowLocks: boolean, roundId: string) {
  const query = trx.selectFrom('rounds').select('id').where('id', '=', roundId);
  return (usesRowLocks ? query.forUpdate() : query).executeTakeFirst();
}

async function deleteMeetings(trx: Transaction<DB>, roundId: string): Promise<void> {
  const meetings = trx.selectFrom('meetings').select('id').where('round_id', '=', roundId);
  for (const table of [
    'meeting_vote_dots',
    'meeting_ballots',
    'meeting_counters',
    'meeting_contributions',
    'meeting_participants',
  ] as const) {
    await trx.deleteFrom(table).where('meeting_id', 'in', meetings).execute();
  }
  await trx.deleteFrom('meetings').where('round_id', '=', roundId).execute();
}

async function deletePlans(trx: Transaction<DB>, roundId: string): Promise<void> {
  const plans = trx.selectFrom('plans').select('id').where('round_id', '=', roundId);
  const reviews = trx.selectFrom('plan_reviews').select('id').where('plan_id', 'in', plans);
  await trx.deleteFrom('plan_review_items').where('review_id', 'in', reviews).execute();
  for (const table of [
    'plan_reviews',
    'plan_measures',
    'plan_goals',
    'plan_public_links',
    'plan_focus_factors',
  ] as const) {
    await trx.deleteFrom(table).where('plan_id', 'in', plans).execute();
  }
  await trx.deleteFrom('plans').where('round_id', '=', roundId).execute();
}

/** Deletes every row of the round and the round itself (see the top of the file). */
export async function deleteRoundRows(trx: Transaction<DB>, roundId: string): Promise<void> {
  await deleteMeetings(trx, roundId);
  await deletePlans(trx, roundId);
  for (const table of ROUND_TABLES) await trx.deleteFrom(table).where('round_id', '=', roundId).execute();
  await trx.deleteFrom('code_guesses').where('scope', '=', `round:${roundId}`).execute();
  await trx.deleteFrom('rounds').where('id', '=', roundId).execute();
}

/** The tables whose dead rows are wiped after a deletion: those that held answers, codes or texts. */
export const WIPED_AFTER_DELETION = [
  'responses',
  'sealed_inbox',
  'round_seal_keys',
  'ingest_receipts',
  'rejected_items',
  'one_time_codes',
  'meeting_contributions',
  'rounds',
] as const satisfies readonly (keyof DB)[];
