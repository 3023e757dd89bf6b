import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/shared/api/errors';
import type { IngestResponse, SubmittedResponse } from '../../src/shared/api/respondent';
import { snapshot } from './support/counts';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { batch, QUESTIONNAIRE_V2, ROUNDS, validResponse } from './support/fixtures';
import { releaseAll, sealedAnswer } from './support/release';

type Override = Partial<Record<keyof SubmittedResponse, unknown>>;

/** Each case breaks one rule; the item must come back with exactly this code. */
const REJECTIONS: [string, Override, ErrorCode][] = [
  ['an id that is not a UUID', { id: 'not-a-uuid' }, 'INVALID_RESPONSE'],
  ['a missing field', { answers: undefined }, 'INVALID_RESPONSE'],
  ['a field the contract does not know', { deviceId: 'tablet-3' } as Override, 'INVALID_RESPONSE'],
  ['an unknown round', { roundId: 'no-such-round' }, 'UNKNOWN_ROUND'],
  ['a closed round past its grace days', { roundId: ROUNDS.closed.id }, 'ROUND_CLOSED'],
  ['a draft round', { roundId: ROUNDS.draft.id }, 'ROUND_NOT_OPEN'],
  ['a round that opens later', { roundId: ROUNDS.future.id, answeredOn: '2026-03-11' }, 'ROUND_NOT_OPEN'],
  ['a round past its grace days', { roundId: ROUNDS.ended.id, answeredOn: '2026-02-20' }, 'ROUND_CLOSED'],
  ['an unknown unit', { unitId: 'no-such-unit' }, 'UNKNOWN_UNIT'],
  ['a unit outside the round', { unitId: 'other' }, 'UNKNOWN_UNIT'],
  ['the parent of the round unit', { unitId: 'sector' }, 'UNKNOWN_UNIT'],
  ['an unknown questionnaire version', { questionnaireVersion: 'test-v9' }, 'UNKNOWN_QUESTIONNAIRE_VERSION'],
  [
    'another stored version',
    { questionnaireVersion: QUESTIONNAIRE_V2.version },
    'QUESTIONNAIRE_VERSION_MISMATCH',
  ],
  ['a statement of no version', { answers: { s1: 3, s99: 4 } }, 'UNKNOWN_STATEMENT'],
  ['an answer of 6', { answers: { s1: 6 } }, 'VALUE_OUT_OF_RANGE'],
  ['an answer of 0', { answers: { s1: 0 } }, 'VALUE_OUT_OF_RANGE'],
  ['a fractional answer', { answers: { s1: 2.5 } }, 'VALUE_OUT_OF_RANGE'],
  ['an answer as text', { answers: { s1: '4' } }, 'VALUE_OUT_OF_RANGE'],
  [
    'background when the round asks none',
    { roundId: ROUNDS.plain.id, unitId: 'other' },
    'BACKGROUND_NOT_ALLOWED',
  ],
  ['an unknown background question', { background: { shoeSize: '42' } }, 'UNKNOWN_BACKGROUND_QUESTION'],
  [
    'a background value not among the options',
    { background: { gender: 'robot' } },
    'INVALID_BACKGROUND_VALUE',
  ],
  [
    'open text when the round has no open question',
    { roundId: ROUNDS.plain.id, unitId: 'other', background: {} },
    'OPEN_TEXT_NOT_ALLOWED',
  ],
  ['open text over maxLength', { openText: 'x'.repeat(21) }, 'OPEN_TEXT_TOO_LONG'],
  ['a date that does not exist', { answeredOn: '2026-02-30' }, 'INVALID_DATE'],
  ['a date that is not YYYY-MM-DD', { answeredOn: '10.03.2026' }, 'INVALID_DATE'],
  // A device date in the future or before the opening is a wrong clock, not a reason to refuse
  // (ingest-clock.test.ts); a date after the close that has come is a late answer.
  ['a date after the round closed', { roundId: ROUNDS.grace.id, answeredOn: '2026-03-06' }, 'ROUND_CLOSED'],
];

