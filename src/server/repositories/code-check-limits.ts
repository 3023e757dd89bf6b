// Failed code attempts per client and minute, in the database so every server process counts the
// same. Each change is one atomic statement, so a burst of parallel guesses cannot slip between a
// check and a write.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Counts one attempt and returns the count of this client's window. */
export async function countHit(db: Kysely<DB>, client: string, minute: number, hits = 1): Promise<number> {
  const row = await db
    .insertInto('code_check_limits')
    .values({ client, window_minute: minute, hits })
    .onConflict((oc) =>
      oc
        .columns(['client', 'window_minute'])
        .doUpdateSet({ hits: sql<number>`code_check_limits.hits + ${hits}` }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

export async function uncountHit(db: Kysely<DB>, client: string, minute: number): Promise<void> {
  await db
    .updateTable('code_check_limits')
    .set({ hits: sql<number>`hits - 1` })
    .where('client', '=', client)
    .where('window_minute', '=', minute)
    .where('hits', '>', 0)
    .execute();
}

export async function hitsIn(db: Kysely<DB>, client: string, minute: number): Promise<number> {
  const row = await db
    .selectFrom('code_check_limits')
    .select('hits')
    .where('client', '=', client)
    .where('window_minute', '=', minute)
    .executeTakeFirst();
  return Number(row?.hits ?? 0);
}

/** Windows before `minute` say nothing any more; deleting them keeps no hashed address longer than needed. */
export async function deleteWindowsBefore(db: Kysely<DB>, minute: number): Promise<void> {
  await db.deleteFrom('code_check_limits').where('window_minute', '<', minute).execute();
}
