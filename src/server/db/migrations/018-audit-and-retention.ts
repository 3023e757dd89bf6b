// What the municipality's IT and privacy officer ask for (issue 15), the parts every later piece
// shares: the audit log (append-only: no UPDATE passes the trigger on either database; retention
// deletes whole old rows), the privacy officer role (whole municipality, like admin), the
// municipality's retention and session settings, the idle clock of a session, one-time password
// reset links that an admin hands out, and the date a round was published (from which its answers
// are kept) and the date its answer rows were deleted.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

const ROLE_CHECK = sql`role in ('admin', 'leader', 'union_rep', 'safety_rep', 'privacy_officer')`;
const SCOPE_CHECK = sql`(role in ('admin', 'privacy_officer') and unit_id is null) or (role not in ('admin', 'privacy_officer') and unit_id is not null)`;

export const migration018: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
      // To the minute, UTC: 'YYYY-MM-DDTHH:MMZ'. No finer, and never a respondent's anything.
      .addColumn('at', 'text', (c) => c.notNull())
      // No foreign key: the entry outlives the account, the unit and the round it names.
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text')
      .addColumn('round_id', 'text')
      .addColumn('detail', 'text')
      .execute();
    await db.schema
      .createIndex('audit_log_municipality_at')
      .on('audit_log')
      .columns(['municipality_id', 'at'])
      .execute();
    if (dialect === 'sqlite') {
      await sql`create trigger audit_log_append_only before update on audit_log
        begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    } else {
      await sql`create function audit_log_refuse_update() returns trigger language plpgsql as $$
        begin raise exception 'audit_log is append-only'; end $$`.execute(db);
      await sql`create trigger audit_log_append_only before update on audit_log
        for each row execute function audit_log_refuse_update()`.execute(db);
    }

    // The privacy officer (personvernombud) holds the role for the whole municipality, as admin.
    if (dialect === 'postgres') {
      await sql`alter table role_assignments drop constraint role_assignments_role_check`.execute(db);
      await sql`alter table role_assignments drop constraint role_assignments_scope`.execute(db);
      await sql`alter table role_assignments add constraint role_assignments_role_check check (${ROLE_CHECK})`.execute(
        db,
      );
      await sql`alter table role_assignments add constraint role_assignments_scope check (${SCOPE_CHECK})`.execute(
        db,
      );
    } else {
      // SQLite cannot change a check constraint: the table is made again with the rows copied.
      await db.schema
        .createTable('role_assignments_new')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull().check(ROLE_CHECK))
        .addColumn('unit_id', 'text', (c) => c.references('units.id').onDelete('cascade'))
        .addCheckConstraint('role_assignments_scope', SCOPE_CHECK)
        .execute();
      await sql`insert into role_assignments_new (user_id, role, unit_id) select user_id, role, unit_id from role_assignments`.execute(
        db,
      );
      await sql`drop table role_assignments`.execute(db);
      await sql`alter table role_assignments_new rename to role_assignments`.execute(db);
      await sql`create unique index role_assignments_unique on role_assignments (user_id, role, coalesce(unit_id, ''))`.execute(
        db,
      );
      await db.schema.createIndex('role_assignments_unit').on('role_assignments').column('unit_id').execute();
    }

    await db.schema
      .alterTable('municipalities')
      .addColumn('session_idle_hours', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(8)
          .check(sql`session_idle_hours between 1 and 720`),
      )
      .execute();
    await db.schema
      .alterTable('municipalities')
      .addColumn('answer_retention_months', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(24)
          .check(sql`answer_retention_months between 1 and 120`),
      )
      .execute();
    await db.schema
      .alterTable('municipalities')
      .addColumn('audit_retention_months', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(24)
          .check(sql`audit_retention_months between 1 and 120`),
      )
      .execute();
    await db.schema.alterTable('municipalities').addColumn('accessibility_statement_url', 'text').execute();

    // The idle clock: null until the first request after sign-in moves it (then created_at counts).
    await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();

    await db.schema
      .createTable('password_resets')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute();

    // YYYY-MM-DD. Rounds published before this migration count from their closing date.
    await db.schema.alterTable('rounds').addColumn('published_on', 'text').execute();
    await sql`update rounds set published_on = closes_on where status = 'published'`.execute(db);
    // YYYY-MM-DD: when retention (or nothing yet: null) deleted the round's answer rows.
    await db.schema.alterTable('rounds').addColumn('answers_deleted_on', 'text').execute();
  },
};
