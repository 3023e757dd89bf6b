// Several rounds open at once (issue 14): a device of a municipality learns every one of them at
// the municipality's entry address, and a coded answer lands in its code's round whatever round
// the device named — never in another one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type {
  CurrentRoundResponse,
  EntryRoundsResponse,
  IngestResponse,
  SubmittedResponse,
} from '../../../src/shared/api/respondent';
import { insertMunicipality, insertUnits } from '../../../src/server/repositories/organisation';
import { insertRound } from '../../../src/server/repositories/rounds';
import { describeEachDatabase } from '../support/databases';
import { createEnvironment, type TestEnvironment } from '../support/environment';
import {
  batch,
  fixtureCode,
  kioskHeaders,
  QUESTIONNAIRE_V2,
  round,
  ROUNDS,
  seedFixtureCodes,
  TEST_CODE_HASHER,
  validResponse,
} from '../support/fixtures';

const M2_ROUND = round('round-m2', { municipalityId: 'm2', unitId: 'm2-unit' });
/** A second open round in m1 whose questionnaire is another version. */
const V2_ROUND = round('round-v2', {
  unitId: 'unit',
  opensOn: '2026-03-02',
  questionnaireVersion: QUESTIONNAIRE_V2.version,
});

const send = async (app: FastifyInstance, responses: SubmittedResponse[]) => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/responses', payload: batch(responses) });
  return { status: res.statusCode, body: res.json<IngestResponse>() };
};

/** A response of round-plain (no background, no open question), carrying one of its codes. */
const plainResponse = (overrides: Partial<SubmittedResponse> = {}) =>
  validResponse({ roundId: ROUNDS.plain.id, unitId: 'other', background: {}, openText: '', ...overrides });

