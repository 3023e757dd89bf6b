// A demo municipality with one open round and two staff logins, so a fresh install can be tried at
// once. Idempotent: fixed ids and ON CONFLICT DO NOTHING, so running it again changes nothing (not
// even the dates or the demo accounts).
import { addDays, osloDate } from '../../shared/dates';
import { prepareAccount } from '../auth/accounts';
import { DEFAULT_QUESTIONNAIRE } from '../../shared/questionnaire/default-v1';
import { insertUser, replaceRoles } from '../repositories/accounts';
import { insertMunicipality, insertUnits } from '../repositories/organisation';
import { saveQuestionnaire } from '../repositories/questionnaires';
import { insertRound } from '../repositories/rounds';
import { ROUND_DEFAULTS } from '../rounds/defaults';
import { webRandomBytes } from '../../shared/codes';
import type { CodeHasher } from '../codes/code-hasher';
import { issueCodes } from '../codes/issue-codes';
import type { Database } from '../db/database';

export const DEMO_IDS = {
  municipality: 'demo-kommune',
  sector: 'demo-helse-og-omsorg',
  unit: 'demo-solbakken-sykehjem',
  department: 'demo-solbakken-avdeling-2',
  round: 'demo-medarbeiderundersokelsen-2026',
  admin: 'demo-admin',
  leader: 'demo-leder',
  privacyOfficer: 'demo-personvern',
} as const;

/** Printed by the server when it seeds the demo. A demo, not a secret: never use it for real data. */
export const DEMO_LOGINS = {
  admin: 'demo-admin',
  leader: 'demo-leder',
  /** The privacy officer (personvernombud): the audit log and the settings, no reports. */
  privacyOfficer: 'demo-personvern',
  password: 'tifaktor-demo-2026',
} as const;

async function seedDemoAccounts(database: Database, now: Date): Promise<void> {
  const db = database.kysely;
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [DEMO_IDS.admin, DEMO_IDS.leader, DEMO_IDS.privacyOfficer])
    .execute();
  // A demo made by an earlier release gets the accounts it lacks (the privacy officer came later).
  const have = new Set(existing.map((row) => row.id));
  const municipalityId = DEMO_IDS.municipality;
  const accounts = [
    {
      id: DEMO_IDS.admin,
      username: DEMO_LOGINS.admin,
      displayName: 'Demo HR-administrator',
      role: 'admin',
      unitId: null,
    },
    {
      id: DEMO_IDS.leader,
      username: DEMO_LOGINS.leader,
      displayName: 'Demo leder, Solbakken',
      role: 'leader',
      unitId: DEMO_IDS.unit,
    },
    {
      id: DEMO_IDS.privacyOfficer,
      username: DEMO_LOGINS.privacyOfficer,
      displayName: 'Demo personvernombud',
      role: 'privacy_officer',
      unitId: null,
    },
  ] as const;
  // Hashing takes a while; do it before the transaction.
  const missing = accounts.filter((a) => !have.has(a.id));
  if (missing.length === 0) return;
  const prepared = await Promise.all(
    missing.map(async (a) => ({
      id: a.id,
      ...(await prepareAccount({
        municipalityId,
        username: a.username,
        displayName: a.displayName,
        password: DEMO_LOGINS.password,
        roles: [{ role: a.role, unitId: a.unitId }],
      })),
    })),
  );
  await db.transaction().execute(async (trx) => {
    for (const account of prepared) {
      if (await insertUser(trx, { ...account, createdOn: osloDate(now) }))
        await replaceRoles(trx, account.id, account.roles);
    }
  });
}

export async function seedDemo(database: Database, now: Date = new Date()): Promise<void> {
  const today = osloDate(now);
  await database.kysely.transaction().execute(async (trx) => {
    await insertMunicipality(trx, {
      id: DEMO_IDS.municipality,
      name: 'Demo kommune',
      number: '9999',
      language: 'nb',
    });
    const municipality_id = DEMO_IDS.municipality;
    await insertUnits(trx, [
      { id: DEMO_IDS.sector, municipality_id, parent_id: null, name: 'Helse og omsorg', unit_type: null },
      {
        id: DEMO_IDS.unit,
        municipality_id,
        parent_id: DEMO_IDS.sector,
        name: 'Solbakken sykehjem',
        unit_type: 'sykehjem',
      },
      {
        id: DEMO_IDS.department,
        municipality_id,
        parent_id: DEMO_IDS.unit,
        name: 'Avdeling 2',
        unit_type: 'sykehjem',
        employee_count: 12,
        // Open kiosk mode: an enrolled tablet of Avdeling 2 takes answers without codes.
        open_kiosk: 1,
      },
    ]);
    await saveQuestionnaire(trx, DEFAULT_QUESTIONNAIRE);
    await insertRound(trx, {
      id: DEMO_IDS.round,
      municipalityId: municipality_id,
      unitId: DEMO_IDS.department,
      name: 'Medarbeiderundersøkelsen 2026',
      opensOn: addDays(today, -2),
      closesOn: addDays(today, 12),
      status: 'open',
      defaultLanguage: 'nb',
      ...ROUND_DEFAULTS,
      openQuestionEnabled: true,
    });
  });
  await seedDemoAccounts(database, now);
}

/** How many one-time codes the demo gets, printed once when the demo is seeded. */
export const DEMO_CODE_COUNT = 20;

/**
 * One-time codes for Avdeling 2, so a visitor can answer from any browser. Only when the demo
 * round has none yet (so running it again changes nothing); returns the new codes, normalised.
 */
export async function seedDemoCodes(database: Database, hasher: CodeHasher): Promise<string[]> {
  const existing = await database.kysely
    .selectFrom('one_time_codes')
    .select('code_hash')
    .where('round_id', '=', DEMO_IDS.round)
    .limit(1)
    .executeTakeFirst();
  if (existing) return [];
  const target = {
    roundId: DEMO_IDS.round,
    unitId: DEMO_IDS.department,
    municipalityId: DEMO_IDS.municipality,
  };
  return issueCodes(database.kysely, hasher, webRandomBytes, target, DEMO_CODE_COUNT);
}
