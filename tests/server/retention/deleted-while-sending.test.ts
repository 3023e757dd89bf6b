// A round deleted for good (issue 15) while a batch of its answers was being checked: the ingest
// reads the rounds again under the round's lock (which the deletion takes exclusively), answers
// the items UNKNOWN_ROUND and stores and counts nothing, instead of failing on the foreign keys
// of a round that is gone.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storeBatch } from '../../../src/server/ingest/store-batch';
import { PROCESS_SEAL_KEY } from '../../../src/server/release/seal-key';
import { describeEachDatabase } from '../support/databases';
import { createEnvironment, type TestEnvironment } from '../support/environment';
import { QUESTIONNAIRE, TEST_CODE_HASHER, TODAY } from '../support/fixtures';

describeEachDatabase('an answer to a round deleted meanwhile', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
  });
  afterAll(() => env.dispose());

  it('is refused as UNKNOWN_ROUND, and nothing is sealed or counted', async () => {
    const gone = 'round-deleted-meanwhile';
    const place = { roundId: gone, unitId: 'dept', keepUntil: '2026-12-31' };
    const { outcomes } = await storeBatch(
      env.database,
      TEST_CODE_HASHER,
      [
        {
          response: {
            id: randomUUID(),
            roundId: gone,
            unitId: 'dept',
            questionnaireVersion: QUESTIONNAIRE.version,
            answeredOn: TODAY,
            answers: { s1: 3, s2: null, s3: 4 },
            background: {},
            openText: null,
          },
          wayIn: { kind: 'kiosk', revoked: false },
          place,
        },
      ],
      {
        today: TODAY,
        rejected: [{ id: randomUUID(), place, reason: 'INVALID_RESPONSE', storedId: undefined }],
        sealKey: PROCESS_SEAL_KEY,
      },
    );
    expect(outcomes).toEqual([
      { status: 'rejected', code: 'UNKNOWN_ROUND', message: expect.any(String) as string },
    ]);
    const db = env.database.kysely;
    for (const table of ['sealed_inbox', 'round_seal_keys', 'rejected_counts', 'rejected_items'] as const) {
      const rows = await db.selectFrom(table).selectAll().where('round_id', '=', gone).execute();
      expect({ table, rows }).toEqual({ table, rows: [] });
    }
  });
});
