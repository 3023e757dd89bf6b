// Municipalities for the national release tests: each with one round of one unit of type kontor,
// published, its answers counted as the release counts them.
import { addToAggregates } from '../../../src/server/ingest/add-to-aggregates';
import type { NewResponse } from '../../../src/server/ingest/types';
import type { Database } from '../../../src/server/db/database';
import { insertReleasedResponses } from '../../../src/server/repositories/inbox';
import { insertMunicipality, insertUnits } from '../../../src/server/repositories/organisation';
import { insertRound } from '../../../src/server/repositories/rounds';
import type { LikertValue } from '../../../src/shared/likert';
import { QUESTIONNAIRE, round } from './fixtures';

let n = 0;

/** A published round of `id` (made on first use) whose office answered `values` on every statement. */
export async function publishedMunicipality(
  database: Database,
  id: string,
  values: number[],
  threshold = 5,
  opensOn = '2026-03-01',
): Promise<string> {
  const db = database.kysely;
  n += 1;
  if (!(await db.selectFrom('municipalities').select('id').where('id', '=', id).executeTakeFirst())) {
    await insertMunicipality(db, { id, name: id, number: String(8000 + n), language: 'nb' });
    await insertUnits(db, [
      { id: `${id}-root`, municipality_id: id, parent_id: null, name: id, unit_type: null },
      {
        id: `${id}-office`,
        municipality_id: id,
        parent_id: `${id}-root`,
        name: 'Kontor',
        unit_type: 'kontor',
      },
    ]);
  }
  const roundId = `${id}-r${n}`;
  await insertRound(db, {
    ...round(roundId, { municipalityId: id, unitId: `${id}-root`, opensOn }),
    threshold,
  });
  const responses = values.map((v): NewResponse => ({
    id: crypto.randomUUID(),
    roundId,
    unitId: `${id}-office`,
    questionnaireVersion: QUESTIONNAIRE.version,
    answeredOn: opensOn,
    answers: { s1: v as LikertValue, s2: v as LikertValue, s3: v as LikertValue },
    background: {},
    openText: null,
  }));
  await db.transaction().execute(async (trx) => {
    await insertReleasedResponses(trx, responses);
    await addToAggregates(trx, responses);
  });
  await db.updateTable('rounds').set({ status: 'published' }).where('id', '=', roundId).execute();
  return roundId;
}
