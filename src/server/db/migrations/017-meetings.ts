// The analysis and follow-up meetings (issue 13). A meeting keeps its run (steps, phase, timer,
// roles) and, while it is open, the keyed hashes of its code and join token; a phone is a
// participant row holding only the SHA-256 of its cookie token. A contribution has a random id and
// no author, no device and no time: its phase is its only clock. How many a phone has sent is a
// counter row of its own (participant, step, phase), so no row links a text to a phone; a vote
// keeps the dots per option and, per phone, only how many dots it used. Approving the summary
// deletes contributions, counters, ballots, dots and participants; the meeting row and its summary
// stay. A contribution written after its round was revealed is shown only at the next reveal, so
// a text never appears on the screen the moment one phone sends it. On SQLite the contributions table has no rowid, so the file's row order is the random id's.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

export const migration017: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;
    await db.schema
      .createTable('meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('groups', 'integer', (c) => c.notNull())
      .addColumn('one_device', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('steps', 'text', (c) => c.notNull())
      .addColumn('step_index', 'integer', (c) => c.notNull())
      .addColumn('phase', 'text')
      .addColumn('timer_running', 'integer', (c) => c.notNull())
      .addColumn('timer_duration_seconds', 'integer', (c) => c.notNull())
      .addColumn('timer_remaining_seconds', 'integer', (c) => c.notNull())
      .addColumn('timer_started_at', 'text')
      .addColumn('roles', 'text')
      .addColumn('revealed_steps', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.unique())
      .addColumn('token_hash', 'text', (c) => c.unique())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('focus', 'text')
      .addColumn('plan_id', 'text')
      .addColumn('summary', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('meetings_unit').on('meetings').columns(['round_id', 'unit_id']).execute();
    await db.schema
      .createTable('meeting_participants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .execute();
    await db.schema
      .createIndex('meeting_participants_meeting')
      .on('meeting_participants')
      .column('meeting_id')
      .execute();
    await db.schema
      .createTable('meeting_contributions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      .addColumn('step_index', 'integer', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('group_no', 'integer')
      .addColumn('label', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      // 1 once the leader has revealed it; one written after a reveal waits for the next reveal.
      .addColumn('shown', 'integer', (c) => c.notNull())
      // A keyed hash of the client's id, for a resend: not the id, and nothing that names the phone.
      .addColumn('client_key', 'text', (c) => c.notNull())
      .addUniqueConstraint('meeting_contributions_client', ['meeting_id', 'client_key'])
      .modifyEnd(withoutRowid)
      .execute();
    await db.schema
      .createTable('meeting_counters')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      // A participant id, or 'group:<n>' for a group's shared tablet.
      .addColumn('writer', 'text', (c) => c.notNull())
      // 'step:<index>:<phase>' per phase, or 'minute:<n>' for the rate per minute.
      .addColumn('slot', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_counters_pk', ['meeting_id', 'writer', 'slot'])
      .modifyEnd(withoutRowid)
      .execute();
    await db.schema
      .createTable('meeting_ballots')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      .addColumn('step_index', 'integer', (c) => c.notNull())
      .addColumn('client_key', 'text', (c) => c.notNull())
      .addColumn('participant_id', 'text', (c) => c.notNull())
      .addColumn('dots', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_ballots_pk', ['meeting_id', 'step_index', 'client_key'])
      .modifyEnd(withoutRowid)
      .execute();
    await db.schema
      .createTable('meeting_vote_dots')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      .addColumn('step_index', 'integer', (c) => c.notNull())
      .addColumn('option_id', 'text', (c) => c.notNull())
      .addColumn('dots', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_vote_dots_pk', ['meeting_id', 'step_index', 'option_id'])
      .modifyEnd(withoutRowid)
      .execute();
  },
};
