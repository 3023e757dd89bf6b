// Owns every read and write of round_phases: the phases of a round's progress plan the admin has
// dated. Which phases exist and their default dates are src/shared/preparation.ts; merging the two
// is ../rounds/preparation.ts.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface StoredPhase {
  phase: string;
  startsOn: string;
  endsOn: string;
  note: string;
}

/** The dated phases of each round asked for (a round without any is left out). */
export async function phasesOfRounds(
  db: Kysely<DB>,
  roundIds: readonly string[],
): Promise<Map<string, StoredPhase[]>> {
  const byRound = new Map<string, StoredPhase[]>();
  if (roundIds.length === 0) return byRound;
  const rows = await db
    .selectFrom('round_phases')
    .selectAll()
    .where('round_id', 'in', [...new Set(roundIds)])
    .execute();
  for (const row of rows) {
    const list = byRound.get(row.round_id) ?? [];
    list.push({ phase: row.phase, startsOn: row.starts_on, endsOn: row.ends_on, note: row.note });
    byRound.set(row.round_id, list);
  }
  return byRound;
}

/** Replaces the round's dated phases with `phases`, in one transaction. */
export async function replacePhases(
  db: Kysely<DB>,
  roundId: string,
  phases: readonly StoredPhase[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('round_phases').where('round_id', '=', roundId).execute();
    if (phases.length === 0) return;
    await trx
      .insertInto('round_phases')
      .values(
        phases.map((p) => ({
          round_id: roundId,
          phase: p.phase,
          starts_on: p.startsOn,
          ends_on: p.endsOn,
          note: p.note,
        })),
      )
      .execute();
  });
}
