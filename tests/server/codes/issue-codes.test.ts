import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueCodes } from '../../../src/server/codes/issue-codes';
import type { RandomBytes } from '../../../src/shared/codes';
import { seededBytes } from '../../support/seed';
import { describeEachDatabase } from '../support/databases';
import { createEnvironment, type TestEnvironment } from '../support/environment';
import { TEST_CODE_HASHER } from '../support/fixtures';

/** Zero bytes on the first call (always the same code), then the seeded stream. */
function sameCodeFirst(label: string): RandomBytes {
  const rest = seededBytes(label);
  let first = true;
  return (n) => {
    if (!first) return rest(n);
    first = false;
    return new Uint8Array(n);
  };
}

describeEachDatabase('issuing codes', (dialect) => {
  let env: TestEnvironment;
  const target = { roundId: 'round-open', unitId: 'dept', municipalityId: 'm1' };
  beforeAll(async () => {
    env = await createEnvironment(dialect, { seed: true });
  });
  afterAll(() => env.dispose());

  it('draws again when a code is already on the server, and stores only keyed hashes', async () => {
    const db = env.database.kysely;
    const stored = async () =>
      (await db.selectFrom('one_time_codes').select('code_hash').execute()).map((r) => r.code_hash);
    const before = new Set(await stored());
    const [first] = await issueCodes(db, TEST_CODE_HASHER, sameCodeFirst('issue-a'), target, 1);
    const [second] = await issueCodes(db, TEST_CODE_HASHER, sameCodeFirst('issue-b'), target, 1);
    expect(second).not.toBe(first);
    const added = (await stored()).filter((hash) => !before.has(hash)).sort();
    expect(added).toEqual([TEST_CODE_HASHER.hashCode(first!), TEST_CODE_HASHER.hashCode(second!)].sort());
  });
});
