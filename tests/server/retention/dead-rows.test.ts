// The threat model's copy of the database (issue 11, end of docs/domain.md) after retention and
// after a round's deletion (issue 15): the deleted open answers are in neither the SQLite file nor
// its write-ahead log, and PostgreSQL's heap keeps no dead row version of the deleted answers.
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runRetention } from '../../../src/server/retention/schedule';
import { deleteRoundForGood } from '../../../src/server/rounds/delete-round';
import { storeAnswers } from '../support/answers';
import { describeEachDatabase } from '../support/databases';
import { createEnvironment, type TestEnvironment } from '../support/environment';
import { insertRound } from '../../../src/server/repositories/rounds';
import { round } from '../support/fixtures';

const LATER = new Date('2028-02-01T11:00:00Z');
const KEPT_TOO_LONG = 'Gammelt frisvar';
const DELETED_ROUND = 'Slettet frisvar';

describeEachDatabase('what deleted answers leave behind', (dialect) => {
  let env: TestEnvironment;
  let file = '';
  const read = (path: string) => (existsSync(path) ? readFileSync(path).toString('latin1') : '');
  const copy = () => `${read(file)}${read(`${file}-wal`)}`;

  beforeAll(async () => {
    env = await createEnvironment(dialect);
    const db = env.database.kysely;
    for (const [id, mark] of [
      ['dead-old', KEPT_TOO_LONG],
      ['dead-doomed', DELETED_ROUND],
    ] as const) {
      await insertRound(
        db,
        round(id, { status: 'published', opensOn: '2026-01-10', closesOn: '2026-01-15' }),
      );
      await storeAnswers(
        env.database,
        { roundId: id, unitId: 'unit' },
        12,
        () => 4,
        (i) => `${mark} ${i}`,
      );
    }
    if (dialect === 'sqlite') {
      file = (await sql<{ file: string }>`pragma database_list`.execute(db)).rows[0]!.file;
      expect(copy()).toContain(KEPT_TOO_LONG);
      expect(copy()).toContain(DELETED_ROUND);
    }
    expect((await runRetention(env.database, LATER)).rounds.map((r) => r.roundId).sort()).toEqual([
      'dead-doomed',
      'dead-old',
    ]);
    // The second round's answers would be gone by retention too; put them back to delete the round.
    await db
      .updateTable('rounds')
      .set({ answers_deleted_on: null })
      .where('id', '=', 'dead-doomed')
      .execute();
    await storeAnswers(
      env.database,
      { roundId: 'dead-doomed', unitId: 'unit' },
      12,
      () => 4,
      (i) => `${DELETED_ROUND} ${i}`,
    );
    if (dialect === 'sqlite') expect(copy()).toContain(DELETED_ROUND);
    await deleteRoundForGood(
      env.database,
      { userId: 'nobody', municipalityId: 'm1' },
      'dead-doomed',
      'dead-doomed',
      LATER,
    );
  });
  afterAll(() => env.dispose());

  if (dialect === 'sqlite')
    it('leaves the texts in neither the database file nor the write-ahead log', () => {
      expect(copy().includes(KEPT_TOO_LONG)).toBe(false);
      expect(copy().includes(DELETED_ROUND)).toBe(false);
    });

  if (dialect === 'postgres')
    it('leaves no dead row version of the answers', async () => {
      const db = env.database.kysely;
      const schema = env.testDb.postgres!.schema;
      const existing = await sql<{
        nspname: string;
      }>`select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pgstattuple'`.execute(
        db,
      );
      let where = existing.rows[0]?.nspname;
      if (where === undefined) {
        await sql`create extension if not exists pgstattuple schema ${sql.id(schema)}`.execute(db);
        where = schema;
      }
      for (const table of ['responses', 'rounds']) {
        const stat = await sql<{
          dead_tuple_count: string;
        }>`select dead_tuple_count from ${sql.id(where)}.pgstattuple(${`${schema}.${table}`}::regclass)`.execute(
          db,
        );
        expect(Number(stat.rows[0]!.dead_tuple_count), table).toBe(0);
      }
    });

  it('leaves no answer row of either round', async () => {
    const rows = await env.database.kysely
      .selectFrom('responses')
      .select('open_text')
      .where('round_id', 'in', ['dead-old', 'dead-doomed'])
      .execute();
    expect(rows).toEqual([]);
  });
});
