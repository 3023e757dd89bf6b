// Smoke test of the national bench's instance builder at a tiny size: the counts it builds are the
// counts the reports read, so the bench cannot rot unnoticed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { buildNationalInstance } from '../bench/national-instance';

let dir: string | undefined;
let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('builds the municipalities, units, rounds and answers it says', async () => {
  dir = mkdtempSync(join(tmpdir(), 'tifaktor-national-'));
  database = openDatabase({ dataDir: dir });
  await migrateToLatest(database);
  const built = await buildNationalInstance(database, { municipalities: 6, answers: 900 });
  const db = database.kysely;
  const count = async (table: 'municipalities' | 'units' | 'rounds') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  expect(built.municipalities).toHaveLength(6);
  expect(await count('municipalities')).toBe(6);
  expect(await count('rounds')).toBe(6);
  expect(await count('units')).toBe(built.units);
  const totals = await db
    .selectFrom('aggregate_totals')
    .select((eb) => eb.fn.sum<number>('responses').as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(totals.n)).toBe(900);
  expect(built.answers).toBe(900);
  // Some units are tiny (under every threshold), so suppression is exercised.
  const tiny = await db.selectFrom('aggregate_totals').select('unit_id').where('responses', '<', 3).execute();
  expect(tiny.length).toBeGreaterThan(0);
});
