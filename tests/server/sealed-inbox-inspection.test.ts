// Inspection of what a copy of the database holds (issue 11's threat model: the database files or a
// backup, with HR's list of who got which code). A scenario of 80 answers with one-time codes and
// 80 from an open kiosk, each sent on its own as they arrive, numbered in the open answer so the
// test knows which came when. Then, on both databases:
// - while the round runs: neither the file nor the SQLite write-ahead log, copied while the server
//   runs, holds any answer or client UUID in the clear (they wait sealed, src/server/release/);
// - after the release: every table dumped holds no client UUID and no code hash outside the code
//   table; the sealed rows and the round key are gone from the file, the WAL and, on PostgreSQL,
//   from the heap (no dead row versions, pgstattuple); the responses carry no arrival order (rank
//   correlation of arrival with the order a plain SELECT, the id or PostgreSQL's ctid gives, and
//   one xmin for all); and pairing the codes (in their stored order or row versions) or the kiosk
//   uses (in the order they happened) with the answers in any stored order does no better than
//   chance (about one right by luck for any ordering).
// The release shuffles with the crypto generator, so the bounds are set far out: |ρ| < 0.5 is five
// standard deviations for 160 answers, and 8 or more right pairs by chance has odds below 1e-5.
import { readFileSync, existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueCodes } from '../../src/server/codes/issue-codes';
import type { IngestResponse, SubmittedResponse } from '../../src/shared/api/respondent';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { batch, kioskHeaders, ROUNDS, TEST_CODE_HASHER, validResponse } from './support/fixtures';
import { releaseAll } from './support/release';
import { REPLAY, seededBytes, seededShuffle, seededUuid } from '../support/seed';

const CODED = 80;
const KIOSK = 80;
const MARK = 'Inspeksjon svar';

