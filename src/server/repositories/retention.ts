// Owns the SQL of retention (issue 15): which published rounds have kept their answer rows past
// the municipality's period, deleting those rows (and every other per-answer row of the round)
// under a conditional claim of the round, and deleting old entries of the audit log. What is
// kept is everything a report is made of: the aggregate and background counts, profiles and
// breakdowns, the frame, the codes issued (the response rate's "invited") and the national figures.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

export interface DueRound {
  id: string;
  unitId: string;
  municipalityId: string;
}

/** Published rounds of the municipality published on or before `publishedBy` whose answers are kept. */
export async function roundsDueForAnswerDeletion(
  db: Kysely<DB>,
  municipalityId: string,
  publishedBy: string,
): Promise<DueRound[]> {
  const rows = await db
    .selectFrom('rounds')
    .select(['id', 'unit_id', 'municipality_id'])
    .where('municipality_id', '=', municipalityId)
    .where('status', '=', 'published')
    .where('published_on', 'is not', null)
    .where('published_on', '<=', publishedBy)
    .where('answers_deleted_on', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, municipalityId: r.municipality_id }));
}

/**
 * Marks the round's answers deleted today, only if no one did yet: the one transaction whose
 * update changes the row goes on to delete (on PostgreSQL a second one waits for the row and then
 * finds it marked). False when another run got there first.
 */
export async function claimAnswerDeletion(
  trx: Transaction<DB>,
  roundId: string,
  today: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('rounds')
    .set({ answers_deleted_on: today })
    .where('id', '=', roundId)
    .where('status', '=', 'published')
    .where('answers_deleted_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function sealedCountOfRound(trx: Transaction<DB>, roundId: string): Promise<number> {
  const row = await trx
    .selectFrom('sealed_inbox')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Deletes the round's answer rows and the per-answer traces beside them: the receipts of its
 * released answers and the hashes of its rejected ones. Returns how many answers went.
 */
export async function deleteAnswerRows(trx: Transaction<DB>, roundId: string): Promise<number> {
  const deleted = await trx.deleteFrom('responses').where('round_id', '=', roundId).executeTakeFirst();
  await trx.deleteFrom('ingest_receipts').where('round_id', '=', roundId).execute();
  await trx.deleteFrom('rejected_items').where('round_id', '=', roundId).execute();
  return Number(deleted.numDeletedRows);
}

/** The tables deleteAnswerRows deletes from: the ones whose dead rows retention wipes. */
export const ANSWER_TABLES = ['responses', 'ingest_receipts', 'rejected_items'] as const;

/** The day retention deleted the round's answer rows, or null while they are kept. */
export async function answersDeletedOn(db: Kysely<DB>, roundId: string): Promise<string | null> {
  const row = await db
    .selectFrom('rounds')
    .select('answers_deleted_on')
    .where('id', '=', roundId)
    .executeTakeFirst();
  return row?.answers_deleted_on ?? null;
}

/** Deletes the municipality's audit entries from before `before` ('YYYY-MM-DDTHH:MMZ'); how many. */
export async function deleteAuditEntriesBefore(
  db: Kysely<DB>,
  municipalityId: string,
  before: string,
): Promise<number> {
  const result = await db
    .deleteFrom('audit_log')
    .where('municipality_id', '=', municipalityId)
    .where('at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
