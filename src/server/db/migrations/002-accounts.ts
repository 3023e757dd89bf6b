// Staff accounts, their roles, sessions, login rate limiting and first-admin setup links. None of
// these tables refers to responses, and responses refer to none of them: an account never meets
// an answer in the database.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

export const migration002: DialectMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_on', 'text', (c) => c.notNull())
      .addUniqueConstraint('users_municipality_username', ['municipality_id', 'username'])
      .execute();

    await db.schema
      .createTable('role_assignments')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sql`role in ('admin', 'leader', 'union_rep', 'safety_rep')`),
      )
      // A scope on a unit that is deleted goes with it rather than blocking the delete.
      .addColumn('unit_id', 'text', (c) => c.references('units.id').onDelete('cascade'))
      .addCheckConstraint(
        'role_assignments_scope',
        sql`(role = 'admin' and unit_id is null) or (role <> 'admin' and unit_id is not null)`,
      )
      .execute();
    // NULLs are distinct in a plain unique index, so coalesce: an admin role can be held only once too.
    await sql`create unique index role_assignments_unique on role_assignments (user_id, role, coalesce(unit_id, ''))`.execute(
      db,
    );
    await db.schema.createIndex('role_assignments_unit').on('role_assignments').column('unit_id').execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // "Log out everywhere" deletes by user.
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('login_attempts')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
    // Expired windows are purged by age.
    await db.schema
      .createIndex('login_attempts_window')
      .on('login_attempts')
      .column('window_start')
      .execute();

    await db.schema
      .createTable('setup_tokens')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
};
