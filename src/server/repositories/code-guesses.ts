// Failed one-time-code guesses per scope and hour, shared by every server process (the rules are
// ../codes/code-attempts.ts). A charge is one transaction: each counter is raised by an atomic
// upsert that returns its new count (and, on PostgreSQL, holds the row lock until the commit),
// the decision is made from those counts, and what the decision does not keep is taken back in
// the same transaction. So parallel requests and other processes see only counts that were
// decided, never an intermediate one, and none can slip between a check and a write.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface GuessCharge {
  scope: string;
  /** Failed guesses this request would reveal in the scope. */
  hits: number;
  /** Failed guesses the scope may reveal per window. */
  limit: number;
}

export type ChargeDecision =
  /** Every scope had room for its hits: they stay counted. */
  | 'admitted'
  /** A scope was already used up: nothing is counted and nothing may be revealed. */
  | 'closed'
  /** A scope had room, but not for all: that scope is now used up; the others are not charged. */
  | 'crossing';

/**
 * Charges the hits to their scopes in `window`, or nothing: 'admitted' when every scope stays
 * within its limit. Scopes are locked in sorted order, so two charges never wait for each other
 * in a circle; `charges` come in order of precedence (the client first): when a request would
 * overflow, only the first scope it overflows is used up, so one client cannot use up a round
 * with one big batch.
 */
export async function chargeGuesses(
  db: Kysely<DB>,
  window: number,
  charges: readonly GuessCharge[],
): Promise<ChargeDecision> {
  const lockOrder = [...charges].sort((a, b) => (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0));
  return db.transaction().execute(async (trx) => {
    const after = new Map<string, number>();
    for (const charge of lockOrder) {
      const row = await trx
        .insertInto('code_guesses')
        .values({ scope: charge.scope, window_hour: window, hits: charge.hits })
        .onConflict((oc) =>
          oc
            .columns(['scope', 'window_hour'])
            .doUpdateSet({ hits: sql<number>`code_guesses.hits + ${charge.hits}` }),
        )
        .returning('hits')
        .executeTakeFirstOrThrow();
      after.set(charge.scope, Number(row.hits));
    }
    const counted = charges.map((charge) => {
      const now = after.get(charge.scope)!;
      return { charge, before: now - charge.hits, after: now };
    });
    const closed = counted.some((c) => c.before >= c.charge.limit);
    const overflowed = closed ? undefined : counted.find((c) => c.after > c.charge.limit);
    if (!closed && !overflowed) return 'admitted';
    for (const { charge, before, after: now } of counted) {
      // The refusal of an overflowing request tells a little about it, so the scope it overflowed
      // has nothing left this window; every other scope gets its hits back.
      const keep = overflowed?.charge === charge ? charge.limit : before;
      if (keep === now) continue;
      await trx
        .updateTable('code_guesses')
        .set({ hits: keep })
        .where('scope', '=', charge.scope)
        .where('window_hour', '=', window)
        .execute();
    }
    return closed ? 'closed' : 'crossing';
  });
}

/** Adds hits found only afterwards (a code another batch used a moment before). */
export async function addGuesses(
  db: Kysely<DB>,
  window: number,
  scopes: readonly string[],
  hits: number,
): Promise<void> {
  if (hits === 0) return;
  for (const scope of [...scopes].sort()) {
    await db
      .insertInto('code_guesses')
      .values({ scope, window_hour: window, hits })
      .onConflict((oc) =>
        oc.columns(['scope', 'window_hour']).doUpdateSet({ hits: sql<number>`code_guesses.hits + ${hits}` }),
      )
      .execute();
  }
}

/** Past windows say nothing any more; deleting them keeps no hashed address longer than needed. */
export async function deleteGuessWindowsBefore(db: Kysely<DB>, window: number): Promise<void> {
  await db.deleteFrom('code_guesses').where('window_hour', '<', window).execute();
}

/** What the codes named by a batch of guesses are: round and whether used, by code hash. */
export async function findGuessedCodes(
  db: Kysely<DB>,
  hashes: readonly string[],
): Promise<Map<string, { roundId: string; used: boolean }>> {
  if (hashes.length === 0) return new Map();
  const rows = await db
    .selectFrom('one_time_codes')
    .select(['code_hash', 'round_id', 'used'])
    .where('code_hash', 'in', [...new Set(hashes)])
    .execute();
  return new Map(rows.map((r) => [r.code_hash, { roundId: r.round_id, used: Number(r.used) === 1 }]));
}
