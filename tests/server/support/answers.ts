// Answers put straight into the response and aggregate tables, as the release stores them: for
// tests about what reports show, independent of how the ingest gets answers there.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../src/server/db/database';
import { addToAggregates } from '../../../src/server/ingest/add-to-aggregates';
import type { NewResponse } from '../../../src/server/ingest/types';
import { insertResponse } from '../../../src/server/repositories/responses';
import type { LikertValue } from '../../../src/shared/likert';
import { QUESTIONNAIRE, TODAY } from './fixtures';

/** `n` answers stored on the unit as the release would store them (every statement answered `value`). */
export async function storeAnswers(
  database: Database,
  target: { roundId: string; unitId: string },
  n: number,
  value: (i: number) => LikertValue,
  openText?: (i: number) => string | null,
): Promise<void> {
  const responses: NewResponse[] = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    roundId: target.roundId,
    unitId: target.unitId,
    questionnaireVersion: QUESTIONNAIRE.version,
    answeredOn: TODAY,
    answers: Object.fromEntries(QUESTIONNAIRE.statements.map((s) => [s.id, value(i)])),
    background: {},
    openText: openText?.(i) ?? null,
  }));
  await database.kysely.transaction().execute(async (trx) => {
    for (const r of responses) await insertResponse(trx, r);
    await addToAggregates(trx, responses);
  });
}
