// Owns the reads and writes of enrolled shared tablets and their one-time enrolment links; the
// enrolment itself (one transaction, the default label, why a link fails) is ../kiosks/enrolment.ts.
// A kiosk belongs to one unit and one round. The credential and the enrolment token are 256-bit
// random secrets, stored only as SHA-256.
// Nothing here is written by the ingest transaction: a kiosk row that changed together with an
// answer would tell which device the answer came from. The ingest reads the kiosk before its
// transaction; a revoked kiosk's allowance is taken in a statement of its own before it and given
// back after it (../kiosks/revoked-allowance.ts), and the pending count a sync reports is written
// after it, without a time.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { KioskListItem, KioskSelf } from '../../shared/api/organisation';
import { randomToken, sha256Hex } from '../auth/tokens';
import type { DB } from '../db/schema';
import type { KiosksTable } from '../db/tables/kiosks';
import { fromFlag, toFlag } from './columns';

export interface KioskRecord {
  id: string;
  municipalityId: string;
  unitId: string;
  roundId: string;
  label: string;
  revokedOn: string | null;
}

function toRecord(row: Selectable<KiosksTable>): KioskRecord {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    unitId: row.unit_id,
    roundId: row.round_id,
    label: row.label,
    revokedOn: row.revoked_on,
  };
}

export async function findKioskByCredential(
  db: Kysely<DB>,
  credential: string,
): Promise<KioskRecord | undefined> {
  const row = await db
    .selectFrom('kiosks')
    .selectAll()
    .where('credential_hash', '=', sha256Hex(credential))
    .executeTakeFirst();
  return row && toRecord(row);
}

export async function findKiosk(db: Kysely<DB>, id: string): Promise<KioskRecord | undefined> {
  const row = await db.selectFrom('kiosks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function createEnrolment(
  db: Kysely<DB>,
  target: { unitId: string; roundId: string; label: string | null; expiresAt: string },
): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('kiosk_enrolments')
    .values({
      token_hash: sha256Hex(token),
      unit_id: target.unitId,
      round_id: target.roundId,
      label: target.label,
      expires_at: target.expiresAt,
      used: toFlag(false),
    })
    .execute();
  return token;
}

/**
 * Uses the enrolment link, once: UPDATE … WHERE used = 0, so two tablets opening the same link
 * cannot both succeed. Undefined when the link is unknown, used or expired.
 */
export async function consumeEnrolment(
  db: Kysely<DB>,
  token: string,
  now: Date,
): Promise<{ unitId: string; roundId: string; label: string | null } | undefined> {
  const row = await db
    .updateTable('kiosk_enrolments')
    .set({ used: 1 })
    .where('token_hash', '=', sha256Hex(token))
    .where('used', '=', 0)
    .where('expires_at', '>', now.toISOString())
    .returning(['unit_id', 'round_id', 'label'])
    .executeTakeFirst();
  return row && { unitId: row.unit_id, roundId: row.round_id, label: row.label };
}

/** The link as stored, to say why it could not be used; undefined when it never existed. */
export async function findEnrolment(db: Kysely<DB>, token: string): Promise<{ used: boolean } | undefined> {
  const row = await db
    .selectFrom('kiosk_enrolments')
    .select('used')
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  return row && { used: fromFlag(row.used) };
}

