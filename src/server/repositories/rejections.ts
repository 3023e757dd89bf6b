// Owns the counts of answers the ingest refused, beside refused_counts (the two code refusals, in
// ./codes.ts): per round, unit ('' when the unit is not known) and reason, written inside the
// ingest transaction, and the short-lived list of rejected response UUIDs (hashed) that keeps a
// resent rejection from being counted twice. Nothing here holds an answer, a time, a code or a
// device. What is counted and where is the ingest's business (../ingest/count-rejections.ts).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

export interface RejectedCount {
  roundId: string;
  /** '' when the unit is not known or not part of the round. */
  unitId: string;
  reason: string;
  count: number;
}

/**
 * Marks these rejected responses as counted and returns the hashes that were new: a hash already
 * there was counted by an earlier send of the same answer.
 */
export async function markRejected(
  trx: Transaction<DB>,
  items: readonly { idHash: string; roundId: string; keepUntil: string }[],
): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  // Sorted, so concurrent transactions take the key locks in the same order.
  const rows = [...items]
    .sort((a, b) => (a.idHash < b.idHash ? -1 : a.idHash > b.idHash ? 1 : 0))
    .map((i) => ({ id_hash: i.idHash, round_id: i.roundId, keep_until: i.keepUntil }));
  const inserted = await trx
    .insertInto('rejected_items')
    .values(rows)
    .onConflict((oc) => oc.column('id_hash').doNothing())
    .returning('id_hash')
    .execute();
  return new Set(inserted.map((r) => r.id_hash));
}

/** Rejected responses whose round is long over: a resend of them would not come any more. */
export async function forgetRejectedBefore(trx: Transaction<DB>, today: string): Promise<void> {
  await trx.deleteFrom('rejected_items').where('keep_until', '<', today).execute();
}

/** Adds the counts (one row per round, unit and reason), in a fixed order of keys. */
export async function addRejectedCounts(
  trx: Transaction<DB>,
  counts: readonly RejectedCount[],
): Promise<void> {
  const key = (c: RejectedCount) => `${c.roundId}\u0000${c.unitId}\u0000${c.reason}`;
  for (const c of [...counts].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))) {
    await trx
      .insertInto('rejected_counts')
      .values({ round_id: c.roundId, unit_id: c.unitId, reason: c.reason, count: c.count })
      .onConflict((oc) =>
        oc
          .columns(['round_id', 'unit_id', 'reason'])
          .doUpdateSet((eb) => ({ count: eb('rejected_counts.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
  }
}

/** A round's counts, the code refusals of refused_counts included, by unit ('' = unit not known). */
export async function rejectedCountsOfRound(
  db: Kysely<DB>,
  roundId: string,
): Promise<Map<string, { reason: string; count: number }[]>> {
  const other = await db
    .selectFrom('rejected_counts')
    .select(['unit_id', 'reason', 'count'])
    .where('round_id', '=', roundId)
    .execute();
  const codes = await db
    .selectFrom('refused_counts')
    .select(['unit_id', 'reason', 'count'])
    .where('round_id', '=', roundId)
    .execute();
  const out = new Map<string, { reason: string; count: number }[]>();
  for (const r of [...codes, ...other]) {
    const count = Number(r.count);
    if (count === 0) continue;
    const list = out.get(r.unit_id) ?? [];
    const same = list.find((e) => e.reason === r.reason);
    if (same) same.count += count;
    else list.push({ reason: r.reason, count });
    out.set(r.unit_id, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
  return out;
}
