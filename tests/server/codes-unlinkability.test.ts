// After 50 answers with codes and their round's release, nothing in the database pairs a code with
// its answer: no shared key or value, no column or row order that follows the order they were
// used, no timestamp, and on PostgreSQL not even the bookkeeping SQL can read (xmin, the physical
// order of a plain SELECT). The answers waited sealed in the inbox and were released together in
// random order under new ids (src/server/release/). tests/server/sealed-inbox-inspection.test.ts
// looks at the files, the WAL and dead rows as well.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueCodes } from '../../src/server/codes/issue-codes';
import type { IngestResponse } from '../../src/shared/api/respondent';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { batch, ROUNDS, TEST_CODE_HASHER, validResponse } from './support/fixtures';
import { REPLAY, seededBytes, seededShuffle, seededUuid } from '../support/seed';
import { releaseAll } from './support/release';

const ANSWERS = 50;

/**
 * How often, walking `scanned`, the next item was used later than the one before it: about 0.5
 * when the two orders are unrelated (sd ≈ 0.07 for 50 items), close to 1 when `scanned` follows
 * the order of use, even if only within each database page.
 *
 * What the orders are drawn from (the codes, the order they are used in, the response ids) comes
 * from one fixed seed (../support/seed.ts), so the statistic is the same on every run and the
 * bound is a fixed verdict, not a test that fails by chance once in a few thousand runs. With
 * another TEST_SEED, unrelated orders pass 0.75 with probability about 2·10⁻⁴ per check.
 */
function followsOrder(scanned: readonly string[], order: readonly string[]): number {
  const at = new Map(order.map((item, i) => [item, i]));
  let rising = 0;
  for (let i = 1; i < scanned.length; i++) if (at.get(scanned[i]!)! > at.get(scanned[i - 1]!)!) rising++;
  return rising / (scanned.length - 1);
}

