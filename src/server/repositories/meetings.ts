// Owns every read and write of the meeting tables (017-meetings). No rule lives here: what may be
// done in which step and phase, the limits and who may do it are ../meetings/. Counts come back as
// numbers on both databases (PostgreSQL may return a count as a string).
import {
  sql,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { DB } from '../db/schema';
import type { MeetingContributionsTable, MeetingsTable } from '../db/tables/meetings';

export type MeetingRow = Selectable<MeetingsTable>;
export type ContributionRow = Selectable<MeetingContributionsTable>;
type Db = Kysely<DB> | Transaction<DB>;

const numMeeting = (row: MeetingRow): MeetingRow => ({
  ...row,
  groups: Number(row.groups),
  one_device: Number(row.one_device),
  step_index: Number(row.step_index),
  timer_running: Number(row.timer_running),
  timer_duration_seconds: Number(row.timer_duration_seconds),
  timer_remaining_seconds: Number(row.timer_remaining_seconds),
  version: Number(row.version),
});

/** false when the code or token hash is already taken (draw again). */
export async function insertMeeting(db: Db, row: Insertable<MeetingsTable>): Promise<boolean> {
  const result = await db
    .insertInto('meetings')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findMeeting(db: Db, id: string): Promise<MeetingRow | undefined> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  return row && numMeeting(row);
}

export async function findMeetingByCodeHash(db: Db, codeHash: string): Promise<MeetingRow | undefined> {
  const row = await db
    .selectFrom('meetings')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
  return row && numMeeting(row);
}

export async function findMeetingByTokenHash(db: Db, tokenHash: string): Promise<MeetingRow | undefined> {
  const row = await db
    .selectFrom('meetings')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && numMeeting(row);
}

export async function listMeetings(
  db: Db,
  municipalityId: string,
  roundId: string,
  unitId: string,
): Promise<MeetingRow[]> {
  const rows = await db
    .selectFrom('meetings')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(numMeeting);
}

/** Writes the changes and raises the version by one. */
export async function updateMeeting(db: Db, id: string, changes: Updateable<MeetingsTable>): Promise<void> {
  await db
    .updateTable('meetings')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function bumpVersion(db: Db, id: string): Promise<void> {
  await db
    .updateTable('meetings')
    .set({ version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
}

// ---- Participants --------------------------------------------------------------------------------

export async function insertParticipant(db: Db, row: { id: string; meeting_id: string; token_hash: string }) {
  await db.insertInto('meeting_participants').values(row).execute();
}

export async function findParticipant(db: Db, tokenHash: string) {
  return db
    .selectFrom('meeting_participants')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function participantCount(db: Db, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('meeting_participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---- Contributions and counters -------------------------------------------------------------------

/** false when the meeting already holds a contribution with this client key (a resend). */
export async function insertContribution(
  db: Db,
  row: Insertable<MeetingContributionsTable>,
): Promise<boolean> {
  const result = await db
    .insertInto('meeting_contributions')
    .values(row)
    .onConflict((oc) => oc.columns(['meeting_id', 'client_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function contributionExists(db: Db, meetingId: string, clientKey: string): Promise<boolean> {
  const row = await db
    .selectFrom('meeting_contributions')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('client_key', '=', clientKey)
    .executeTakeFirst();
  return row !== undefined;
}

/** The step's revealed contributions in the order of their random ids: random, and the same every time. */
export async function shownContributionsOf(
  db: Db,
  meetingId: string,
  stepIndex: number,
): Promise<ContributionRow[]> {
  const rows = await db
    .selectFrom('meeting_contributions')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('step_index', '=', stepIndex)
    .where('shown', '=', 1)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    step_index: Number(r.step_index),
    group_no: r.group_no === null ? null : Number(r.group_no),
    shown: Number(r.shown),
  }));
}

/** Reveals every contribution of the step written so far. */
export async function showContributions(db: Db, meetingId: string, stepIndex: number): Promise<void> {
  await db
    .updateTable('meeting_contributions')
    .set({ shown: 1 })
    .where('meeting_id', '=', meetingId)
    .where('step_index', '=', stepIndex)
    .execute();
}

export async function contributionCount(db: Db, meetingId: string, stepIndex: number): Promise<number> {
  const row = await db
    .selectFrom('meeting_contributions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('step_index', '=', stepIndex)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findContribution(db: Db, meetingId: string, id: string) {
  return db
    .selectFrom('meeting_contributions')
    .select(['id', 'step_index', 'shown'])
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function labelContribution(db: Db, id: string, label: string | null): Promise<void> {
  await db.updateTable('meeting_contributions').set({ label }).where('id', '=', id).execute();
}

/** Adds `by` to the counter and returns its new value. */
export async function addToCounter(db: Db, meetingId: string, writer: string, slot: string, by = 1) {
  const row = await db
    .insertInto('meeting_counters')
    .values({ meeting_id: meetingId, writer, slot, count: by })
    .onConflict((oc) =>
      oc
        .columns(['meeting_id', 'writer', 'slot'])
        .doUpdateSet({ count: sql<number>`meeting_counters.count + ${by}` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function counterValue(db: Db, meetingId: string, writer: string, slot: string): Promise<number> {
  const row = await db
    .selectFrom('meeting_counters')
    .select('count')
    .where('meeting_id', '=', meetingId)
    .where('writer', '=', writer)
    .where('slot', '=', slot)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Drops the per-minute counters older than `slotsBefore` (the slot names sort by minute). */
export async function deleteMinuteCounters(db: Db, meetingId: string, keep: string): Promise<void> {
  await db
    .deleteFrom('meeting_counters')
    .where('meeting_id', '=', meetingId)
    .where('slot', 'like', 'minute:%')
    .where('slot', '!=', keep)
    .execute();
}

// ---- Votes --------------------------------------------------------------------------------------

/** false when this ballot (client key) was already counted. */
export async function insertBallot(
  db: Db,
  row: { meeting_id: string; step_index: number; client_key: string; participant_id: string; dots: number },
): Promise<boolean> {
  const result = await db
    .insertInto('meeting_ballots')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function voterCount(db: Db, meetingId: string, stepIndex: number): Promise<number> {
  const row = await db
    .selectFrom('meeting_ballots')
    .select((eb) => eb.fn.count<number>('participant_id').distinct().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('step_index', '=', stepIndex)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function addDots(db: Db, meetingId: string, stepIndex: number, optionId: string, dots: number) {
  await db
    .insertInto('meeting_vote_dots')
    .values({ meeting_id: meetingId, step_index: stepIndex, option_id: optionId, dots })
    .onConflict((oc) =>
      oc
        .columns(['meeting_id', 'step_index', 'option_id'])
        .doUpdateSet({ dots: sql<number>`meeting_vote_dots.dots + ${dots}` }),
    )
    .execute();
}

export async function dotsOf(db: Db, meetingId: string, stepIndex: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('meeting_vote_dots')
    .select(['option_id', 'dots'])
    .where('meeting_id', '=', meetingId)
    .where('step_index', '=', stepIndex)
    .execute();
  return new Map(rows.map((r) => [r.option_id, Number(r.dots)]));
}

// ---- Closing ------------------------------------------------------------------------------------

/** Everything a meeting held about its participants and their input; the meeting row stays. */
/** Deletes the meeting's phones, contributions, counters, ballots and dots; the contributions' count. */
export async function deleteMeetingInput(db: Db, meetingId: string): Promise<number> {
  const contributions = await db
    .deleteFrom('meeting_contributions')
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  await db.deleteFrom('meeting_counters').where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('meeting_ballots').where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('meeting_vote_dots').where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('meeting_participants').where('meeting_id', '=', meetingId).execute();
  return Number(contributions.numDeletedRows);
}

export interface ExpiredMeeting {
  id: string;
  municipalityId: string;
  unitId: string;
  roundId: string;
}

const stillJoinable = (eb: ExpressionBuilder<DB, 'meetings'>) =>
  eb.or([eb('code_hash', 'is not', null), eb('token_hash', 'is not', null)]);

/** Open meetings that expired before `before` (their input is past its retention). */
export async function expiredMeetings(db: Db, before: string): Promise<ExpiredMeeting[]> {
  const rows = await db
    .selectFrom('meetings')
    .select(['id', 'municipality_id', 'unit_id', 'round_id'])
    .where('expires_at', '<', before)
    .where(stillJoinable)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    municipalityId: r.municipality_id,
    unitId: r.unit_id,
    roundId: r.round_id,
  }));
}

/**
 * Takes the meeting's code and token away if it still has one; false when another purge (another
 * process) got there first. On PostgreSQL the second waits for the first's row lock and then finds
 * nothing left to take, so each meeting's purge is done, and logged, once.
 */
export async function claimExpiredMeeting(db: Db, meetingId: string): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set({ code_hash: null, token_hash: null })
    .where('id', '=', meetingId)
    .where(stillJoinable)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
