// Adds newly stored responses to the pre-aggregated counts, inside the caller's transaction: the
// deltas are worked out here (aggregate.ts, with the background questions of each version) and the
// repository only writes them. The ingest and the demo seed both count through this one function.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { findQuestionnaires } from '../repositories/questionnaires';
import { addAggregateDeltas } from '../repositories/responses';
import { aggregateDeltas, type BackgroundQuestionIds } from './aggregate';
import type { NewResponse } from './types';

/** The background questions of the versions whose responses answered the background part. */
async function backgroundQuestionIds(
  trx: Transaction<DB>,
  stored: readonly NewResponse[],
): Promise<BackgroundQuestionIds> {
  const versions = stored
    .filter((r) => Object.keys(r.background).length > 0)
    .map((r) => r.questionnaireVersion);
  const questionnaires = await findQuestionnaires(trx, versions);
  return new Map([...questionnaires].map(([version, q]) => [version, q.background.map((b) => b.id)]));
}

export async function addToAggregates(trx: Transaction<DB>, stored: readonly NewResponse[]): Promise<void> {
  await addAggregateDeltas(trx, aggregateDeltas(stored, await backgroundQuestionIds(trx, stored)));
}