describeEachDatabase('unlinkable codes and answers', (dialect) => {
  let env: TestEnvironment;
  /** response id → the hash of the code it used, in the order they were sent. */
  const used: { responseId: string; codeHash: string }[] = [];
  beforeAll(async () => {
    env = await createEnvironment(dialect, { seed: true });
    const db = env.database.kysely;
    // Fresh codes in a round of their own, so the fixture pools do not blur the picture.
    await db
      .insertInto('rounds')
      .values({
        id: 'round-linkage',
        municipality_id: 'm1',
        unit_id: 'unit',
        name: 'Lenketest',
        opens_on: ROUNDS.open.opensOn,
        closes_on: ROUNDS.open.closesOn,
        status: 'open',
        default_language: 'nb',
        questionnaire_version: ROUNDS.open.questionnaireVersion,
        open_question_enabled: 1,
        background_enabled: 1,
        created_on: '2026-03-01',
      })
      .execute();
    const target = { roundId: 'round-linkage', unitId: 'dept', municipalityId: 'm1' };
    const issued = await issueCodes(db, TEST_CODE_HASHER, seededBytes('linkage-codes'), target, ANSWERS + 10);
    // People answer in no particular order of the slips they were handed.
    const codes = seededShuffle(issued, 'linkage-order');
    const ids = seededBytes('linkage-response-ids');
    // One answer at a time, as phones send them, each with varied answers.
    for (let i = 0; i < ANSWERS; i++) {
      const item = validResponse({
        id: seededUuid(ids),
        roundId: 'round-linkage',
        code: codes[i],
        answers: { s1: (i % 5) + 1, s2: ((i * 3) % 5) + 1, s3: i % 7 === 0 ? null : ((i * 2) % 5) + 1 },
        // What the test knows and the database must not tell: which answer came when.
        openText: `Svar nummer ${i}`,
      });
      const res = await env.app.inject({ method: 'POST', url: '/api/v1/responses', payload: batch([item]) });
      expect(res.json<IngestResponse>().results[0]!.status).toBe('accepted');
      used.push({ responseId: item.id, codeHash: TEST_CODE_HASHER.hashCode(codes[i]!) });
    }
    await releaseAll(env.database);
  });
  afterAll(() => env.dispose());

  it('gives the code table no timestamp, sequence or reference, and the response table no code', async () => {
    // On PostgreSQL the introspection sees every schema; other test files run side by side in theirs.
    const schema =
      dialect === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(env.database.kysely)).rows[0]?.s
        : undefined;
    const tables = (await env.database.kysely.introspection.getTables()).filter((t) => t.schema === schema);
    const columns = (name: string) =>
      tables
        .filter((t) => t.name === name)
        .flatMap((t) => t.columns)
        .map((c) => c.name)
        .sort();
    expect(columns('one_time_codes')).toEqual([
      'code_hash',
      'municipality_id',
      'round_id',
      'unit_id',
      'used',
    ]);
    expect(columns('responses')).not.toContain('code');
    expect(columns('responses')).not.toContain('code_hash');
    for (const t of tables.filter((t) => t.name === 'one_time_codes')) {
      for (const c of t.columns) expect(c.isAutoIncrementing).toBe(false);
    }
    if (dialect === 'sqlite') {
      await expect(sql`select rowid from one_time_codes`.execute(env.database.kysely)).rejects.toThrow(
        /rowid/,
      );
    }
  });

  it('shares no value between a used code and its answer anywhere in the database', async () => {
    const db = env.database.kysely;
    const codeRows = JSON.stringify(await db.selectFrom('one_time_codes').selectAll().execute());
    const everythingButCodes: string[] = [];
    const names = new Set((await db.introspection.getTables()).map((t) => t.name));
    for (const name of names) {
      if (name === 'one_time_codes' || name.startsWith('kysely_')) continue;
      everythingButCodes.push(
        JSON.stringify(
          await db
            .selectFrom(name as 'units')
            .selectAll()
            .execute(),
        ),
      );
    }
    const rest = everythingButCodes.join('\n');
    for (const { responseId, codeHash } of used) {
      expect(rest).not.toContain(codeHash);
      expect(codeRows).not.toContain(responseId);
      // The client's UUID is kept nowhere, not even as the released response's id.
      expect(rest).not.toContain(responseId);
    }
  });

  it('keeps used codes in an order unrelated to the order they were used, or to the answers', async () => {
    const db = env.database.kysely;
    // No ORDER BY: what a plain SELECT gives back, i.e. the physical order.
    const codeScan = (
      await sql<{
        code_hash: string;
      }>`select code_hash from one_time_codes where round_id = 'round-linkage' and used = 1`.execute(db)
    ).rows.map((r) => r.code_hash);
    const responseScan = (
      await sql<{
        open_text: string;
      }>`select open_text from responses where round_id = 'round-linkage'`.execute(db)
    ).rows.map((r) => r.open_text);
    expect(codeScan).toHaveLength(ANSWERS);
    expect(responseScan).toHaveLength(ANSWERS);
    const usedOrder = used.map((u) => u.codeHash);
    // The answer numbered i used the i-th code.
    const answersInScanOrder = responseScan.map((text) => used[Number(text.split(' ')[2])]!.codeHash);
    // 0.75 lies 3.5 standard deviations above what unrelated orders give. The release shuffles
    // with the crypto generator, not the seed: for the responses' order, 0.85 (five sd) is the bound.
    expect(followsOrder(codeScan, usedOrder), REPLAY).toBeLessThan(0.75);
    expect(followsOrder(answersInScanOrder, usedOrder), REPLAY).toBeLessThan(0.85);
    const orderedByKey = (
      await db
        .selectFrom('one_time_codes')
        .select('code_hash')
        .where('round_id', '=', 'round-linkage')
        .where('used', '=', 1)
        .orderBy('code_hash')
        .execute()
    ).map((r) => r.code_hash);
    expect(followsOrder(orderedByKey, usedOrder), REPLAY).toBeLessThan(0.75);
  });

  // xmin is PostgreSQL's; SQLite has no row versions to pair, so the case exists there only.
  if (dialect === 'postgres')
    it('leaves no transaction id that tells a used code or an answer from another (PostgreSQL xmin)', async () => {
      const db = env.database.kysely;
      const codeXmins = (
        await sql<{
          x: string;
        }>`select xmin::text as x from one_time_codes where round_id = 'round-linkage' and used = 1`.execute(
          db,
        )
      ).rows.map((r) => r.x);
      const responseXmins = new Set(
        (
          await sql<{
            x: string;
          }>`select xmin::text as x from responses where round_id = 'round-linkage'`.execute(db)
        ).rows.map((r) => r.x),
      );
      // Released together: the release wrote every answer and, anew, every used code of the
      // round in one transaction, so all carry the same xmin and it pairs nothing.
      expect(responseXmins.size).toBe(1);
      expect(codeXmins).toHaveLength(ANSWERS);
      expect(new Set([...codeXmins, ...responseXmins]).size).toBe(1);
    });
});
