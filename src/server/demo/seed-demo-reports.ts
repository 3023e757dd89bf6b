// Something to read in the reports of a fresh demo: two published rounds a year apart for the whole
// of "Helse og omsorg", with made-up answers (deterministic, see ./synthetic-answers.ts), codes
// issued as invitations, and made-up national figures clearly named as such. Lunden bofellesskap
// gets 4 answers in the newer round, so the demo also shows "too few answers". Idempotent: nothing
// happens when the first demo report round exists.
import { addDays, osloDate } from '../../shared/dates';
import { FACTOR_IDS } from '../../shared/factors';
import { DEFAULT_QUESTIONNAIRE } from '../../shared/questionnaire/default-v1';
import { webRandomBytes } from '../../shared/codes';
import type { CodeHasher } from '../codes/code-hasher';
import { issueCodes } from '../codes/issue-codes';
import { insertUnits } from '../repositories/organisation';
import { addToAggregates } from '../ingest/add-to-aggregates';
import { insertResponse } from '../repositories/responses';
import { insertRound } from '../repositories/rounds';
import { ROUND_DEFAULTS } from '../rounds/defaults';
import { DEFAULT_ROUND_LENGTH_DAYS } from '../../shared/rounds';
import type { Database } from '../db/database';
import { DEMO_IDS } from './seed-demo';
import { seedDemoPlan } from './seed-demo-plans';
import { seededRandom, syntheticResponses, unitMeans } from './synthetic-answers';

export const DEMO_REPORT_IDS = {
  earlierRound: 'demo-rapport-forrige-runde',
  laterRound: 'demo-rapport-siste-runde',
  avdeling1: 'demo-solbakken-avdeling-1',
  heimly: 'demo-heimly-hjemmetjeneste',
  lunden: 'demo-lunden-bofellesskap',
} as const;

/** The made-up national figures say so in their source, which every report shows. */
export const DEMO_NATIONAL_SOURCE = 'Demotall (oppdiktet)';

/** Per unit: [invited, answers in the earlier round, answers in the later round]. */
const DEMO_UNITS: readonly { id: string; invited: number; answers: readonly [number, number] }[] = [
  // Staff at the sector itself; their answers count in the sector and municipality figures only.
  { id: DEMO_IDS.sector, invited: 8, answers: [5, 6] },
  { id: DEMO_REPORT_IDS.avdeling1, invited: 20, answers: [12, 14] },
  { id: DEMO_IDS.department, invited: 15, answers: [9, 11] },
  { id: DEMO_REPORT_IDS.heimly, invited: 25, answers: [16, 18] },
  { id: DEMO_REPORT_IDS.lunden, invited: 9, answers: [6, 4] },
];

const OPEN_TEXTS = [
  'Vi hjelper hverandre godt når det er travelt, men vi trenger mer tid til opplæring av nye.',
  'Fint å få være med og bestemme hvordan vi legger opp dagen.',
  'Ønsker flere faste møtepunkter med leder.',
  'Det er uklart hvem som har ansvar for hva på kveldsvakter.',
  'Stolt av jobben vi gjør for beboerne.',
  'Kurs i demens har vært nyttig, gjerne mer av det.',
];

export async function seedDemoReports(
  database: Database,
  hasher: CodeHasher,
  now = new Date(),
): Promise<void> {
  const db = database.kysely;
  const exists = await db
    .selectFrom('rounds')
    .select('id')
    .where('id', '=', DEMO_REPORT_IDS.earlierRound)
    .executeTakeFirst();
  if (exists) return;
  const today = osloDate(now);
  const municipality_id = DEMO_IDS.municipality;
  await insertUnits(db, [
    {
      id: DEMO_REPORT_IDS.avdeling1,
      municipality_id,
      parent_id: DEMO_IDS.unit,
      name: 'Avdeling 1',
      unit_type: 'sykehjem',
    },
    {
      id: DEMO_REPORT_IDS.heimly,
      municipality_id,
      parent_id: DEMO_IDS.sector,
      name: 'Heimly hjemmetjeneste',
      unit_type: 'hjemmetjeneste',
    },
    {
      id: DEMO_REPORT_IDS.lunden,
      municipality_id,
      parent_id: DEMO_IDS.sector,
      name: 'Lunden bofellesskap',
      unit_type: 'helse-omsorg-annet',
    },
  ]);

  const random = seededRandom(2026);
  const means = new Map(DEMO_UNITS.map((u) => [u.id, unitMeans(random)]));
  // Two rounds of the default length, closed two years and one year ago.
  const rounds = [
    { id: DEMO_REPORT_IDS.earlierRound, closesOn: addDays(today, -730), open: false },
    { id: DEMO_REPORT_IDS.laterRound, closesOn: addDays(today, -365), open: true },
  ].map((round) => ({ ...round, opensOn: addDays(round.closesOn, 1 - DEFAULT_ROUND_LENGTH_DAYS) }));
  for (const [index, round] of rounds.entries()) {
    const { opensOn } = round;
    await insertRound(db, {
      id: round.id,
      municipalityId: municipality_id,
      unitId: DEMO_IDS.sector,
      name: `Medarbeiderundersøkelsen ${opensOn.slice(0, 4)}`,
      opensOn,
      closesOn: round.closesOn,
      status: 'published',
      defaultLanguage: 'nb',
      ...ROUND_DEFAULTS,
      openQuestionEnabled: round.open,
    });
    const openTexts = round.open ? [...OPEN_TEXTS] : [];
    for (const unit of DEMO_UNITS) {
      const count = unit.answers[index]!;
      const target = { roundId: round.id, unitId: unit.id, municipalityId: municipality_id };
      await issueCodes(db, hasher, webRandomBytes, target, unit.invited);
      // Mark as many codes used as there are answers, so the response rate adds up.
      const codes = await db
        .selectFrom('one_time_codes')
        .select('code_hash')
        .where('round_id', '=', round.id)
        .where('unit_id', '=', unit.id)
        .limit(count)
        .execute();
      await db
        .updateTable('one_time_codes')
        .set({ used: 1 })
        .where(
          'code_hash',
          'in',
          codes.map((c) => c.code_hash),
        )
        .execute();
      // A small lift between the rounds, so the comparison has something to show.
      const lean = Object.fromEntries(
        FACTOR_IDS.map((id) => [id, means.get(unit.id)![id] + index * (random() * 0.4 - 0.1)]),
      ) as ReturnType<typeof unitMeans>;
      const responses = syntheticResponses({
        roundId: round.id,
        unitId: unit.id,
        count,
        questionnaire: DEFAULT_QUESTIONNAIRE,
        answeredOn: addDays(opensOn, 3),
        means: lean,
        random,
        withBackground: true,
        openTexts: openTexts.splice(0, 2),
      });
      await db.transaction().execute(async (trx) => {
        for (const response of responses) await insertResponse(trx, response);
        await addToAggregates(trx, responses);
      });
    }
  }

  const nationalRows = rounds.flatMap((round) =>
    ['*', 'sykehjem', 'hjemmetjeneste'].flatMap((unit_type) =>
      FACTOR_IDS.map((factor_id) => ({
        municipality_id,
        year: Number(round.opensOn.slice(0, 4)),
        unit_type,
        factor_id,
        average: Math.round((3.9 + random() * 0.5) * 10) / 10,
        source: DEMO_NATIONAL_SOURCE,
      })),
    ),
  );
  await db.insertInto('national_figures').values(nationalRows).execute();
  await seedDemoPlan(database, DEMO_REPORT_IDS.laterRound, now);
}
