// Guessing limits, issue 10: one-time-code guesses and password attempts are counted in the
// database, by rules that hold across server processes and parallel requests.
//
// - code_guesses replaces code_check_limits: failed code guesses per scope and hour, where a scope
//   is a client (a keyed hash of its address, never the address), a round (every client
//   together), or the public code check of the whole server (codes/code-attempts.ts).
// - login_throttle replaces login_attempts: failed sign-ins per client and per client and
//   username (keyed hashes), with the time of the last counted attempt, for an exponential
//   backoff (auth/rate-limit.ts) instead of a fixed lockout of the username.
// The old tables held only counters that expire within minutes, so nothing is carried over.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

export const migration006: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;

    await db.schema.dropTable('code_check_limits').execute();
    await db.schema.dropTable('login_attempts').execute();

    await db.schema
      .createTable('code_guesses')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('window_hour', 'integer', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull().check(sql`hits >= 0`))
      .addPrimaryKeyConstraint('code_guesses_pk', ['scope', 'window_hour'])
      .modifyEnd(withoutRowid)
      .execute();
    // Past windows are deleted by age.
    await db.schema.createIndex('code_guesses_window').on('code_guesses').column('window_hour').execute();

    await db.schema
      .createTable('login_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull().check(sql`failures >= 0`))
      // ISO 8601 UTC of the last counted attempt.
      .addColumn('last_at', 'text', (c) => c.notNull())
      .modifyEnd(withoutRowid)
      .execute();
    await db.schema.createIndex('login_throttle_last_at').on('login_throttle').column('last_at').execute();
  },
};
