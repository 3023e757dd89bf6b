// The sealed inbox (issue 11): nothing stored links an answer to a code, a tablet use or an
// arrival time. The ingest no longer writes responses or aggregates; it seals each answer into
// sealed_inbox under its round's key, and the release (src/server/release/) opens the round's
// inbox once the round is over, writes the responses in random order with new ids, adds them to
// the aggregates, and destroys the inbox rows and the round key.
//
// - sealed_inbox: receipt (a keyed hash of the client's UUID, random-looking, the key: WITHOUT
//   ROWID on SQLite keeps rows in its order, not the order of arrival), round and unit in clear
//   for the live counts, and the sealed answer (AES-256-GCM, padded to a fixed size). No time.
// - round_seal_keys: each round's answer key, only as wrapped by the seal key outside the database.
// - ingest_receipts: the receipts of released answers, so a resend after the release is still a
//   duplicate; they share nothing with the responses (new random ids).
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

export const migration011: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;
    const bytes = dialect === 'sqlite' ? 'blob' : 'bytea';

    await db.schema
      .createTable('round_seal_keys')
      .addColumn('round_id', 'text', (c) => c.primaryKey().references('rounds.id'))
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('wrapped', sql.raw(bytes), (c) => c.notNull())
      .modifyEnd(withoutRowid)
      .execute();

    await db.schema
      .createTable('sealed_inbox')
      .addColumn('receipt', 'text', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('sealed', sql.raw(bytes), (c) => c.notNull())
      .modifyEnd(withoutRowid)
      .execute();
    await db.schema
      .createIndex('sealed_inbox_round_unit')
      .on('sealed_inbox')
      .columns(['round_id', 'unit_id'])
      .execute();

    await db.schema
      .createTable('ingest_receipts')
      .addColumn('receipt', 'text', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .modifyEnd(withoutRowid)
      .execute();

    if (dialect === 'postgres') {
      // The sealed bytes are random: trying to compress them is wasted work.
      await sql`alter table sealed_inbox alter column sealed set storage external`.execute(db);
    }
  },
};