describeEachDatabase('several rounds open at once', (dialect) => {
  let env: TestEnvironment;
  const inbox = async () =>
    (
      await env.database.kysely
        .selectFrom('sealed_inbox')
        .select(['round_id', 'unit_id'])
        .orderBy('round_id')
        .orderBy('unit_id')
        .execute()
    ).map((r) => `${r.round_id}/${r.unit_id}`);
  const usedCodes = async () =>
    (
      await env.database.kysely
        .selectFrom('one_time_codes')
        .select(['round_id', 'unit_id'])
        .where('used', '=', 1)
        .orderBy('round_id')
        .execute()
    ).map((r) => `${r.round_id}/${r.unit_id}`);
  const get = (url: string, headers: Record<string, string> = {}) => env.app.inject({ url, headers });

  beforeAll(async () => {
    env = await createEnvironment(dialect);
    const db = env.database.kysely;
    await insertMunicipality(db, { id: 'm2', name: 'Andre kommune', number: '0002', language: 'nn' });
    await insertUnits(db, [
      { id: 'm2-unit', municipality_id: 'm2', parent_id: null, name: 'Kontoret', unit_type: null },
    ]);
    await insertRound(db, M2_ROUND);
    await db
      .insertInto('one_time_codes')
      .values({
        code_hash: TEST_CODE_HASHER.hashCode(fixtureCode(M2_ROUND.id, 'm2-unit', 0)),
        round_id: M2_ROUND.id,
        unit_id: 'm2-unit',
        municipality_id: 'm2',
        used: 0,
      })
      .execute();
  });
  afterAll(() => env.dispose());
  beforeEach(async () => {
    for (const table of ['sealed_inbox', 'round_seal_keys', 'ingest_receipts', 'refused_counts'] as const)
      await env.database.kysely.deleteFrom(table).execute();
  });

  describe('the entry address', () => {
    it("lists every open round of its municipality and none of another's", async () => {
      const m1 = await get('/api/v1/entries/testkommune/rounds');
      expect(m1.statusCode).toBe(200);
      const body = m1.json<EntryRoundsResponse>();
      expect(body.municipality).toEqual({ slug: 'testkommune', name: 'Testkommune' });
      // round-open and round-plain are both open on the fixture's day; the rest are not.
      expect(body.rounds.map((r) => r.id)).toEqual([ROUNDS.open.id, ROUNDS.plain.id]);
      expect(body.rounds.map((r) => r.unit)).toEqual([
        { id: 'unit', name: 'Enhet' },
        { id: 'other', name: 'Annen enhet' },
      ]);
      expect(body.questionnaires.map((q) => q.version)).toEqual(['test-v1']);

      const m2 = (await get('/api/v1/entries/andre-kommune/rounds')).json<EntryRoundsResponse>();
      expect(m2.rounds.map((r) => r.id)).toEqual([M2_ROUND.id]);
    });

    it("gives an enrolled kiosk only its own round, whichever municipality's address it opens", async () => {
      const res = await get('/api/v1/entries/testkommune/rounds', kioskHeaders());
      const body = res.json<EntryRoundsResponse>();
      expect(body.rounds.map((r) => [r.id, r.unit.id])).toEqual([[ROUNDS.open.id, 'dept']]);
    });

    it('answers an unknown address 404 ENTRY_UNKNOWN and one that cannot be an address 400', async () => {
      const unknown = await get('/api/v1/entries/ingen-kommune/rounds');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json<{ error: { code: string } }>().error.code).toBe('ENTRY_UNKNOWN');
      for (const bad of ['a'.repeat(64), 'a'.repeat(2000), 'Testkommune', 'test--kommune', 'x', 'a%01b']) {
        const res = await get(`/api/v1/entries/${bad}/rounds`);
        expect(res.statusCode, bad).toBe(400);
        expect(['MALFORMED_REQUEST', 'INVALID_TEXT']).toContain(
          res.json<{ error: { code: string } }>().error.code,
        );
      }
    });

    it('keeps the old address: one round, scoped by ?m=', async () => {
      const m2 = await get('/api/v1/rounds/current?m=andre-kommune');
      expect(m2.statusCode).toBe(200);
      expect(m2.json<CurrentRoundResponse>().round.id).toBe(M2_ROUND.id);
      const m1 = await get('/api/v1/rounds/current?m=testkommune');
      expect(m1.json<CurrentRoundResponse>().round.id).toBe(ROUNDS.open.id);
      expect(m1.json<CurrentRoundResponse>().questionnaire.version).toBe('test-v1');
      expect((await get('/api/v1/rounds/current?m=ingen-kommune')).statusCode).toBe(404);
      expect((await get('/api/v1/rounds/current?m=%01')).statusCode).toBe(400);
      // Without ?m= on an instance of several municipalities: what old clients always got.
      expect((await get('/api/v1/rounds/current')).statusCode).toBe(200);
    });
  });

  describe('coded answers', () => {
    it('takes the codes of both open rounds, each into its own round, whatever round the device named', async () => {
      // The device had cached round-open only and answered everything under it.
      const a = validResponse({ background: {}, openText: '' });
      const b = { ...plainResponse(), roundId: ROUNDS.open.id, unitId: 'dept' };
      const { status, body } = await send(env.app, [a, b]);
      expect(status).toBe(200);
      expect(body.results).toEqual([
        { id: a.id, status: 'accepted' },
        { id: b.id, status: 'accepted' },
      ]);
      expect(await inbox()).toEqual([`${ROUNDS.open.id}/dept`, `${ROUNDS.plain.id}/other`]);
    });

    it("never lets a claimed round put an answer of round A's code into round B", async () => {
      // round-open's code, claimed for round-plain and its unit.
      const a = validResponse({ roundId: ROUNDS.open.id, unitId: 'dept', background: {}, openText: '' });
      const claimed = { ...a, roundId: ROUNDS.plain.id, unitId: 'other' };
      const { body } = await send(env.app, [claimed]);
      expect(body.results).toEqual([{ id: a.id, status: 'accepted' }]);
      expect(await inbox()).toEqual([`${ROUNDS.open.id}/dept`]);
      // Another municipality's round named with m1's code: still m1's round, never m2's.
      const c = validResponse({ background: {}, openText: '' });
      await send(env.app, [{ ...c, roundId: M2_ROUND.id, unitId: 'm2-unit' }]);
      expect(await inbox()).toEqual([`${ROUNDS.open.id}/dept`, `${ROUNDS.open.id}/dept`]);
    });

    it("refuses an answer made to another questionnaire than its code's round uses, and stores nothing", async () => {
      await insertRound(env.database.kysely, V2_ROUND);
      await seedFixtureCodes(env.database.kysely, V2_ROUND.id, ['unit']);
      try {
        const listed = (await get('/api/v1/entries/testkommune/rounds')).json<EntryRoundsResponse>();
        expect(listed.questionnaires.map((q) => q.version).sort()).toEqual(['test-v1', 'test-v2']);
        const wrong = validResponse({ roundId: V2_ROUND.id, unitId: 'unit' });
        const { body } = await send(env.app, [{ ...wrong, roundId: ROUNDS.open.id }]);
        expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'QUESTIONNAIRE_VERSION_MISMATCH' });
        expect(await inbox()).toEqual([]);
        const right = validResponse({ roundId: V2_ROUND.id, unitId: 'unit' });
        const ok = await send(env.app, [
          { ...right, roundId: ROUNDS.open.id, questionnaireVersion: QUESTIONNAIRE_V2.version },
        ]);
        expect(ok.body.results).toEqual([{ id: right.id, status: 'accepted' }]);
        expect(await inbox()).toEqual([`${V2_ROUND.id}/unit`]);
      } finally {
        await env.database.kysely
          .updateTable('rounds')
          .set({ status: 'draft' })
          .where('id', '=', V2_ROUND.id)
          .execute();
      }
    });

    it('answers a replayed code CODE_ALREADY_USED, whichever round it names, and changes nothing stored', async () => {
      const first = plainResponse();
      expect((await send(env.app, [first])).body.results).toEqual([{ id: first.id, status: 'accepted' }]);
      const before = { inbox: await inbox(), used: await usedCodes() };
      const again = { ...first, id: crypto.randomUUID() };
      const elsewhere = { ...first, id: crypto.randomUUID(), roundId: ROUNDS.open.id, unitId: 'dept' };
      const { body } = await send(env.app, [again, elsewhere]);
      expect(body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
        'CODE_ALREADY_USED',
        'CODE_ALREADY_USED',
      ]);
      expect({ inbox: await inbox(), used: await usedCodes() }).toEqual(before);
      // And the same answer sent again is a duplicate, not a second answer.
      expect((await send(env.app, [first])).body.results).toEqual([{ id: first.id, status: 'duplicate' }]);
      expect(await inbox()).toEqual(before.inbox);
    });

    it('counts an unknown code under the round the device named, and stores nothing', async () => {
      const unknown = validResponse({ code: 'ABCD-EFGH-JKLM' });
      const { body } = await send(env.app, [unknown]);
      expect(body.results[0]).toMatchObject({ status: 'rejected' });
      expect(await inbox()).toEqual([]);
    });
  });
});
