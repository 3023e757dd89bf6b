// What the chaos devices answer: one municipality, a round open around the real today (the server
// child runs on the real clock), a unit whose people answer with one-time codes and an open-kiosk
// unit below it with one enrolled kiosk per kiosk device. Seeded straight into the database
// before the server starts; codes are hashed with the key the server gets as CODE_HASH_KEY.
import { createHash } from 'node:crypto';
import type { Database } from '../../../src/server/db/database';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { createCodeHasher } from '../../../src/server/codes/code-hasher';
import { insertMunicipality, insertUnits } from '../../../src/server/repositories/organisation';
import { saveQuestionnaire } from '../../../src/server/repositories/questionnaires';
import { insertRound } from '../../../src/server/repositories/rounds';
import { ROUND_DEFAULTS } from '../../../src/server/rounds/defaults';
import { generateCode } from '../../../src/shared/codes';
import { addDays, osloDate } from '../../../src/shared/dates';
import { QUESTIONNAIRE } from '../../server/support/fixtures';
import { seededBytes } from '../../support/seed';

/** 64 characters; the server child reads it from CODE_HASH_KEY. */
export const CHAOS_CODE_HASH_KEY = 'chaos-code-hash-key-'.padEnd(64, '0');

export const WORLD = {
  municipality: 'chaos-m',
  roundId: 'chaos-round',
  /** The round's unit: answers come in with one-time codes. */
  codeUnit: 'chaos-unit',
  /** Below it, in open kiosk mode: enrolled kiosks send answers without codes. */
  kioskUnit: 'chaos-kiosk-unit',
  questionnaire: QUESTIONNAIRE,
} as const;

export type DevicePlan =
  | { index: number; kind: 'code'; unitId: string; codes: string[] }
  | { index: number; kind: 'kiosk'; unitId: string; credential: string; kioskId: string };

/** Half the devices use codes (one per answer), half are kiosks. */
export function planDevices(devices: number, answersPerDevice: number): DevicePlan[] {
  const bytes = seededBytes('chaos-codes');
  const seen = new Set<string>();
  return Array.from({ length: devices }, (_, index): DevicePlan => {
    if (index % 2 === 1) {
      return {
        index,
        kind: 'kiosk',
        unitId: WORLD.kioskUnit,
        kioskId: `chaos-kiosk-${index}`,
        credential: `chaos-kiosk-credential-${index}-`.padEnd(48, 'x'),
      };
    }
    const codes: string[] = [];
    while (codes.length < answersPerDevice) {
      const code = generateCode(bytes);
      if (!seen.has(code)) codes.push(code);
      seen.add(code);
    }
    return { index, kind: 'code', unitId: WORLD.codeUnit, codes };
  });
}

export async function seedWorld(database: Database, plans: readonly DevicePlan[]): Promise<void> {
  const db = database.kysely;
  await migrateToLatest(database);
  const today = osloDate();
  await insertMunicipality(db, {
    id: WORLD.municipality,
    name: 'Kaoskommune',
    number: '9999',
    language: 'nb',
  });
  await insertUnits(db, [
    {
      id: WORLD.codeUnit,
      municipality_id: WORLD.municipality,
      parent_id: null,
      name: 'Enhet',
      unit_type: null,
    },
    {
      id: WORLD.kioskUnit,
      municipality_id: WORLD.municipality,
      parent_id: WORLD.codeUnit,
      name: 'Kioskavdeling',
      unit_type: null,
    },
  ]);
  await db.updateTable('units').set({ open_kiosk: 1 }).where('id', '=', WORLD.kioskUnit).execute();
  await saveQuestionnaire(db, QUESTIONNAIRE);
  await insertRound(db, {
    id: WORLD.roundId,
    municipalityId: WORLD.municipality,
    unitId: WORLD.codeUnit,
    name: 'Kaosrunde',
    opensOn: addDays(today, -7),
    closesOn: addDays(today, 30),
    status: 'open',
    defaultLanguage: 'nb',
    ...ROUND_DEFAULTS,
    openQuestionEnabled: true,
    questionnaireVersion: QUESTIONNAIRE.version,
  });
  const hasher = createCodeHasher(Buffer.from(CHAOS_CODE_HASH_KEY, 'utf8'));
  for (const plan of plans) {
    if (plan.kind === 'code') {
      const rows = plan.codes.map((code) => ({
        code_hash: hasher.hashCode(code),
        round_id: WORLD.roundId,
        unit_id: plan.unitId,
        municipality_id: WORLD.municipality,
        used: 0,
      }));
      for (let i = 0; i < rows.length; i += 250) {
        await db
          .insertInto('one_time_codes')
          .values(rows.slice(i, i + 250))
          .execute();
      }
    } else {
      await db
        .insertInto('kiosks')
        .values({
          id: plan.kioskId,
          municipality_id: WORLD.municipality,
          unit_id: plan.unitId,
          round_id: WORLD.roundId,
          credential_hash: createHash('sha256').update(plan.credential).digest('hex'),
          label: `Nettbrett ${plan.index}`,
          enrolled_at: new Date().toISOString(),
          revoked_on: null,
          last_sync_at: null,
        })
        .execute();
    }
  }
}
