// A small world for server tests: its own three-statement questionnaire (tests must not depend on
// the product's real one), a unit tree and rounds in every state, all seen from a pinned "today".
// Answers need a way in, so every round and unit gets a pool of one-time codes, and
// validResponse() takes the next unused one of its round and unit.
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SubmittedResponse } from '../../../src/shared/api/respondent';
import type { Questionnaire } from '../../../src/shared/questionnaire/types';
import { createCodeHasher } from '../../../src/server/codes/code-hasher';
import type { DB } from '../../../src/server/db/schema';
import { generateCode } from '../../../src/shared/codes';
import { insertMunicipality, insertUnits } from '../../../src/server/repositories/organisation';
import { saveQuestionnaire } from '../../../src/server/repositories/questionnaires';
import { insertRound, type RoundRecord } from '../../../src/server/repositories/rounds';
import { ROUND_DEFAULTS } from '../../../src/server/rounds/defaults';

/** 12:00 in Oslo on 2026-03-10. */
export const NOW = new Date('2026-03-10T11:00:00Z');
export const TODAY = '2026-03-10';

const text = (s: string) => ({ nb: s, nn: s, en: s });

export const QUESTIONNAIRE: Questionnaire = {
  version: 'test-v1',
  statements: [
    { id: 's1', factor: 'autonomi', order: 1, text: text('Jeg bestemmer selv.') },
    { id: 's2', factor: 'rolleklarhet', order: 2, text: text('Jeg vet hva som ventes.') },
    { id: 's3', factor: 'mestringsklima', order: 3, text: text('Vi hjelper hverandre.') },
  ],
  background: [
    {
      id: 'gender',
      label: text('Kjønn'),
      options: [
        { value: 'female', label: text('Kvinne') },
        { value: 'male', label: text('Mann') },
      ],
    },
    {
      id: 'ageGroup',
      label: text('Alder'),
      options: [
        { value: 'under-30', label: text('Under 30') },
        { value: '30-plus', label: text('30 eller mer') },
      ],
    },
  ],
  openQuestion: { label: text('Noe mer?'), warning: text('Ikke skriv navn.'), maxLength: 20 },
};

/** Another stored version, so a mismatch can be told apart from an unknown version. */
export const QUESTIONNAIRE_V2: Questionnaire = { ...QUESTIONNAIRE, version: 'test-v2' };

/** A round of m1 over 'unit', open in March 2026 with the fixture questionnaire; override what differs. */
export function round(id: string, fields: Partial<RoundRecord>): RoundRecord {
  return {
    id,
    municipalityId: 'm1',
    unitId: 'unit',
    name: id,
    opensOn: '2026-03-01',
    closesOn: '2026-03-20',
    status: 'open',
    defaultLanguage: 'nb',
    ...ROUND_DEFAULTS,
    openQuestionEnabled: true,
    questionnaireVersion: QUESTIONNAIRE.version,
    ...fields,
  };
}

export const ROUNDS = {
  open: round('round-open', {}),
  plain: round('round-plain', {
    unitId: 'other',
    opensOn: '2026-02-20',
    closesOn: '2026-03-31',
    openQuestionEnabled: false,
    backgroundEnabled: false,
  }),
  /** Closed, and past its grace days. */
  closed: round('round-closed', { status: 'closed', opensOn: '2026-02-01', closesOn: '2026-02-25' }),
  draft: round('round-draft', { status: 'draft' }),
  future: round('round-future', { opensOn: '2026-03-15', closesOn: '2026-03-30' }),
  ended: round('round-ended', { opensOn: '2026-02-01', closesOn: '2026-02-20' }),
  grace: round('round-grace', { opensOn: '2026-02-20', closesOn: '2026-03-05' }),
} as const;

/** The key the test apps hash codes with (support/environment.ts passes it). */
export const TEST_CODE_HASH_KEY = Buffer.alloc(32, 7);
export const TEST_CODE_HASHER = createCodeHasher(TEST_CODE_HASH_KEY);

/** Codes seeded per round and unit; validResponse() hands them out in order. */
export const CODE_POOL_SIZE = 500;

/** The i-th fixture code of a round and unit: deterministic, so seeding and handing out agree. */
export function fixtureCode(roundId: string, unitId: string, i: number): string {
  let block = 0;
  const stream = (n: number) => {
    const bytes = createHash('sha256').update(`${roundId}/${unitId}/${i}/${block++}`).digest();
    return new Uint8Array(bytes.subarray(0, n));
  };
  return generateCode(stream);
}

