// The server's named values (server_meta, 005-server-meta), and the one question about codes the
// start asks before it trusts a code key: were any codes issued at all?
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export async function readServerMeta(db: Kysely<DB>, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('server_meta').select('value').where('name', '=', name).executeTakeFirst();
  return row?.value;
}

/** Stores `value` unless `name` already has one; true when this call stored it. */
export async function insertServerMetaIfAbsent(
  db: Kysely<DB>,
  name: string,
  value: string,
): Promise<boolean> {
  const result = await db
    .insertInto('server_meta')
    .values({ name, value })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Replaces `name`'s value only if it still is `expected` (another process may have changed it). */
export async function replaceServerMeta(
  db: Kysely<DB>,
  name: string,
  expected: string,
  value: string,
): Promise<boolean> {
  const result = await db
    .updateTable('server_meta')
    .set({ value })
    .where('name', '=', name)
    .where('value', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** How many one-time codes (used or not) the database holds: each one was hashed with the code key. */
export async function countIssuedCodes(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('one_time_codes')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
