// Organisation and rounds for real use: unit types, employee counts and open kiosk mode on units,
// one-time codes, refused answers, enrolled kiosks and the rate limit of the public code check.
// Columns are added with ALTER TABLE ... ADD COLUMN, which both dialects run the same way.
//
// Unlinkability of codes and answers starts here: one_time_codes has no timestamp, no sequence and
// no reference to responses (and responses none to it). On SQLite it is WITHOUT ROWID, so rows sit
// in the order of their random keyed hash, not the order they were written or used.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

/** The fixed, extendable list: add a row to add a type. */
export const UNIT_TYPES = [
  ['barnehage', 'Barnehage', 'Barnehage', 'Kindergarten'],
  ['skole-barnetrinn', 'Skole barnetrinn', 'Skule barnesteget', 'Primary school'],
  ['skole-ungdomstrinn', 'Skole ungdomstrinn', 'Skule ungdomssteget', 'Lower secondary school'],
  ['sykehjem', 'Sykehjem', 'Sjukeheim', 'Nursing home'],
  ['hjemmetjeneste', 'Hjemmetjeneste', 'Heimeteneste', 'Home care'],
  ['helse-omsorg-annet', 'Helse og omsorg annet', 'Helse og omsorg anna', 'Other health and care'],
  ['teknisk', 'Teknisk', 'Teknisk', 'Technical services'],
  ['administrasjon', 'Administrasjon', 'Administrasjon', 'Administration'],
  ['kultur', 'Kultur', 'Kultur', 'Culture'],
  ['nav', 'NAV', 'NAV', 'NAV (welfare office)'],
] as const;

export const migration003: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;
    const isBoolean = (column: string) => sql`${sql.ref(column)} in (0, 1)`;

    await db.schema
      .createTable('unit_types')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('label_nb', 'text', (c) => c.notNull())
      .addColumn('label_nn', 'text', (c) => c.notNull())
      .addColumn('label_en', 'text', (c) => c.notNull())
      .execute();
    for (const [code, nb, nn, en] of UNIT_TYPES) {
      await sql`insert into unit_types (code, label_nb, label_nn, label_en) values (${code}, ${nb}, ${nn}, ${en})`.execute(
        db,
      );
    }
    // Units written before this migration name their type by its bokmål label; use the code.
    for (const [code, nb] of UNIT_TYPES) {
      await sql`update units set unit_type = ${code} where lower(unit_type) = ${nb.toLowerCase()}`.execute(
        db,
      );
    }

    await db.schema.alterTable('units').addColumn('employee_count', 'integer').execute();
    await db.schema
      .alterTable('units')
      .addColumn('open_kiosk', 'integer', (c) => c.notNull().defaultTo(0).check(isBoolean('open_kiosk')))
      .execute();

    // Nullable only because ALTER TABLE cannot fill older rows otherwise; they get their opening day.
    await db.schema.alterTable('rounds').addColumn('created_on', 'text').execute();
    await sql`update rounds set created_on = opens_on where created_on is null`.execute(db);

    await db.schema
      .createTable('one_time_codes')
      // HMAC-SHA256(CODE_HASH_KEY, normalised code), hex: the code itself is never stored.
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
      .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0).check(isBoolean('used')))
      .modifyEnd(withoutRowid)
      .execute();
    await db.schema
      .createIndex('one_time_codes_round_unit')
      .on('one_time_codes')
      .columns(['round_id', 'unit_id'])
      .execute();

    await db.schema
      .createTable('refused_counts')
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('reason', 'text', (c) =>
        c.notNull().check(sql`reason in ('CODE_UNKNOWN', 'CODE_ALREADY_USED')`),
      )
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('refused_counts_pk', ['round_id', 'unit_id', 'reason'])
      .modifyEnd(withoutRowid)
      .execute();

    await db.schema
      .createTable('kiosks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      // SHA-256 of the 256-bit credential the tablet holds.
      .addColumn('credential_hash', 'text', (c) => c.notNull().unique())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .addColumn('revoked_on', 'text')
      .addColumn('last_sync_at', 'text')
      .addColumn('pending_reported', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('kiosks_unit').on('kiosks').column('unit_id').execute();

    await db.schema
      .createTable('kiosk_enrolments')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('label', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0).check(isBoolean('used')))
      .execute();

    // Fixed one-minute windows of failed code checks per client. `client` is a keyed hash of the
    // address, never the address; rows older than a few minutes are deleted.
    await db.schema
      .createTable('code_check_limits')
      .addColumn('client', 'text', (c) => c.notNull())
      .addColumn('window_minute', 'integer', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('code_check_limits_pk', ['client', 'window_minute'])
      .execute();
    await db.schema
      .createIndex('code_check_limits_window')
      .on('code_check_limits')
      .column('window_minute')
      .execute();
  },
};
