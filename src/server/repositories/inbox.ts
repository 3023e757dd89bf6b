// Owns the SQL of the sealed inbox (011-sealed-inbox): the round keys (wrapped), the sealed answers
// waiting for their round's release, and the receipts that keep a resend a duplicate after the
// release. What is sealed and how is ../release/seal.ts; when a round is released is
// ../release/release-round.ts. Nothing here writes a time, and the inbox's key is the receipt (a
// keyed hash, random-looking), so rows sit in no order of arrival on SQLite (WITHOUT ROWID).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import type { NewResponse } from '../ingest/types';

export interface InboxRow {
  receipt: string;
  roundId: string;
  unitId: string;
  keyId: string;
  sealed: Uint8Array;
}

const ROWS_PER_STATEMENT = 200;

/** The round's wrapped key, if it has one. */
export async function findRoundKey(
  db: Kysely<DB>,
  roundId: string,
): Promise<{ keyId: string; wrapped: Uint8Array } | undefined> {
  const row = await db
    .selectFrom('round_seal_keys')
    .select(['key_id', 'wrapped'])
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  return row && { keyId: row.key_id, wrapped: row.wrapped };
}

/** Stores a round key unless the round has one already (another process may have been first). */
export async function insertRoundKeyIfAbsent(
  db: Kysely<DB>,
  roundId: string,
  keyId: string,
  wrapped: Uint8Array,
): Promise<void> {
  await db
    .insertInto('round_seal_keys')
    .values({ round_id: roundId, key_id: keyId, wrapped })
    .onConflict((oc) => oc.column('round_id').doNothing())
    .execute();
}

/**
 * PostgreSQL: a shared lock on the round for the ingest transaction (the release takes it
 * exclusively), so no answer is sealed with a key the release is destroying. An advisory lock
 * writes nothing to any row. SQLite writes one transaction at a time anyway.
 */
export async function lockRounds(
  trx: Transaction<DB>,
  database: Database,
  roundIds: readonly string[],
  mode: 'shared' | 'exclusive',
): Promise<void> {
  if (database.dialect !== 'postgres') return;
  for (const id of [...new Set(roundIds)].sort()) {
    if (mode === 'shared') await sql`select pg_advisory_xact_lock_shared(11, hashtext(${id}))`.execute(trx);
    else await sql`select pg_advisory_xact_lock(11, hashtext(${id}))`.execute(trx);
  }
}

/** Inserts sealed rows; returns the receipts really inserted (one already there is left alone). */
export async function insertSealed(trx: Transaction<DB>, rows: readonly InboxRow[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT);
    const out = await trx
      .insertInto('sealed_inbox')
      .values(
        part.map((r) => ({
          receipt: r.receipt,
          round_id: r.roundId,
          unit_id: r.unitId,
          key_id: r.keyId,
          sealed: r.sealed,
        })),
      )
      .onConflict((oc) => oc.column('receipt').doNothing())
      .returning('receipt')
      .execute();
    for (const row of out) inserted.add(row.receipt);
  }
  return inserted;
}

/** Which of these receipts are known: waiting in the inbox or released. */
export async function findReceipts(db: Kysely<DB>, receipts: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < receipts.length; i += ROWS_PER_STATEMENT) {
    const part = receipts.slice(i, i + ROWS_PER_STATEMENT);
    const rows = await db
      .selectFrom('sealed_inbox')
      .select('receipt')
      .where('receipt', 'in', part)
      .unionAll(db.selectFrom('ingest_receipts').select('receipt').where('receipt', 'in', part))
      .execute();
    for (const row of rows) found.add(row.receipt);
  }
  return found;
}

/**
 * Which of these response UUIDs are stored, sealed or released, looked up by their receipts
 * (`receiptOf`: the code hasher's hashReceipt).
 */
export async function findStoredResponses(
  db: Kysely<DB>,
  receiptOf: (responseId: string) => string,
  ids: readonly string[],
): Promise<Set<string>> {
  const receipts = new Map(ids.map((id) => [receiptOf(id), id]));
  const found = await findReceipts(db, [...receipts.keys()]);
  return new Set([...found].map((receipt) => receipts.get(receipt)!));
}

/** The round's sealed rows (in the order of their receipts, which says nothing). */
export async function sealedRowsOfRound(db: Kysely<DB>, roundId: string): Promise<InboxRow[]> {
  const rows = await db
    .selectFrom('sealed_inbox')
    .select(['receipt', 'round_id', 'unit_id', 'key_id', 'sealed'])
    .where('round_id', '=', roundId)
    .orderBy('receipt')
    .execute();
  return rows.map((r) => ({
    receipt: r.receipt,
    roundId: r.round_id,
    unitId: r.unit_id,
    keyId: r.key_id,
    sealed: r.sealed,
  }));
}

/** Keeps the receipts of released answers, in the order given (the caller sorts them). */
export async function insertReceipts(
  trx: Transaction<DB>,
  roundId: string,
  receipts: readonly string[],
): Promise<void> {
  for (let i = 0; i < receipts.length; i += ROWS_PER_STATEMENT) {
    await trx
      .insertInto('ingest_receipts')
      .values(receipts.slice(i, i + ROWS_PER_STATEMENT).map((receipt) => ({ receipt, round_id: roundId })))
      .onConflict((oc) => oc.column('receipt').doNothing())
      .execute();
  }
}

/** Deletes the round's inbox rows and its key. */
export async function destroyInbox(trx: Transaction<DB>, roundId: string): Promise<void> {
  await trx.deleteFrom('sealed_inbox').where('round_id', '=', roundId).execute();
  await trx.deleteFrom('round_seal_keys').where('round_id', '=', roundId).execute();
}

/** Answers waiting per unit of the round (a count only). */
export async function inboxCountsByUnit(db: Kysely<DB>, roundId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('sealed_inbox')
    .select(['unit_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('round_id', '=', roundId)
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

/**
 * Rounds with something sealed. A round's key is stored with its first sealed answer and destroyed
 * with the last (one transaction each), so the key table names them: one row per round, read on
 * every report request, where a DISTINCT over the inbox would walk every waiting answer.
 */
export async function roundsWithSealed(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('round_seal_keys').select('round_id').execute();
  return rows.map((r) => r.round_id);
}

/** One wrapped round key to try the seal key on, and how many sealed rows exist at all. */
export async function sealedSample(
  db: Kysely<DB>,
): Promise<{ rows: number; key?: { roundId: string; keyId: string; wrapped: Uint8Array } }> {
  const count = await db
    .selectFrom('sealed_inbox')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const key = await db
    .selectFrom('round_seal_keys')
    .select(['round_id', 'key_id', 'wrapped'])
    .orderBy('round_id')
    .limit(1)
    .executeTakeFirst();
  return {
    rows: Number(count.n),
    ...(key && { key: { roundId: key.round_id, keyId: key.key_id, wrapped: key.wrapped } }),
  };
}

/** Writes released responses in the order given (the release shuffles them first), many per statement. */
export async function insertReleasedResponses(
  trx: Transaction<DB>,
  responses: readonly NewResponse[],
): Promise<void> {
  for (let i = 0; i < responses.length; i += ROWS_PER_STATEMENT) {
    await trx
      .insertInto('responses')
      .values(
        responses.slice(i, i + ROWS_PER_STATEMENT).map((r) => ({
          id: r.id,
          round_id: r.roundId,
          unit_id: r.unitId,
          questionnaire_version: r.questionnaireVersion,
          answered_on: r.answeredOn,
          answers: JSON.stringify(r.answers),
          background: JSON.stringify(r.background),
          open_text: r.openText,
        })),
      )
      .execute();
  }
}
