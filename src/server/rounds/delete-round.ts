// Owns deleting a round for good (issue 15, admin only): the preview that names what goes, and the
// deletion, confirmed by the round's exact name (a wrong or missing name deletes nothing, 400
// DELETION_NOT_CONFIRMED). One transaction on both databases takes the round (its advisory lock,
// so no ingest or release runs beside it, and on PostgreSQL its row), deletes every row of it
// (../repositories/round-deletion.ts) and writes the audit entry 'round.delete' with the round's
// name; the entry is in the same transaction, so a deletion is never left unlogged. Afterwards the
// dead rows are wiped (../retention/wipe.ts).
//
// Follow-up plans made on the round's report are deleted with it, and the preview counts them:
// a plan is built on the round's figures, which go, and refusing would leave a round that can
// never be deleted (plans have no deletion of their own).
import type { Kysely } from 'kysely';
import type { RoundDeletionPreview } from '../../shared/api/retention';
import { ApiError, notFound } from '../api-error';
import { recordAudit } from '../audit/record';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import { lockRounds } from '../repositories/inbox';
import { inRetriedTransaction } from '../repositories/responses';
import {
  deleteRoundRows,
  lockRoundRow,
  roundRowCounts,
  WIPED_AFTER_DELETION,
} from '../repositories/round-deletion';
import { findRound, type StoredRound } from '../repositories/rounds';
import { answersDeletedOn } from '../repositories/retention';
import { wipeDeletedRows } from '../retention/wipe';

async function previewOf(db: Kysely<DB>, round: StoredRound): Promise<RoundDeletionPreview> {
  return {
    roundId: round.id,
    name: round.name,
    status: round.status,
    ...(await roundRowCounts(db, round.id)),
    answersDeletedOn: await answersDeletedOn(db, round.id),
  };
}

export async function roundDeletionPreview(
  db: Kysely<DB>,
  municipalityId: string,
  roundId: string,
): Promise<RoundDeletionPreview> {
  const round = await findRound(db, municipalityId, roundId);
  if (!round) throw notFound('No such round');
  return previewOf(db, round);
}

export async function deleteRoundForGood(
  database: Database,
  actor: { userId: string; municipalityId: string },
  roundId: string,
  confirmName: string,
  now: Date,
): Promise<RoundDeletionPreview> {
  const deleted = await inRetriedTransaction(database, async (trx) => {
    await lockRounds(trx, database, [roundId], 'exclusive');
    const round = await findRound(trx, actor.municipalityId, roundId);
    if (!round || !(await lockRoundRow(trx, database.dialect === 'postgres', roundId))) {
      throw notFound('No such round');
    }
    if (confirmName !== round.name) {
      throw new ApiError('DELETION_NOT_CONFIRMED', "The confirmation is not the round's name");
    }
    const preview = await previewOf(trx, round);
    await deleteRoundRows(trx, round.id);
    await recordAudit(
      trx,
      actor,
      { action: 'round.delete', roundId: round.id, unitId: round.unitId, detail: round.name },
      now,
    );
    return preview;
  });
  await wipeDeletedRows(database, WIPED_AFTER_DELETION);
  return deleted;
}