describeEachDatabase('ingest validation', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
  });
  afterAll(() => env.dispose());

  const post = async (responses: unknown[]) => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/responses', payload: batch(responses) });
    return { status: res.statusCode, body: res.json<IngestResponse>() };
  };

  it.each(REJECTIONS)('rejects %s with its code and stores nothing', async (_name, override, code) => {
    // The code is one of the round and unit the item names: a coded answer goes to its code's round.
    const item: Record<string, unknown> = {
      ...validResponse({
        ...(typeof override.roundId === 'string' && { roundId: override.roundId }),
        ...(typeof override.unitId === 'string' && { unitId: override.unitId }),
      }),
      ...override,
    };
    for (const key of Object.keys(item)) if (item[key] === undefined) delete item[key];
    const before = await snapshot(env.database);
    const { status, body } = await post([item]);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('BATCH_PARTIALLY_REJECTED');
    expect(body.results).toEqual([
      { id: item.id, status: 'rejected', code, message: expect.any(String) as string },
    ]);
    expect(await snapshot(env.database)).toEqual(before);
  });

  it('rejects an item that is not an object, with id ""', async () => {
    const { status, body } = await post([42]);
    expect(status).toBe(400);
    expect(body.results).toEqual([
      expect.objectContaining({ id: '', status: 'rejected', code: 'INVALID_RESPONSE' }),
    ]);
  });

  it('rejects the second of two items with the same id as DUPLICATE_ID_IN_BATCH', async () => {
    const first = validResponse();
    const { status, body } = await post([first, { ...first, answers: { s1: 1 } }]);
    expect(status).toBe(400);
    expect(body.results.map((r) => [r.id, r.status, 'code' in r ? r.code : undefined])).toEqual([
      [first.id, 'accepted', undefined],
      [first.id, 'rejected', 'DUPLICATE_ID_IN_BATCH'],
    ]);
    expect((await sealedAnswer(env.database, first.id))?.answers).toEqual({ s1: 4, s2: null, s3: 5 });
  });

  it('stores the valid items of a mixed batch and rejects the rest, in request order', async () => {
    const good = [validResponse(), validResponse({ unitId: 'unit' }), validResponse()];
    const bad = [validResponse({ roundId: 'nope' }), validResponse({ answers: { s1: 9 } })];
    const before = await snapshot(env.database);
    const { status, body } = await post([good[0], bad[0], good[1], bad[1], good[2]]);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('BATCH_PARTIALLY_REJECTED');
    expect(body.results.map((r) => r.status)).toEqual([
      'accepted',
      'rejected',
      'accepted',
      'rejected',
      'accepted',
    ]);
    expect(body.results.map((r) => r.id)).toEqual(
      [good[0], bad[0], good[1], bad[1], good[2]].map((r) => r!.id),
    );
    expect((await snapshot(env.database)).responses).toBe(before.responses + 3);
  });

  it('accepts a response made offline before the close within the grace days', async () => {
    const { status, body } = await post([
      validResponse({ roundId: ROUNDS.grace.id, answeredOn: '2026-03-05' }),
    ]);
    expect(status).toBe(200);
    expect(body).toEqual({ results: [expect.objectContaining({ status: 'accepted' })] });
  });

  it('accepts tomorrow in Oslo, for a device just past midnight', async () => {
    const { status } = await post([validResponse({ answeredOn: '2026-03-11' })]);
    expect(status).toBe(200);
  });

  it('stores the normalised response: unanswered statements as null, text trimmed, nothing else', async () => {
    const id = randomUUID().toUpperCase();
    const item = validResponse({
      id,
      answers: { s3: 2 },
      background: { ageGroup: 'declined' },
      openText: '  Hei  ',
    });
    const { status, body } = await post([item]);
    expect(status).toBe(200);
    expect(body.results).toEqual([{ id, status: 'accepted' }]);
    expect(await sealedAnswer(env.database, id)).toEqual({
      roundId: ROUNDS.open.id,
      unitId: 'dept',
      questionnaireVersion: 'test-v1',
      answeredOn: '2026-03-10',
      answers: { s1: null, s2: null, s3: 2 },
      background: { ageGroup: 'declined' },
      openText: 'Hei',
    });
    // Released, it is the same answer under a new id: the client's UUID is not kept with it.
    await releaseAll(env.database);
    const rows = await env.database.kysely
      .selectFrom('responses')
      .selectAll()
      .where('open_text', '=', 'Hei')
      .where('answers', '=', JSON.stringify({ s1: null, s2: null, s3: 2 }))
      .execute();
    expect(rows).toEqual([
      {
        id: expect.not.stringMatching(id.toLowerCase()) as string,
        round_id: ROUNDS.open.id,
        unit_id: 'dept',
        questionnaire_version: 'test-v1',
        answered_on: '2026-03-10',
        answers: JSON.stringify({ s1: null, s2: null, s3: 2 }),
        background: JSON.stringify({ ageGroup: 'declined' }),
        open_text: 'Hei',
      },
    ]);
  });

  it('stores blank open text as no open text, even where the round has no open question', async () => {
    const item = validResponse({
      roundId: ROUNDS.plain.id,
      unitId: 'other',
      background: {},
      openText: '   ',
    });
    const { status } = await post([item]);
    expect(status).toBe(200);
    const sealed = await sealedAnswer(env.database, item.id);
    expect(sealed).toBeDefined();
    expect(sealed?.openText).toBeNull();
  });

  it('counts open text in characters, not UTF-16 units', async () => {
    const { status } = await post([validResponse({ openText: '😀'.repeat(20) })]);
    expect(status).toBe(200);
  });
});
