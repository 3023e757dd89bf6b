// The ingest's own rules, issue 10: what a revoked kiosk may still deliver, and the answers the
// ingest refused, counted per round, unit and reason.
//
// - kiosks.revoked_allowance: how many more answers a kiosk may deliver after its revoke. The
//   revoke copies the pending count the kiosk last reported into it; each answer the kiosk
//   delivers afterwards takes one (kiosks/revoked-allowance.ts). A kiosk revoked before this
//   migration gets its last reported pending count, the nearest thing to what the server knew.
// - rejected_counts: every final per-item rejection of the ingest except the two code refusals,
//   which refused_counts keeps as before. unit_id is '' when the unit sent is unknown or not part of
//   the round (hence no foreign key on it). No time, no code, no kiosk: round, unit, reason, count.
// - rejected_items: a SHA-256 of each rejected response's UUID, so a device that sends the same
//   rejected answer again (its reply was lost) does not count it twice. It holds no answer, no
//   time and no device; keep_until (a date) lets the ingest delete it some weeks after the round.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

export const migration007: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;

    await db.schema
      .alterTable('kiosks')
      .addColumn('revoked_allowance', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`update kiosks set revoked_allowance = pending_reported where revoked_on is not null`.execute(
      db,
    );

    await db.schema
      .createTable('rejected_counts')
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rejected_counts_pk', ['round_id', 'unit_id', 'reason'])
      .modifyEnd(withoutRowid)
      .execute();

    await db.schema
      .createTable('rejected_items')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('keep_until', 'text', (c) => c.notNull())
      .modifyEnd(withoutRowid)
      .execute();
    await db.schema
      .createIndex('rejected_items_keep_until')
      .on('rejected_items')
      .column('keep_until')
      .execute();
  },
};