const handedOut = new Map<string, number>();

/** The next fixture code of a round and unit that no earlier call returned (in this test file). */
export function nextFixtureCode(roundId: string, unitId: string): string {
  const key = `${roundId}/${unitId}`;
  const i = handedOut.get(key) ?? 0;
  if (i >= CODE_POOL_SIZE)
    throw new Error(`The fixture code pool of ${key} is used up; raise CODE_POOL_SIZE`);
  handedOut.set(key, i + 1);
  return fixtureCode(roundId, unitId, i);
}

/** Stores the code pool of a round for each of the units. */
export async function seedFixtureCodes(
  db: Kysely<DB>,
  roundId: string,
  unitIds: readonly string[],
): Promise<void> {
  for (const unitId of unitIds) {
    const rows = Array.from({ length: CODE_POOL_SIZE }, (_, i) => ({
      code_hash: TEST_CODE_HASHER.hashCode(fixtureCode(roundId, unitId, i)),
      round_id: roundId,
      unit_id: unitId,
      municipality_id: 'm1',
      used: 0,
    }));
    for (let i = 0; i < rows.length; i += 250) {
      await db
        .insertInto('one_time_codes')
        .values(rows.slice(i, i + 250))
        .execute();
    }
  }
}

/** An enrolled kiosk of dept in round-open (dept is not in open kiosk mode unless a test sets it). */
export const FIXTURE_KIOSK = {
  id: 'kiosk-dept',
  unitId: 'dept',
  roundId: 'round-open',
  credential: 'fixture-kiosk-credential-0123456789abcdef',
} as const;

export const kioskHeaders = (credential: string = FIXTURE_KIOSK.credential) => ({
  authorization: `Kiosk ${credential}`,
});

/** sector → unit → dept, and sector → other (outside round-open). */
export async function seedFixtures(db: Kysely<DB>): Promise<void> {
  await insertMunicipality(db, { id: 'm1', name: 'Testkommune', number: '0001', language: 'nb' });
  await insertUnits(db, [
    { id: 'sector', municipality_id: 'm1', parent_id: null, name: 'Sektor', unit_type: null },
    { id: 'unit', municipality_id: 'm1', parent_id: 'sector', name: 'Enhet', unit_type: 'Sykehjem' },
    { id: 'dept', municipality_id: 'm1', parent_id: 'unit', name: 'Avdeling', unit_type: 'Sykehjem' },
    { id: 'other', municipality_id: 'm1', parent_id: 'sector', name: 'Annen enhet', unit_type: 'Skole' },
  ]);
  await saveQuestionnaire(db, QUESTIONNAIRE);
  await saveQuestionnaire(db, QUESTIONNAIRE_V2);
  for (const r of Object.values(ROUNDS)) {
    await insertRound(db, r);
    await seedFixtureCodes(db, r.id, r.unitId === 'other' ? ['other'] : ['unit', 'dept']);
  }
  await db
    .insertInto('kiosks')
    .values({
      id: FIXTURE_KIOSK.id,
      municipality_id: 'm1',
      unit_id: FIXTURE_KIOSK.unitId,
      round_id: FIXTURE_KIOSK.roundId,
      credential_hash: createHash('sha256').update(FIXTURE_KIOSK.credential).digest('hex'),
      label: 'Vaktrommet',
      enrolled_at: '2026-03-01T08:00:00.000Z',
      revoked_on: null,
      last_sync_at: null,
    })
    .execute();
}

/**
 * A response to round-open that the server accepts; override fields to break it. It carries the
 * next unused fixture code of its round and unit, unless `code` is among the overrides (pass
 * `code: undefined` for none).
 */
export function validResponse(overrides: Partial<SubmittedResponse> = {}): SubmittedResponse {
  const response: SubmittedResponse = {
    id: randomUUID(),
    roundId: ROUNDS.open.id,
    unitId: 'dept',
    questionnaireVersion: QUESTIONNAIRE.version,
    answeredOn: TODAY,
    answers: { s1: 4, s2: null, s3: 5 },
    background: { gender: 'female' },
    openText: 'Fint her',
    ...overrides,
  };
  if ('code' in overrides) {
    if (overrides.code === undefined) delete response.code;
    return response;
  }
  return { ...response, code: nextFixtureCode(response.roundId, response.unitId) };
}

export function batch(responses: readonly unknown[]): { formatVersion: number; responses: unknown[] } {
  return { formatVersion: 1, responses: [...responses] };
}
