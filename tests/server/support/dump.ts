// Every row of every table a refused request could have written to, for "nothing changed"
// assertions. Sessions are left out: any signed-in request may touch its own.
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/server/db/schema';

const TABLES = [
  'municipalities',
  'units',
  'rounds',
  'questionnaires',
  'responses',
  'aggregate_counts',
  'aggregate_totals',
  'background_counts',
  'background_totals',
  'background_profiles',
  'users',
  'role_assignments',
  'login_throttle',
  'setup_tokens',
  'unit_types',
  'one_time_codes',
  'refused_counts',
  'kiosks',
  'kiosk_enrolments',
  'code_guesses',
  'national_figures',
  'sealed_inbox',
  'round_seal_keys',
  'ingest_receipts',
  'round_phases',
] as const satisfies readonly (keyof DB)[];

export type TableDump = Record<(typeof TABLES)[number], string[]>;

export async function dumpTables(db: Kysely<DB>): Promise<TableDump> {
  const dump: Partial<TableDump> = {};
  for (const table of TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    dump[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return dump as TableDump;
}