/** Spearman's rank correlation of two orderings of the same items. */
function rankCorrelation(a: readonly number[], b: readonly number[]): number {
  const rank = (xs: readonly number[]) => {
    const r = new Map([...xs].sort((x, y) => x - y).map((x, i) => [x, i]));
    return xs.map((x) => r.get(x)!);
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = a.length;
  const d2 = ra.reduce((s, r, i) => s + (r - rb[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/** How many positions of two equally long lists hold the same item: an attacker pairing k with k. */
const rightPairs = (a: readonly string[], b: readonly string[]) => a.filter((x, i) => b[i] === x).length;

describeEachDatabase('what a copy of the database holds', (dialect) => {
  let env: TestEnvironment;
  /** In the order of arrival. */
  const arrivals: { item: SubmittedResponse; codeHash?: string }[] = [];
  let sqliteFile = '';
  const copies: Record<'runningFile' | 'runningWal' | 'releasedFile' | 'releasedWal', Buffer> = {
    runningFile: Buffer.alloc(0),
    runningWal: Buffer.alloc(0),
    releasedFile: Buffer.alloc(0),
    releasedWal: Buffer.alloc(0),
  };
  let sealedBefore: Buffer[] = [];
  const read = (file: string) => (existsSync(file) ? readFileSync(file) : Buffer.alloc(0));

  beforeAll(async () => {
    env = await createEnvironment(dialect);
    const db = env.database.kysely;
    await db.updateTable('units').set({ open_kiosk: 1 }).where('id', '=', 'dept').execute();
    const target = { roundId: ROUNDS.open.id, unitId: 'unit', municipalityId: 'm1' };
    const codes = seededShuffle(
      await issueCodes(db, TEST_CODE_HASHER, seededBytes('inspection-codes'), target, CODED + 20),
      'inspection-order',
    );
    const ids = seededBytes('inspection-ids');
    // Coded and kiosk answers interleaved as people happen to come, one request each.
    const ways = seededShuffle(
      [...Array<string>(CODED).fill('code'), ...Array<string>(KIOSK).fill('kiosk')],
      'ways',
    );
    let nextCode = 0;
    for (const [i, way] of ways.entries()) {
      const answers = { s1: (i % 5) + 1, s2: ((i * 3) % 5) + 1, s3: ((i * 7) % 5) + 1 };
      const item =
        way === 'code'
          ? validResponse({ id: seededUuid(ids), unitId: 'unit', code: codes[nextCode++], answers })
          : validResponse({ id: seededUuid(ids), unitId: 'dept', code: undefined, answers });
      item.openText = `${MARK} ${i}`;
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/v1/responses',
        payload: batch([item]),
        ...(way === 'kiosk' && { headers: kioskHeaders() }),
      });
      expect(res.json<IngestResponse>().results[0]!.status).toBe('accepted');
      arrivals.push({
        item,
        ...(item.code !== undefined && { codeHash: TEST_CODE_HASHER.hashCode(item.code) }),
      });
    }
    if (dialect === 'sqlite') {
      const list = await sql<{ file: string }>`pragma database_list`.execute(db);
      sqliteFile = list.rows[0]!.file;
      // Copied while the server runs, as a backup or a snapshot of the machine would.
      copies.runningFile = read(sqliteFile);
      copies.runningWal = read(`${sqliteFile}-wal`);
    }
    sealedBefore = (await db.selectFrom('sealed_inbox').select('sealed').execute()).map((r) =>
      Buffer.from(r.sealed).subarray(0, 48),
    );
    sealedBefore.push(
      ...(await db.selectFrom('round_seal_keys').select('wrapped').execute()).map((r) =>
        Buffer.from(r.wrapped),
      ),
    );
    expect(await releaseAll(env.database)).toBe(CODED + KIOSK);
    if (dialect === 'sqlite') {
      copies.releasedFile = read(sqliteFile);
      copies.releasedWal = read(`${sqliteFile}-wal`);
    }
  });
  afterAll(() => env.dispose());

  /** The arrival number of a released answer, read from its open answer. */
  const arrivalOf = (openText: string | null) => Number(openText!.slice(MARK.length + 1));

  if (dialect === 'sqlite')
    it('keeps no answer or client UUID in the clear while the round runs, not even in the WAL', () => {
      expect(copies.runningWal.length, 'the WAL copy has something in it').toBeGreaterThan(0);
      for (const copy of [copies.runningFile, copies.runningWal]) {
        expect(copy.includes(MARK)).toBe(false);
        for (const { item } of arrivals) expect(copy.includes(item.id)).toBe(false);
      }
    });

  if (dialect === 'sqlite')
    it('leaves nothing of the sealed rows or the round key in the file or the WAL after the release', () => {
      expect(sealedBefore.length).toBe(CODED + KIOSK + 1);
      // The checkpoint truncated the WAL; secure_delete zeroed the freed pages.
      expect(copies.releasedWal.length).toBe(0);
      for (const bytes of sealedBefore) expect(copies.releasedFile.includes(bytes)).toBe(false);
      expect(copies.releasedFile.includes(MARK)).toBe(true);
    });

  it('dumps every table without a client UUID, and without a code hash outside the code table', async () => {
    const db = env.database.kysely;
    const names = (await db.introspection.getTables())
      .map((t) => t.name)
      .filter((n) => !n.startsWith('kysely_'));
    expect(names).toContain('ingest_receipts');
    const dumps = new Map<string, string>();
    for (const name of new Set(names)) {
      const rows = await db
        .selectFrom(name as 'units')
        .selectAll()
        .execute();
      dumps.set(name, JSON.stringify(rows));
    }
    expect(JSON.parse(dumps.get('sealed_inbox')!)).toEqual([]);
    expect(JSON.parse(dumps.get('round_seal_keys')!)).toEqual([]);
    const everything = [...dumps.values()].join('\n');
    for (const { item, codeHash } of arrivals) {
      expect(everything).not.toContain(item.id);
      if (codeHash === undefined) continue;
      for (const [name, text] of dumps) if (name !== 'one_time_codes') expect(text).not.toContain(codeHash);
    }
    // The responses carry a date, never a time of day.
    for (const r of JSON.parse(dumps.get('responses')!) as { answered_on: string }[])
      expect(r.answered_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('stores the released answers in no order of arrival', async () => {
    const db = env.database.kysely;
    const scan = (
      await sql<{
        open_text: string;
      }>`select open_text from responses where open_text like ${`${MARK}%`}`.execute(db)
    ).rows.map((r) => arrivalOf(r.open_text));
    const byId = (
      await db
        .selectFrom('responses')
        .select('open_text')
        .where('open_text', 'like', `${MARK}%`)
        .orderBy('id')
        .execute()
    ).map((r) => arrivalOf(r.open_text));
    expect(scan).toHaveLength(CODED + KIOSK);
    const stored = (order: number[]) =>
      rankCorrelation(
        order.map((_, i) => i),
        order,
      );
    expect(Math.abs(stored(scan)), REPLAY).toBeLessThan(0.5);
    expect(Math.abs(stored(byId)), REPLAY).toBeLessThan(0.5);
    if (dialect === 'postgres') {
      const byCtid = (
        await sql<{
          open_text: string;
        }>`select open_text from responses where open_text like ${`${MARK}%`} order by ctid`.execute(db)
      ).rows.map((r) => arrivalOf(r.open_text));
      expect(Math.abs(stored(byCtid)), REPLAY).toBeLessThan(0.5);
      const xmins = await sql<{
        n: number;
      }>`select count(distinct xmin::text)::int as n from responses where round_id = ${ROUNDS.open.id}`.execute(
        db,
      );
      expect(xmins.rows[0]!.n).toBe(1);
      const aggregateXmins = await sql<{
        n: number;
      }>`select count(distinct xmin::text)::int as n from aggregate_counts where round_id = ${ROUNDS.open.id}`.execute(
        db,
      );
      expect(aggregateXmins.rows[0]!.n, 'the counts show no latest answer').toBe(1);
    }
  });

  it('pairs codes and kiosk uses with answers no better than chance', async () => {
    const db = env.database.kysely;
    const answerOrders: Record<string, string[]> = {};
    const released = async (unitId: string, orderBy: string) =>
      (
        await sql<{
          open_text: string;
        }>`select open_text from responses where open_text like ${`${MARK}%`} and unit_id = ${unitId} ${sql.raw(orderBy)}`.execute(
          db,
        )
      ).rows.map((r) => arrivals[arrivalOf(r.open_text)]!.item.id);
    const orders = dialect === 'postgres' ? ['', 'order by id', 'order by ctid'] : ['', 'order by id'];
    // The coded answers against the codes in every order the code table has.
    const coded = arrivals.filter((a) => a.codeHash !== undefined);
    const responseOf = new Map(coded.map((a) => [a.codeHash!, a.item.id]));
    const codeOrders: string[][] = [];
    const codeOrderings = ['', 'order by code_hash'].concat(
      dialect === 'postgres' ? ['order by ctid', 'order by xmin::text, ctid'] : [],
    );
    for (const orderBy of codeOrderings) {
      const rows = await sql<{
        code_hash: string;
      }>`select code_hash from one_time_codes where round_id = ${ROUNDS.open.id} and unit_id = 'unit' and used = 1 ${sql.raw(orderBy)}`.execute(
        db,
      );
      codeOrders.push(rows.rows.map((r) => responseOf.get(r.code_hash)!));
    }
    for (const orderBy of orders) answerOrders[`unit ${orderBy}`] = await released('unit', orderBy);
    for (const orderBy of orders) answerOrders[`dept ${orderBy}`] = await released('dept', orderBy);
    for (const codeOrder of codeOrders) {
      expect(codeOrder).toHaveLength(CODED);
      for (const orderBy of orders)
        expect(rightPairs(codeOrder, answerOrders[`unit ${orderBy}`]!), REPLAY).toBeLessThan(8);
    }
    // Whoever saw the tablet used knows the order of the kiosk answers; the database must not give it.
    const kioskUses = arrivals.filter((a) => a.codeHash === undefined).map((a) => a.item.id);
    for (const orderBy of orders) {
      expect(answerOrders[`dept ${orderBy}`]).toHaveLength(KIOSK);
      expect(rightPairs(kioskUses, answerOrders[`dept ${orderBy}`]!), REPLAY).toBeLessThan(8);
    }
    // And the code uses in the order they happened (HR's list and a watch).
    const codeUses = coded.map((a) => a.item.id);
    for (const orderBy of orders)
      expect(rightPairs(codeUses, answerOrders[`unit ${orderBy}`]!), REPLAY).toBeLessThan(8);
  });

  if (dialect === 'postgres')
    it('leaves no dead row versions of the inbox, the keys or the used codes', async () => {
      const db = env.database.kysely;
      const schema = env.testDb.postgres!.schema;
      // pgstattuple reads the heap pages themselves, dead versions included (created in this test's
      // schema, dropped with it).
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
      for (const table of ['sealed_inbox', 'round_seal_keys', 'one_time_codes']) {
        const stat = await sql<{
          tuple_count: string;
          dead_tuple_count: string;
        }>`select tuple_count, dead_tuple_count from ${sql.id(where)}.pgstattuple(${`${schema}.${table}`}::regclass)`.execute(
          db,
        );
        expect(Number(stat.rows[0]!.dead_tuple_count), table).toBe(0);
        if (table !== 'one_time_codes') expect(Number(stat.rows[0]!.tuple_count), table).toBe(0);
      }
      // Emptied, the inbox and key tables were truncated: their files hold no page at all.
      const sizes = await sql<{
        n: string;
      }>`select pg_relation_size('sealed_inbox') + pg_relation_size('round_seal_keys') as n`.execute(db);
      expect(Number(sizes.rows[0]!.n)).toBe(0);
    });
});