export async function countKiosks(db: Kysely<DB>, unitId: string, roundId: string): Promise<number> {
  const row = await db
    .selectFrom('kiosks')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('unit_id', '=', unitId)
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A new kiosk; only the credential's hash is stored. */
export async function insertKiosk(
  db: Kysely<DB>,
  kiosk: Omit<KioskRecord, 'revokedOn'> & { credential: string; enrolledAt: string },
): Promise<void> {
  await db
    .insertInto('kiosks')
    .values({
      id: kiosk.id,
      municipality_id: kiosk.municipalityId,
      unit_id: kiosk.unitId,
      round_id: kiosk.roundId,
      credential_hash: sha256Hex(kiosk.credential),
      label: kiosk.label,
      enrolled_at: kiosk.enrolledAt,
      revoked_on: null,
      last_sync_at: null,
    })
    .execute();
}

export async function reportKioskStatus(
  db: Kysely<DB>,
  id: string,
  pending: number,
  now: Date,
): Promise<void> {
  await db
    .updateTable('kiosks')
    .set({ last_sync_at: now.toISOString(), pending_reported: pending })
    .where('id', '=', id)
    .execute();
}

/** The pending count a sync reported (after its batch was stored); no time, unlike the heartbeat. */
export async function reportPending(db: Kysely<DB>, id: string, pending: number): Promise<void> {
  await db.updateTable('kiosks').set({ pending_reported: pending }).where('id', '=', id).execute();
}

/**
 * Revokes on `today`, and what the kiosk last reported waiting becomes what it may still deliver
 * (at most `maxAllowance`), in the same statement. Revoking again keeps the first date and allowance.
 */
export async function revokeKiosk(
  db: Kysely<DB>,
  id: string,
  today: string,
  maxAllowance: number,
): Promise<void> {
  await db
    .updateTable('kiosks')
    .set({
      revoked_on: today,
      revoked_allowance: sql<number>`case when pending_reported > ${maxAllowance} then ${maxAllowance} else pending_reported end`,
    })
    .where('id', '=', id)
    .where('revoked_on', 'is', null)
    .execute();
}

/**
 * Takes `count` of a revoked kiosk's allowance if that much is left: one atomic statement (the
 * WHERE is checked against the row as it is when the statement gets it, on both databases), so
 * batches racing for the same allowance can never take more than there is. False: not enough left.
 */
export async function takeRevokedAllowance(db: Kysely<DB>, id: string, count: number): Promise<boolean> {
  const result = await db
    .updateTable('kiosks')
    .set({ revoked_allowance: sql<number>`revoked_allowance - ${count}` })
    .where('id', '=', id)
    .where('revoked_allowance', '>=', count)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives back allowance taken for answers that were not stored after all. */
export async function returnRevokedAllowance(db: Kysely<DB>, id: string, count: number): Promise<void> {
  if (count <= 0) return;
  await db
    .updateTable('kiosks')
    .set({ revoked_allowance: sql<number>`revoked_allowance + ${count}` })
    .where('id', '=', id)
    .execute();
}

export async function describeKiosk(db: Kysely<DB>, id: string): Promise<KioskSelf | undefined> {
  const row = await db
    .selectFrom('kiosks')
    .innerJoin('units', 'units.id', 'kiosks.unit_id')
    .innerJoin('rounds', 'rounds.id', 'kiosks.round_id')
    .select([
      'kiosks.id',
      'kiosks.label',
      'kiosks.revoked_on',
      'units.id as unit_id',
      'units.name as unit_name',
      'units.open_kiosk',
      'rounds.id as round_id',
      'rounds.name as round_name',
      'rounds.opens_on',
      'rounds.closes_on',
      'rounds.status',
    ])
    .where('kiosks.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    label: row.label,
    unit: { id: row.unit_id, name: row.unit_name },
    openKiosk: fromFlag(row.open_kiosk),
    round: {
      id: row.round_id,
      name: row.round_name,
      opensOn: row.opens_on,
      closesOn: row.closes_on,
      status: row.status,
    },
    revokedOn: row.revoked_on,
  };
}

/** Kiosks of the municipality, only those of `unitIds` when given (a leader's scope). */
export async function listKiosks(
  db: Kysely<DB>,
  municipalityId: string,
  unitIds?: ReadonlySet<string>,
): Promise<KioskListItem[]> {
  if (unitIds && unitIds.size === 0) return [];
  let query = db
    .selectFrom('kiosks')
    .innerJoin('units', 'units.id', 'kiosks.unit_id')
    .innerJoin('rounds', 'rounds.id', 'kiosks.round_id')
    .select([
      'kiosks.id',
      'kiosks.label',
      'kiosks.enrolled_at',
      'kiosks.last_sync_at',
      'kiosks.pending_reported',
      'kiosks.revoked_on',
      'units.id as unit_id',
      'units.name as unit_name',
      'rounds.id as round_id',
      'rounds.name as round_name',
    ])
    .where('kiosks.municipality_id', '=', municipalityId);
  if (unitIds) query = query.where('kiosks.unit_id', 'in', [...unitIds]);
  const rows = await query.orderBy('units.name').orderBy('kiosks.label').orderBy('kiosks.id').execute();
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    unit: { id: r.unit_id, name: r.unit_name },
    round: { id: r.round_id, name: r.round_name },
    enrolledAt: r.enrolled_at,
    lastSyncAt: r.last_sync_at,
    pendingReported: Number(r.pending_reported),
    revokedOn: r.revoked_on,
  }));
}

/** Which of these units let an enrolled kiosk take answers without a code. */
export async function openKioskUnits(db: Kysely<DB>, unitIds: readonly string[]): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('id', 'in', [...new Set(unitIds)])
    .where('open_kiosk', '=', toFlag(true))
    .execute();
  return new Set(rows.map((r) => r.id));
}
