// A small world for server tests: its own three-statement questionnaire (tests must not depend on
// the product's real one), a unit tree and rounds in every state, all seen from a pinned "today".
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SubmittedResponse } from '../../../src/shared/api/schemas';
import type { Questionnaire } from '../../../src/shared/questionnaire/types';
import type { DB } from '../../../src/server/db/schema';
import { insertMunicipality, insertUnits } from '../../../src/server/repositories/organisation';
import { saveQuestionnaire } from '../../../src/server/repositories/questionnaires';
import { insertRound, type RoundRecord } from '../../../src/server/repositories/rounds';

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

function round(id: string, fields: Partial<RoundRecord>): RoundRecord {
  return {
    id,
    municipalityId: 'm1',
    unitId: 'unit',
    name: id,
    opensOn: '2026-03-01',
    closesOn: '2026-03-20',
    status: 'open',
    defaultLanguage: 'nb',
    threshold: 5,
    openQuestionEnabled: true,
    backgroundEnabled: true,
    graceDays: 7,
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
  closed: round('round-closed', { status: 'closed' }),
  draft: round('round-draft', { status: 'draft' }),
  future: round('round-future', { opensOn: '2026-03-15', closesOn: '2026-03-30' }),
  ended: round('round-ended', { opensOn: '2026-02-01', closesOn: '2026-02-20' }),
  grace: round('round-grace', { opensOn: '2026-02-20', closesOn: '2026-03-05' }),
} as const;

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
  for (const r of Object.values(ROUNDS)) await insertRound(db, r);
}

/** A response to round-open that the server accepts; override fields to break it. */
export function validResponse(overrides: Partial<SubmittedResponse> = {}): SubmittedResponse {
  return {
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
}

export function batch(responses: readonly unknown[]): { formatVersion: number; responses: unknown[] } {
  return { formatVersion: 1, responses: [...responses] };
}
