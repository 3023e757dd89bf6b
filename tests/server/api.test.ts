import { Writable } from 'node:stream';
import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import {
  CurrentRoundResponseSchema,
  MAX_BODY_BYTES,
  type CurrentRoundResponse,
} from '../../src/shared/api/respondent';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { batch, NOW, QUESTIONNAIRE, ROUNDS, validResponse } from './support/fixtures';
import { sealedCount } from './support/release';

describeEachDatabase('the HTTP API', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
  });
  afterAll(() => env.dispose());

  const post = (payload: unknown) =>
    env.app.inject({ method: 'POST', url: '/api/v1/responses', payload: payload as object });

  it('reports health (liveness) with the dialect in use', async () => {
    const res = await env.app.inject('/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: dialect });
  });

  it('serves the current round with its unit and questionnaire', async () => {
    const res = await env.app.inject('/api/v1/rounds/current');
    expect(res.statusCode).toBe(200);
    const body = res.json<CurrentRoundResponse>();
    expect(Value.Check(CurrentRoundResponseSchema, body)).toBe(true);
    expect(body.round).toEqual({
      id: ROUNDS.open.id,
      name: ROUNDS.open.name,
      names: {},
      opensOn: '2026-03-01',
      closesOn: '2026-03-20',
      status: 'open',
      defaultLanguage: 'nb',
      threshold: 5,
      openQuestionEnabled: true,
      backgroundEnabled: true,
      questionnaireVersion: QUESTIONNAIRE.version,
      unit: { id: 'unit', name: 'Enhet' },
    });
    expect(body.questionnaire).toEqual(QUESTIONNAIRE);
    expect(body.settings).toEqual({ idleTimeoutSeconds: 120 });
  });

  it('tells devices the configured shared-tablet idle timeout', async () => {
    const configured = env.secondApp({ deviceSettings: { idleTimeoutSeconds: 300 } });
    const res = await configured.inject('/api/v1/rounds/current');
    expect(res.json<CurrentRoundResponse>().settings).toEqual({ idleTimeoutSeconds: 300 });
  });

  it('answers 404 NOT_FOUND when no round is open today', async () => {
    const later = env.secondApp({ now: () => new Date('2027-01-01T12:00:00Z') });
    const res = await later.inject('/api/v1/rounds/current');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No round is open' } });
  });

  it('serves a questionnaire by version and 404 NOT_FOUND for an unknown one', async () => {
    const ok = await env.app.inject(`/api/v1/questionnaires/${QUESTIONNAIRE.version}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual(QUESTIONNAIRE);
    const missing = await env.app.inject('/api/v1/questionnaires/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('answers 404 NOT_FOUND in the error envelope for unknown API routes', async () => {
    for (const url of ['/api/v1/nope', '/api', '/api/v2/rounds/current']) {
      const res = await env.app.inject(url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found' } });
    }
  });

  it('answers 400 MALFORMED_REQUEST to a body that is not JSON', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      headers: { 'content-type': 'application/json' },
      payload: '{"formatVersion": 1, "responses": [',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'MALFORMED_REQUEST', message: 'The body is not valid JSON' },
    });
  });

  it('answers 400 MALFORMED_REQUEST naming the field when the envelope breaks the schema', async () => {
    const missing = await post({ formatVersion: 1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { code: 'MALFORMED_REQUEST' } });
    expect(missing.json<{ error: { message: string } }>().error.message).toMatch(/responses/);
    const notArray = await post({ formatVersion: 1, responses: 'all of them' });
    expect(notArray.json<{ error: { message: string } }>().error.message).toMatch(/responses.*array/);
  });

  it('answers 400 UNSUPPORTED_FORMAT_VERSION to another format version', async () => {
    for (const formatVersion of [2, 0, '1']) {
      const res = await post({ formatVersion, responses: [validResponse()] });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'UNSUPPORTED_FORMAT_VERSION' } });
    }
  });

  it('answers 400 BATCH_TOO_LARGE to 101 responses and stores none of them', async () => {
    const res = await post(batch(Array.from({ length: 101 }, () => validResponse())));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'BATCH_TOO_LARGE' } });
    expect(await sealedCount(env.database)).toBe(0);
    const rows = await env.database.kysely.selectFrom('responses').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('answers 413 BODY_TOO_LARGE to a body over MAX_BODY_BYTES', async () => {
    const res = await post(batch([validResponse({ openText: 'x'.repeat(MAX_BODY_BYTES) })]));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
  });

  it('answers 500 INTERNAL_ERROR without details when the database fails', async () => {
    const db = env.testDb.connect();
    const log: string[] = [];
    const stream = new Writable({
      write: (chunk: Buffer, _enc, done) => done(void log.push(chunk.toString())),
    });
    const broken = buildApp({ db, now: () => NOW, logger: { level: 'error', stream } });
    // Closing the connection under the app makes every query throw (Kysely connects lazily, so
    // connect first: closing a never-used instance does nothing).
    await db.kysely.selectFrom('units').select('id').execute();
    await db.close();
    const res = await broken.inject('/api/v1/rounds/current');
    await broken.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
    // The details go to the log instead.
    expect(log.join('')).toMatch(/request failed/);
  });
});
