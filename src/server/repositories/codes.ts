// One-time codes: storing issued ones (only keyed hashes; drawing and hashing them is
// ../codes/issue-codes.ts), using one up inside the ingest transaction, counting refused answers,
// and the numbers per unit.
//
// Why a used code cannot be paired with its answer (the brief's unlinkability rule):
// - one_time_codes has no timestamp, no sequence and no reference to responses; responses have no
//   code column. The only things they share are the round and unit, which every answer of that
//   unit shares too.
// - SQLite: both tables are WITHOUT ROWID, so rows sit and come back in the order of their random
//   keys (keyed hash, client UUID), not the order they were written or used.
// - PostgreSQL keeps per-row bookkeeping that SQL can read: xmin (the writing transaction) and the
//   physical position (ctid, the order of a plain SELECT). Marking a code used in the ingest
//   transaction gives it the same xmin as the sealed inbox row of its answer and puts it after
//   the codes used before it. The answer itself is only written at its round's release
//   (../release/release-round.ts), in one transaction with every other answer of the round, in
//   random order; in the same transaction reshuffleUsedCodes writes the round's used codes anew in
//   random order, and the release then vacuums the table, so afterwards no code keeps the xmin or
//   the place its use gave it.
import { randomInt } from 'node:crypto';
import { type Kysely, type Transaction } from 'kysely';
import type { CodesSummaryResponse } from '../../shared/api/organisation';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import type { RefusalReason } from '../db/tables/refused-counts';

export interface CodeTarget {
  roundId: string;
  unitId: string;
  municipalityId: string;
}

/**
 * Inserts unused codes, given as their hashes, for a unit in a round, and returns the hashes it
 * inserted: one already on the server (the hash is the primary key) is left out, not replaced.
 * Drawing and hashing the codes is ../codes/issue-codes.ts.
 */
export async function insertCodeHashes(
  trx: Kysely<DB>,
  target: CodeTarget,
  hashes: readonly string[],
): Promise<string[]> {
  if (hashes.length === 0) return [];
  const inserted = await trx
    .insertInto('one_time_codes')
    .values(
      hashes.map((code_hash) => ({
        code_hash,
        round_id: target.roundId,
        unit_id: target.unitId,
        municipality_id: target.municipalityId,
        used: 0,
      })),
    )
    .onConflict((oc) => oc.column('code_hash').doNothing())
    .returning('code_hash')
    .execute();
  return inserted.map((row) => row.code_hash);
}

/** Uses the code if it is an unused code of the round; returns its unit. The only path to used = 1. */
export async function consumeCode(
  trx: Transaction<DB>,
  codeHash: string,
  roundId: string,
): Promise<string | undefined> {
  // WHERE used = 0 with the affected row as the answer: of two transactions racing for one code,
  // the second waits for the first row lock (PostgreSQL) or the write lock (SQLite), then finds
  // used = 1 and gets nothing back.
  const row = await trx
    .updateTable('one_time_codes')
    .set({ used: 1 })
    .where('code_hash', '=', codeHash)
    .where('round_id', '=', roundId)
    .where('used', '=', 0)
    .returning('unit_id')
    .executeTakeFirst();
  return row?.unit_id;
}

/** Gives a code back inside the same transaction (its answer turned out to be a duplicate). */
export async function releaseCode(trx: Transaction<DB>, codeHash: string): Promise<void> {
  await trx.updateTable('one_time_codes').set({ used: 0 }).where('code_hash', '=', codeHash).execute();
}

export async function findCode(
  db: Kysely<DB>,
  codeHash: string,
): Promise<{ roundId: string; unitId: string; used: boolean } | undefined> {
  const row = await db
    .selectFrom('one_time_codes')
    .select(['round_id', 'unit_id', 'used'])
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
  return row && { roundId: row.round_id, unitId: row.unit_id, used: Number(row.used) === 1 };
}

/**
 * The round and unit of each of these code hashes that is on the server (used or not), for the
 * ingest: a coded answer belongs to its code's round, whatever round the device named.
 */
