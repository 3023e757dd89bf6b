// A demo municipality with one open round, so a fresh install can be tried at once. Idempotent:
// fixed ids and ON CONFLICT DO NOTHING, so running it again changes nothing (not even the dates).
import { addDays, osloDate } from '../../shared/dates';
import { DEFAULT_QUESTIONNAIRE } from '../../shared/questionnaire/default-v1';
import { insertMunicipality, insertUnits } from '../repositories/organisation';
import { saveQuestionnaire } from '../repositories/questionnaires';
import { insertRound } from '../repositories/rounds';
import type { Database } from './database';

export const DEMO_IDS = {
  municipality: 'demo-kommune',
  sector: 'demo-helse-og-omsorg',
  unit: 'demo-solbakken-sykehjem',
  department: 'demo-solbakken-avdeling-2',
  round: 'demo-medarbeiderundersokelsen-2026',
} as const;

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
        unit_type: 'Sykehjem',
      },
      {
        id: DEMO_IDS.department,
        municipality_id,
        parent_id: DEMO_IDS.unit,
        name: 'Avdeling 2',
        unit_type: 'Sykehjem',
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
      threshold: 5,
      openQuestionEnabled: true,
      backgroundEnabled: true,
      graceDays: 7,
      questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
    });
  });
}
