import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CurrentRoundResponse, IngestResponse } from '../../src/shared/api/schemas';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default-v1';
import { DEMO_CODE_COUNT, DEMO_IDS, seedDemo, seedDemoCodes } from '../../src/server/db/seed-demo';
import { isValidCode } from '../../src/shared/codes';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { NOW, TEST_CODE_HASHER } from './support/fixtures';

describeEachDatabase('the demo seed', (dialect) => {
  let env: TestEnvironment;
  let codes: string[] = [];
  beforeAll(async () => {
    env = await createEnvironment(dialect, { seed: false });
  });
  afterAll(() => env.dispose());

  it('creates Demo kommune with one open round for Avdeling 2, and changes nothing when run again', async () => {
    await seedDemo(env.database, NOW);
    codes = await seedDemoCodes(env.database, TEST_CODE_HASHER);
    await seedDemo(env.database, new Date('2026-04-01T12:00:00Z'));
    expect(await seedDemoCodes(env.database, TEST_CODE_HASHER)).toEqual([]);
    const db = env.database.kysely;
    expect(await db.selectFrom('municipalities').selectAll().execute()).toEqual([
      { id: DEMO_IDS.municipality, name: 'Demo kommune', number: '9999', language: 'nb' },
    ]);
    const units = await db
      .selectFrom('units')
      .select(['name', 'parent_id', 'unit_type', 'open_kiosk'])
      .orderBy('name')
      .execute();
    // Avdeling 2 is in open kiosk mode: an enrolled tablet there takes answers without codes.
    expect(units).toEqual([
      { name: 'Avdeling 2', parent_id: DEMO_IDS.unit, unit_type: 'sykehjem', open_kiosk: 1 },
      { name: 'Helse og omsorg', parent_id: null, unit_type: null, open_kiosk: 0 },
      { name: 'Solbakken sykehjem', parent_id: DEMO_IDS.sector, unit_type: 'sykehjem', open_kiosk: 0 },
    ]);
    // 20 one-time codes for Avdeling 2, so any browser can answer; only their hashes are stored.
    expect(codes).toHaveLength(DEMO_CODE_COUNT);
    expect(codes.every(isValidCode)).toBe(true);
    const stored = await db.selectFrom('one_time_codes').select(['code_hash', 'unit_id']).execute();
    expect(stored).toHaveLength(DEMO_CODE_COUNT);
    expect(stored.every((c) => c.unit_id === DEMO_IDS.department && !codes.includes(c.code_hash))).toBe(true);
    expect(await db.selectFrom('rounds').select('id').execute()).toHaveLength(1);
  });

  it('serves the demo round with the default questionnaire, open from two days ago to twelve days ahead', async () => {
    const res = await env.app.inject('/api/v1/rounds/current');
    expect(res.statusCode).toBe(200);
    const body = res.json<CurrentRoundResponse>();
    expect(body.round).toMatchObject({
      name: 'Medarbeiderundersøkelsen 2026',
      opensOn: '2026-03-08',
      closesOn: '2026-03-22',
      status: 'open',
      defaultLanguage: 'nb',
      threshold: 5,
      openQuestionEnabled: true,
      backgroundEnabled: true,
      unit: { id: DEMO_IDS.department, name: 'Avdeling 2' },
    });
    expect(body.questionnaire).toEqual(DEFAULT_QUESTIONNAIRE);
  });

  it('accepts a full answer to the demo round', async () => {
    const answers = Object.fromEntries(DEFAULT_QUESTIONNAIRE.statements.map((s, i) => [s.id, (i % 5) + 1]));
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      payload: {
        formatVersion: 1,
        responses: [
          {
            id: crypto.randomUUID(),
            roundId: DEMO_IDS.round,
            unitId: DEMO_IDS.department,
            questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
            answeredOn: '2026-03-10',
            answers,
            background: { gender: 'declined' },
            openText: 'Godt arbeidsmiljø',
            code: codes[0],
          },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<IngestResponse>().results[0]?.status).toBe('accepted');
  });
});
