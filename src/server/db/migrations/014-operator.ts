// Many municipalities on one instance (issue 14). The hosting organisation's operator accounts and
// their sign-ins live in tables of their own, apart from the municipalities' staff: an operator is
// no user of any municipality, so no staff route (which resolves only `sessions`) ever sees one,
// and no query scoped by municipality can be widened by an operator. Each municipality gets its
// respondents' entry address, /k/<entry_slug>, unique on the instance; existing municipalities get
// one made from their name.
import { sql, type Kysely } from 'kysely';
import { slugifyName } from '../../../shared/entry-slug';
import type { DialectMigration } from './dialect-migration';

export const migration014: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const check =
      dialect === 'sqlite'
        ? sql`entry_slug is null or (entry_slug not glob '*[^a-z0-9-]*' and length(entry_slug) between 2 and 63)`
        : sql`entry_slug is null or entry_slug ~ '^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$'`;
    await db.schema
      .alterTable('municipalities')
      .addColumn('entry_slug', 'text', (c) => c.check(check))
      .execute();
    const rows = await sql<{
      id: string;
      name: string;
    }>`select id, name from municipalities order by id`.execute(db);
    const taken = new Set<string>();
    for (const row of rows.rows) {
      const base = slugifyName(row.name);
      let slug = base;
      for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
      taken.add(slug);
      await sql`update municipalities set entry_slug = ${slug} where id = ${row.id}`.execute(db);
    }
    await db.schema
      .createIndex('municipalities_entry_slug')
      .on('municipalities')
      .column('entry_slug')
      .unique()
      .execute();

    await db.schema
      .createTable('operators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_on', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('operator_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('operator_id', 'text', (c) => c.notNull().references('operators.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('operator_sessions_operator')
      .on('operator_sessions')
      .column('operator_id')
      .execute();
  },
};
