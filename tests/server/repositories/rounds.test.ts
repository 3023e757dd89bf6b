import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  findRound,
  findRounds,
  insertRound,
  listRounds,
  updateRound,
} from '../../../src/server/repositories/rounds';
import { describeEachDatabase } from '../support/databases';
import { createEnvironment, type TestEnvironment } from '../support/environment';
import { round } from '../support/fixtures';

describeEachDatabase('the rounds repository', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
  });
  afterAll(() => env.dispose());

  it('reads back what it wrote, flags as booleans, numbers as numbers and names as an object, on either dialect', async () => {
    const db = env.database.kysely;
    const written = round('repo-flags', {
      status: 'draft',
      openQuestionEnabled: false,
      backgroundEnabled: true,
      threshold: 4,
      graceDays: 0,
      // The names in other languages round-trip through their JSON column.
      names: { nn: 'Rundenamn', en: 'Round name' },
    });
    await insertRound(db, { ...written, createdOn: '2026-03-10' });
    const read = await findRound(db, 'm1', 'repo-flags');
    // A draft: not published, so nothing for retention to have deleted either.
    expect(read).toEqual({ ...written, createdOn: '2026-03-10', publishedOn: null, answersDeletedOn: null });
    expect((await findRounds(db, ['repo-flags'])).get('repo-flags')).toEqual(read);
    expect((await listRounds(db, 'm1')).find((r) => r.id === 'repo-flags')).toEqual(read);
    // A round of another municipality is not found through this one.
    expect(await findRound(db, 'm2', 'repo-flags')).toBeUndefined();
  });

  it('changes a round only while it is still in the state the caller read', async () => {
    const db = env.database.kysely;
    await insertRound(db, round('repo-race', { status: 'draft', openQuestionEnabled: false }));
    expect(await updateRound(db, 'repo-race', 'draft', { openQuestionEnabled: true }, 'open')).toBe(true);
    // The second writer read 'draft' too: it changes nothing.
    expect(await updateRound(db, 'repo-race', 'draft', { name: 'late' })).toBe(false);
    expect(await findRound(db, 'm1', 'repo-race')).toMatchObject({
      status: 'open',
      openQuestionEnabled: true,
      name: 'repo-race',
      createdOn: null,
    });
  });
});
