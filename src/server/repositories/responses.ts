// Owns writing aggregate counts, and single responses for the demo seed and the benches. Answers
// that arrive are sealed by the ingest and written as responses by their round's release
// (../release/release-round.ts, ./inbox.ts), which adds them here to the counts in the same
// transaction; a resent answer is known by its receipt and never counted twice. Stored rows are
// never updated. What the counts go up by is the ingest's business (../ingest/aggregate.ts); this
// module only adds the deltas it is given.
import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import type { AggregateDeltas, NewResponse } from '../ingest/types';

/** Keeps each statement well under SQLite's and PostgreSQL's bound-parameter limits. */
const ROWS_PER_STATEMENT = 500;
/** PostgreSQL deadlock and serialization failures: the whole batch is safe to run again. */
const RETRYABLE_CODES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** Inserts one response unless its UUID is stored already; true when it was new. */
export async function insertResponse(trx: Transaction<DB>, r: NewResponse): Promise<boolean> {
  const row = await trx
    .insertInto('responses')
    .values({
      id: r.id,
      round_id: r.roundId,
      unit_id: r.unitId,
      questionnaire_version: r.questionnaireVersion,
      answered_on: r.answeredOn,
      answers: JSON.stringify(r.answers),
      background: JSON.stringify(r.background),
      open_text: r.openText,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Adds the deltas to the pre-aggregated counts, in the caller's transaction: per unit, per
 * background group of the whole round, and per unit and background profile. Keys are written in the order given (see aggregate.ts).
 */
export async function addAggregateDeltas(trx: Transaction<DB>, deltas: AggregateDeltas): Promise<void> {
  const { counts, totals } = deltas;
  for (const part of chunks(counts, ROWS_PER_STATEMENT)) {
    await trx
      .insertInto('aggregate_counts')
      .values(
        part.map((c) => ({
          round_id: c.roundId,
          unit_id: c.unitId,
          statement_id: c.statementId,
          value: c.value,
          count: c.count,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['round_id', 'unit_id', 'statement_id', 'value'])
          .doUpdateSet((eb) => ({ count: eb('aggregate_counts.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
  }
  for (const part of chunks(totals, ROWS_PER_STATEMENT)) {
    await trx
      .insertInto('aggregate_totals')
      .values(part.map((t) => ({ round_id: t.roundId, unit_id: t.unitId, responses: t.responses })))
      .onConflict((oc) =>
        oc.columns(['round_id', 'unit_id']).doUpdateSet((eb) => ({
          responses: eb('aggregate_totals.responses', '+', eb.ref('excluded.responses')),
        })),
      )
      .execute();
  }
  await addToBackgroundAggregates(trx, deltas);
}

async function addToBackgroundAggregates(
  trx: Transaction<DB>,
  { backgroundCounts, backgroundTotals, backgroundProfiles }: AggregateDeltas,
): Promise<void> {
  for (const part of chunks(backgroundProfiles, ROWS_PER_STATEMENT)) {
    await trx
      .insertInto('background_profiles')
      .values(
        part.map((p) => ({
          round_id: p.roundId,
          unit_id: p.unitId,
          profile: p.profile,
          responses: p.responses,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['round_id', 'unit_id', 'profile']).doUpdateSet((eb) => ({
          responses: eb('background_profiles.responses', '+', eb.ref('excluded.responses')),
        })),
      )
      .execute();
  }
  for (const part of chunks(backgroundCounts, ROWS_PER_STATEMENT)) {
    await trx
      .insertInto('background_counts')
      .values(
        part.map((c) => ({
          round_id: c.roundId,
          question_id: c.questionId,
          option_value: c.optionValue,
          statement_id: c.statementId,
          value: c.value,
          count: c.count,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['round_id', 'question_id', 'option_value', 'statement_id', 'value'])
          .doUpdateSet((eb) => ({ count: eb('background_counts.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
  }
  for (const part of chunks(backgroundTotals, ROWS_PER_STATEMENT)) {
    await trx
      .insertInto('background_totals')
      .values(
        part.map((t) => ({
          round_id: t.roundId,
          question_id: t.questionId,
          option_value: t.optionValue,
          responses: t.responses,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['round_id', 'question_id', 'option_value']).doUpdateSet((eb) => ({
          responses: eb('background_totals.responses', '+', eb.ref('excluded.responses')),
        })),
      )
      .execute();
  }
}

/**
 * Runs `work` in one transaction, again (up to 3 times) when PostgreSQL reports a deadlock or a
 * serialization failure: the whole batch is then safe to run again.
 */
export async function inRetriedTransaction<T>(
  database: Database,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.kysely.transaction().execute(work);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= MAX_ATTEMPTS || typeof code !== 'string' || !RETRYABLE_CODES.has(code)) throw error;
    }
  }
}
