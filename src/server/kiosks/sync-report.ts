// What a kiosk's sync says about it: the answers still waiting on it besides the batch it sent
// (IngestRequest.pending). Kept once the batch is stored, so at a revoke the server knows how many
// answers the kiosk still has to deliver (./revoked-allowance.ts) — fresher than the five-minute
// heartbeat, and right after the batch it counted out. Written after the ingest transaction and
// without a time: a kiosk row that changed with an answer, or a sync time beside it, would tell
// which tablet an answer came from and when.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { reportPending, type KioskRecord } from '../repositories/kiosks';

/** Keeps the count; a failure is logged, never the device's problem (its answers are stored). */
export async function keepSyncPending(
  db: Kysely<DB>,
  kiosk: KioskRecord | undefined,
  pending: number | undefined,
  log: FastifyBaseLogger,
): Promise<void> {
  if (!kiosk || pending === undefined) return;
  await reportPending(db, kiosk.id, pending).catch((error: unknown) =>
    log.error({ err: error }, 'keeping the pending count of a kiosk failed'),
  );
}