export async function findCodeTargets(
  db: Kysely<DB>,
  codeHashes: readonly string[],
): Promise<Map<string, { roundId: string; unitId: string }>> {
  const out = new Map<string, { roundId: string; unitId: string }>();
  const unique = [...new Set(codeHashes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('one_time_codes')
      .select(['code_hash', 'round_id', 'unit_id'])
      .where('code_hash', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.code_hash, { roundId: r.round_id, unitId: r.unit_id });
  }
  return out;
}

export async function countRefused(
  trx: Transaction<DB>,
  refusals: readonly { roundId: string; unitId: string; reason: RefusalReason }[],
): Promise<void> {
  const tally = new Map<
    string,
    { round_id: string; unit_id: string; reason: RefusalReason; count: number }
  >();
  for (const r of refusals) {
    const key = `${r.roundId}\u0000${r.unitId}\u0000${r.reason}`;
    const entry = tally.get(key) ?? { round_id: r.roundId, unit_id: r.unitId, reason: r.reason, count: 0 };
    entry.count += 1;
    tally.set(key, entry);
  }
  // Sorted, so concurrent transactions take the row locks in the same order.
  for (const key of [...tally.keys()].sort()) {
    await trx
      .insertInto('refused_counts')
      .values(tally.get(key)!)
      .onConflict((oc) =>
        oc
          .columns(['round_id', 'unit_id', 'reason'])
          .doUpdateSet((eb) => ({ count: eb('refused_counts.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
  }
}

/**
 * See the top of this file: in the release's transaction, the round's used codes are written anew
 * in random order (deleted and inserted again, many rows per statement), so none keeps the row
 * version or the place its use gave it. PostgreSQL only; SQLite keeps no such bookkeeping.
 */
export async function reshuffleUsedCodes(
  trx: Transaction<DB>,
  database: Database,
  roundId: string,
): Promise<void> {
  if (database.dialect !== 'postgres') return;
  const rows = await trx
    .deleteFrom('one_time_codes')
    .where('round_id', '=', roundId)
    .where('used', '=', 1)
    .returningAll()
    .execute();
  for (let i = rows.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('one_time_codes')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export interface CodeCounts {
  issued: number;
  used: number;
  unknownCode: number;
  usedCode: number;
}

/** Per unit of a round: codes issued and used, and answers refused for each reason. */
export async function codeCountsByUnit(db: Kysely<DB>, roundId: string): Promise<Map<string, CodeCounts>> {
  const codes = await db
    .selectFrom('one_time_codes')
    .select([
      'unit_id',
      (eb) => eb.fn.countAll<string | number>().as('issued'),
      (eb) => eb.fn.sum<string | number>('used').as('used'),
    ])
    .where('round_id', '=', roundId)
    .groupBy('unit_id')
    .execute();
  const refused = await db
    .selectFrom('refused_counts')
    .select(['unit_id', 'reason', 'count'])
    .where('round_id', '=', roundId)
    .execute();
  const out = new Map<string, CodeCounts>();
  const entry = (unitId: string) => {
    const e = out.get(unitId) ?? { issued: 0, used: 0, unknownCode: 0, usedCode: 0 };
    out.set(unitId, e);
    return e;
  };
  for (const c of codes)
    Object.assign(entry(c.unit_id), { issued: Number(c.issued), used: Number(c.used ?? 0) });
  for (const r of refused)
    entry(r.unit_id)[r.reason === 'CODE_UNKNOWN' ? 'unknownCode' : 'usedCode'] += Number(r.count);
  return out;
}

export async function codesSummary(
  db: Kysely<DB>,
  roundId: string,
  unitId: string,
): Promise<CodesSummaryResponse> {
  const c = (await codeCountsByUnit(db, roundId)).get(unitId) ?? {
    issued: 0,
    used: 0,
    unknownCode: 0,
    usedCode: 0,
  };
  return { issued: c.issued, used: c.used, refused: { unknownCode: c.unknownCode, usedCode: c.usedCode } };
}
