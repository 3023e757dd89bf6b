import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type {
  CodeCheckResponse,
  CodesSummaryResponse,
  CreateCodesResponse,
} from '../../src/shared/api/organisation';
import type { IngestResponse } from '../../src/shared/api/respondent';
import { formatCode, isValidCode, normaliseCode } from '../../src/shared/codes';
import { snapshot } from './support/counts';
import { describeEachDatabase } from './support/databases';
import type { TestEnvironment } from './support/environment';
import {
  batch,
  fixtureCode,
  NOW,
  ROUNDS,
  TEST_CODE_HASH_KEY,
  TEST_CODE_HASHER,
  validResponse,
} from './support/fixtures';
import { type StaffClient, staffEnvironment } from './support/staff';
import { sealedAnswer } from './support/release';

let clients = 0;
/** A fresh client address: failed code guesses are limited per address and hour, and the clock is pinned. */
const newAddress = () => `10.0.${Math.floor(++clients / 250)}.${clients % 250}`;

describeEachDatabase('one-time codes', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  beforeAll(async () => ({ env, admin } = await staffEnvironment(dialect)));
  afterAll(() => env.dispose());

  const db = () => env.database.kysely;
  const send = async (items: unknown[], app: FastifyInstance = env.app, remoteAddress = '127.0.0.1') => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      payload: batch(items),
      remoteAddress,
    });
    return { status: res.statusCode, body: res.json<IngestResponse>() };
  };
  const issue = async (count: number, roundId = ROUNDS.open.id, unitId = 'dept') => {
    const res = await admin.post(`/rounds/${roundId}/units/${unitId}/codes`, { count });
    expect(res.statusCode).toBe(201);
    return res.json<CreateCodesResponse>().codes;
  };
  const refused = async () =>
    (await db().selectFrom('refused_counts').selectAll().execute())
      .map((r) => `${r.round_id}/${r.unit_id}/${r.reason}=${Number(r.count)}`)
      .sort();
  const isUsed = async (code: string) =>
    (
      await db()
        .selectFrom('one_time_codes')
        .select('used')
        .where('code_hash', '=', TEST_CODE_HASHER.hashCode(code))
        .executeTakeFirstOrThrow()
    ).used === 1;

  describe('issuing', () => {
    it('returns N new codes once, in display form, and stores only their keyed hashes', async () => {
      const before = await db().selectFrom('one_time_codes').select('code_hash').execute();
      const res = await admin.post(`/rounds/${ROUNDS.open.id}/units/dept/codes`, { count: 25 });
      expect(res.statusCode).toBe(201);
      expect(res.headers['cache-control']).toBe('no-store');
      const { codes } = res.json<CreateCodesResponse>();
      expect(new Set(codes).size).toBe(25);
      for (const code of codes) {
        expect(code).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}$/);
        expect(isValidCode(code)).toBe(true);
      }
      const after = await db().selectFrom('one_time_codes').selectAll().execute();
      const added = after.filter((row) => !before.some((b) => b.code_hash === row.code_hash));
      expect(added).toHaveLength(25);
      expect(new Set(added.map((r) => r.code_hash))).toEqual(
        new Set(codes.map((c) => TEST_CODE_HASHER.hashCode(c))),
      );
      const dump = JSON.stringify(after);
      for (const code of codes) expect(dump).not.toContain(normaliseCode(code));
      expect(added.every((r) => r.unit_id === 'dept' && r.round_id === ROUNDS.open.id && r.used === 0)).toBe(
        true,
      );
    });

    it('issues up to 2,000 at a time, and none for a closed round or a unit outside the round', async () => {
      expect((await issue(2000)).length).toBe(2000);
      expect(
        (await admin.post(`/rounds/${ROUNDS.open.id}/units/dept/codes`, { count: 2001 })).statusCode,
      ).toBe(400);
      expect((await admin.post(`/rounds/${ROUNDS.open.id}/units/dept/codes`, { count: 0 })).statusCode).toBe(
        400,
      );
      const closed = await admin.post(`/rounds/${ROUNDS.closed.id}/units/dept/codes`, { count: 1 });
      expect(closed.statusCode).toBe(409);
      expect(closed.json()).toMatchObject({ error: { code: 'ROUND_CLOSED' } });
      const outside = await admin.post(`/rounds/${ROUNDS.open.id}/units/other/codes`, { count: 1 });
      expect(outside.json()).toMatchObject({ error: { code: 'UNKNOWN_UNIT' } });
    });
  });

  describe('answering with a code', () => {
    it('lets a code in once; the second answer with it is refused, counted for its unit, and not stored', async () => {
      const [code] = await issue(1);
      const first = await send([validResponse({ code: code!.toLowerCase().replace(/-/g, ' ') })]);
      expect(first.body.results[0]!.status).toBe('accepted');
      expect(await isUsed(code!)).toBe(true);
      const before = await snapshot(env.database);
      const refusedBefore = await refused();
      const second = await send([validResponse({ code })]);
      expect(second.status).toBe(400);
      expect(second.body.results[0]).toMatchObject({ status: 'rejected', code: 'CODE_ALREADY_USED' });
      expect(await snapshot(env.database)).toEqual(before);
      expect(await refused()).not.toEqual(refusedBefore);
      expect(await refused()).toContain(
        `${ROUNDS.open.id}/dept/CODE_ALREADY_USED=${countOf(refusedBefore, 'dept/CODE_ALREADY_USED') + 1}`,
      );
    });

    it('answers a resent response as duplicate without using a second code', async () => {
      const [a, b] = await issue(2);
      const item = validResponse({ code: a });
      expect((await send([item])).body.results[0]!.status).toBe('accepted');
      expect((await send([item])).body.results).toEqual([{ id: item.id, status: 'duplicate' }]);
      // The same response again, now with another code (say the person typed it twice): still a duplicate.
      expect((await send([{ ...item, code: b }])).body.results).toEqual([
        { id: item.id, status: 'duplicate' },
      ]);
      expect(await isUsed(b!)).toBe(false);
    });

    it('refuses an unknown or mistyped code as CODE_UNKNOWN, counted for the unit the device claimed', async () => {
      const refusedBefore = await refused();
      const unknown = fixtureCode('nowhere', 'nobody', 1);
      const [code] = await issue(1);
      const typo = code!.slice(0, -1) + (code!.endsWith('2') ? '3' : '2');
      const res = await send([
        validResponse({ unitId: 'unit', code: unknown }),
        validResponse({ code: typo }),
        // A code of another round is not unknown: its answer goes to that round
        // (tests/server/rounds/several-open-rounds.test.ts).
      ]);
      expect(res.body.results.map((r) => ('code' in r ? r.code : r.status))).toEqual([
        'CODE_UNKNOWN',
        'CODE_UNKNOWN',
      ]);
      const after = await refused();
      expect(after).toContain(
        `${ROUNDS.open.id}/unit/CODE_UNKNOWN=${countOf(refusedBefore, 'unit/CODE_UNKNOWN') + 1}`,
      );
      expect(after).toContain(
        `${ROUNDS.open.id}/dept/CODE_UNKNOWN=${countOf(refusedBefore, 'dept/CODE_UNKNOWN') + 1}`,
      );
      expect(await isUsed(code!)).toBe(false);
    });

    it("stores the answer under the code's unit; the device may send the round's unit, but not another", async () => {
      const [code, other] = await issue(2);
      const item = validResponse({ unitId: 'unit', code });
      expect((await send([item])).body.results[0]!.status).toBe('accepted');
      expect((await sealedAnswer(env.database, item.id))?.unitId).toBe('dept');
      await db()
        .insertInto('units')
        .values({ id: 'dept-2', municipality_id: 'm1', parent_id: 'unit', name: 'Avd 2', unit_type: null })
        .execute();
      // A unit made after the round opened is not part of its frozen frame (issue 11).
      const mismatch = await send([validResponse({ unitId: 'dept-2', code: other })]);
      expect(mismatch.body.results[0]).toMatchObject({ status: 'rejected', code: 'UNKNOWN_UNIT' });
      expect(await isUsed(other!)).toBe(false);
    });

    it('refuses an answer without a code from anything but an enrolled open kiosk: CODE_REQUIRED', async () => {
      const res = await send([validResponse({ code: undefined })]);
      expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: 'CODE_REQUIRED' });
    });

    it('stores exactly one answer when two batches race with the same code', async () => {
      const codes = await issue(10);
      const before = (await snapshot(env.database)).responses;
      const results = await Promise.all(
        codes.flatMap((code) => [send([validResponse({ code })]), send([validResponse({ code })])]),
      );
      const statuses = results.map((r) =>
        'code' in r.body.results[0]! ? r.body.results[0].code : r.body.results[0]!.status,
      );
      for (let i = 0; i < codes.length; i++) {
        expect([statuses[2 * i], statuses[2 * i + 1]].sort()).toEqual(['CODE_ALREADY_USED', 'accepted']);
      }
      expect((await snapshot(env.database)).responses).toBe(before + codes.length);
    });

    it('answers accepted and duplicate when the same response races itself, using its code once', async () => {
      const [code] = await issue(1);
      const item = validResponse({ code });
      const refusedBefore = await refused();
      const results = await Promise.all([send([item]), send([item]), send([item])]);
      expect(results.map((r) => r.body.results[0]!.status).sort()).toEqual([
        'accepted',
        'duplicate',
        'duplicate',
      ]);
      expect(await refused()).toEqual(refusedBefore);
    });

    if (dialect === 'postgres') {
      it('stores exactly one answer per code when separate app instances race', async () => {
        const apps = [env.app, env.secondApp(), env.secondApp(), env.secondApp()];
        const codes = await issue(20);
        const before = (await snapshot(env.database)).responses;
        const results = await Promise.all(
          apps.flatMap((app) => [
            send(
              codes.map((code) => validResponse({ code })),
              app,
            ),
            send(
              [...codes].reverse().map((code) => validResponse({ code })),
              app,
            ),
          ]),
        );
        const accepted = results.flatMap((r) => r.body.results.filter((x) => x.status === 'accepted'));
        const used = results.flatMap((r) =>
          r.body.results.filter((x) => 'code' in x && x.code === 'CODE_ALREADY_USED'),
        );
        expect(accepted).toHaveLength(20);
        expect(used).toHaveLength(20 * 8 - 20);
        expect((await snapshot(env.database)).responses).toBe(before + 20);
      });
    }

    it('sums the codes of a unit: issued, used and refused', async () => {
      const res = await admin.get(`/rounds/${ROUNDS.open.id}/units/dept/codes/summary`);
      expect(res.statusCode).toBe(200);
      const summary = res.json<CodesSummaryResponse>();
      const rows = await db()
        .selectFrom('one_time_codes')
        .select('used')
        .where('round_id', '=', ROUNDS.open.id)
        .where('unit_id', '=', 'dept')
        .execute();
      expect(summary.issued).toBe(rows.length);
      expect(summary.used).toBe(rows.filter((r) => r.used === 1).length);
      expect(summary.refused.usedCode).toBeGreaterThan(0);
      expect(summary.refused.unknownCode).toBeGreaterThan(0);
    });
  });

  describe('the public code check', () => {
    const check = (code: string, remoteAddress: string) =>
      env.app.inject({ method: 'POST', url: '/api/v1/codes/check', payload: { code }, remoteAddress });

    it('tells whether a code is valid with its round and unit, used, for a round not taking answers, or unknown', async () => {
      const address = newAddress();
      const [code] = await issue(1);
      const valid = await check(code!, address);
      expect(valid.json<CodeCheckResponse>()).toEqual({
        status: 'valid',
        round: {
          id: ROUNDS.open.id,
          name: ROUNDS.open.name,
          opensOn: ROUNDS.open.opensOn,
          closesOn: ROUNDS.open.closesOn,
          questionnaireVersion: ROUNDS.open.questionnaireVersion,
        },
        unit: { id: 'dept', name: 'Avdeling' },
      });
      // In an hour of its own: this file's unknown codes have used up round-open's guessing budget.
      await send([validResponse({ code })], env.secondApp({ now: () => new Date(NOW.getTime() + 3600_000) }));
      expect((await check(code!, address)).json()).toEqual({ status: 'used' });
      expect((await check(fixtureCode(ROUNDS.future.id, 'dept', 0), address)).json()).toEqual({
        status: 'notOpen',
      });
      expect((await check(fixtureCode('x', 'y', 0), address)).json()).toEqual({ status: 'unknown' });
      expect((await check('not a code', address)).json()).toEqual({ status: 'unknown' });
    });

    // The guessing limits themselves: tests/server/code-guessing.test.ts.
    it('keeps no client address in the clear', async () => {
      const rows = await db().selectFrom('code_guesses').selectAll().execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toMatch(/10\.0\.|127\.0\.0\.1/);
    });
  });

  it('logs neither codes nor the code in a /s/<code> link', async () => {
    const log: string[] = [];
    const stream = new Writable({
      write: (chunk: Buffer, _enc, done) => done(void log.push(chunk.toString())),
    });
    const app = buildApp({
      db: env.testDb.connect(),
      now: () => NOW,
      codeHashKey: TEST_CODE_HASH_KEY,
      logger: { level: 'trace', stream },
    });
    const [code] = await issue(1);
    const plain = normaliseCode(code!);
    await app.inject({ method: 'POST', url: '/api/v1/codes/check', payload: { code } });
    await app.inject(`/s/${plain}`);
    await app.inject(`/kiosk/some-enrolment-token`);
    await app.inject({ method: 'POST', url: '/api/v1/responses', payload: batch([validResponse({ code })]) });
    await app.inject('/api/v1/auth/me');
    await app.close();
    const text = log.join('');
    for (const secret of [plain, formatCode(plain), 'some-enrolment-token'])
      expect(text).not.toContain(secret);
    // Not even redacted: a line with its time per opened link or code check could be lined up
    // with an arrival (logger.ts). Other requests are logged as before.
    for (const silent of ['/s/', '/kiosk/', '/codes/check', '/responses']) expect(text).not.toContain(silent);
    expect(text).toContain('/api/v1/auth/me');
  });
});

function countOf(lines: string[], suffix: string): number {
  const line = lines.find((l) => l.includes(`/${suffix}=`));
  return line ? Number(line.split('=')[1]) : 0;
}
