// The demo as the server's start seeds it: only on a database without any municipality, and once
// however many processes start at the same moment on one empty PostgreSQL. There each start takes
// a transaction-scoped advisory lock (blocking, so the second start waits for the first seed to
// finish) and asks again under it whether a municipality exists; the lock goes with the
// transaction, also when the process dies. The seed itself runs on the pool's other connections
// (it makes transactions of its own), so the pool needs two or more. SQLite has one process (the
// instance lock): there the question and the seed simply run.
import { sql } from 'kysely';
import type { CodeHasher } from '../codes/code-hasher';
import type { Database } from '../db/database';
import { jobLockKeys } from '../jobs/run-once';
import { hasAnyMunicipality } from '../repositories/organisation';
import { seedDemo, seedDemoCodes } from './seed-demo';
import { seedDemoReports } from './seed-demo-reports';

/**
 * DEMO_DATA: whether a start on an empty database seeds the demo. Unset: on the embedded SQLite
 * (one municipality trying the tool), off on PostgreSQL (a national instance must never get the
 * demo's admin, whose password is in the README). "on"/"off" choose; anything else refuses.
 */
export function demoDataWanted(raw: string | undefined, dialect: 'sqlite' | 'postgres'): boolean {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '') return dialect === 'sqlite';
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`DEMO_DATA must be "on" or "off" (got "${raw}")`);
}

/** The advisory lock's name (two 32-bit keys, as for scheduled work in ../jobs/run-once.ts). */
export const DEMO_SEED_LOCK = 'demo-seed';

export interface DemoSeedOnStart {
  /** Whether this start seeded the demo (false: the database had a municipality, or another start seeded it). */
  seeded: boolean;
  /** The demo's one-time codes when this start seeded it (printed once), else []. */
  codes: string[];
}

async function seedIfEmpty(database: Database, hasher: CodeHasher, now: Date): Promise<DemoSeedOnStart> {
  if (await hasAnyMunicipality(database.kysely)) return { seeded: false, codes: [] };
  await seedDemo(database, now);
  const codes = await seedDemoCodes(database, hasher);
  await seedDemoReports(database, hasher, now);
  return { seeded: true, codes };
}

export async function seedDemoOnStart(
  database: Database,
  hasher: CodeHasher,
  now: Date = new Date(),
): Promise<DemoSeedOnStart> {
  if (database.dialect !== 'postgres') return seedIfEmpty(database, hasher, now);
  // Most starts find a municipality: no lock for them.
  if (await hasAnyMunicipality(database.kysely)) return { seeded: false, codes: [] };
  const [k1, k2] = jobLockKeys(DEMO_SEED_LOCK);
  return database.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${k1}::int, ${k2}::int)`.execute(trx);
    return seedIfEmpty(database, hasher, now);
  });
}
