// The reports' kept counts and analyses (src/server/reports/count-cache.ts, round-data.ts
// analysedRounds): made once per round while its totals stay the same, never served once another
// answer is stored (by this process or any other), and bounded in rounds and units.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { prepareAccount } from '../../../src/server/auth/accounts';
import { startSession } from '../../../src/server/auth/session';
import type { Database } from '../../../src/server/db/database';
import { insertUser, replaceRoles } from '../../../src/server/repositories/accounts';
import { SESSION_COOKIE } from '../../../src/shared/api/staff';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { seededRandom, syntheticResponses, unitMeans } from '../../../src/server/demo/synthetic-answers';
import { addToAggregates } from '../../../src/server/ingest/add-to-aggregates';
import { findRounds } from '../../../src/server/repositories/rounds';
import { analyseRound } from '../../../src/server/reports/analyse';
import { cachedSize, forgetCachedCounts, trimCache } from '../../../src/server/reports/count-cache';
import { analysedRounds, loadRoundsData } from '../../../src/server/reports/round-data';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default-v1';
import { buildNationalInstance, type NationalInstance } from '../../bench/national-instance';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases';

describeEachDatabase('the kept analyses of the reports', (dialect) => {
  let testDb: TestDatabase;
  let database: Database;
  let built: NationalInstance;
  beforeEach(async () => {
    testDb = await createTestDatabase(dialect);
    database = testDb.connect();
    await migrateToLatest(database);
    built = await buildNationalInstance(database, { municipalities: 3, answers: 600, seed: 3 });
  });
  afterEach(async () => {
    forgetCachedCounts(database);
    await database.close();
    await testDb.dispose();
  });

  const roundOf = async (i: number) => {
    const id = built.municipalities[i]!.roundId;
    return (await findRounds(database.kysely, [id])).get(id)!;
  };

  it('analyses a round once while its totals stay, as analyseRound would', async () => {
    const round = await roundOf(0);
    const first = (await analysedRounds(database, [round], 'counts')).get(round.id)!;
    const again = (await analysedRounds(database, [round], 'counts')).get(round.id)!;
    expect(again.analysis).toBe(first.analysis);
    // A round read with its background groups serves a later request for counts alone.
    const withBackground = (await analysedRounds(database, [round], 'background')).get(round.id)!;
    expect(withBackground.data.background.length).toBeGreaterThan(0);
    // ... and keeps the counts it had: only the background rows were read for it.
    const counted = again.data.units.find((u) => u.own.responses > 0)!;
    const sameUnit = withBackground.data.units.find((u) => u.id === counted.id)!;
    expect(sameUnit.own.statements.s01).toBe(counted.own.statements.s01);
    expect((await analysedRounds(database, [round], 'counts')).get(round.id)!.analysis).toBe(
      withBackground.analysis,
    );
    forgetCachedCounts(database);
    const plain = analyseRound((await loadRoundsData(database, [round], 'counts')).get(round.id)!);
    expect(first.analysis.figures).toEqual(plain.figures);
    expect(first.analysis.unitSuppression).toEqual(plain.unitSuppression);
    expect(first.analysis.totals).toEqual(plain.totals);
  });

  it('analyses again once another answer is stored, and shows it', async () => {
    const round = await roundOf(1);
    const unitId = built.municipalities[1]!.typicalUnit;
    const before = (await analysedRounds(database, [round], 'counts')).get(round.id)!.analysis;
    const random = seededRandom(9);
    const responses = syntheticResponses({
      roundId: round.id,
      unitId,
      count: 7,
      questionnaire: DEFAULT_QUESTIONNAIRE,
      answeredOn: '2026-09-04',
      means: unitMeans(random),
      random,
      withBackground: true,
    });
    // As another process would store them: straight into the counts, past this process's cache.
    await database.kysely.transaction().execute((trx) => addToAggregates(trx, responses));
    const after = (await analysedRounds(database, [round], 'counts')).get(round.id)!.analysis;
    expect(after).not.toBe(before);
    const rootId = built.municipalities[1]!.rootId;
    expect(after.totals.get(rootId)!.responses).toBe(before.totals.get(rootId)!.responses + 7);
    expect(after.totals.get(unitId)!.responses).toBe(before.totals.get(unitId)!.responses + 7);
  });

  it('answers every report the same from what it kept as read cold: nothing a reply is made from is changed', async () => {
    const m = built.municipalities[2]!;
    const account = await prepareAccount({
      municipalityId: m.id,
      username: 'cache-admin',
      displayName: 'Admin',
      password: 'cache-password-2026',
      roles: [{ role: 'admin', unitId: null }],
    });
    await insertUser(database.kysely, { ...account, id: 'cache-admin', createdOn: '2026-11-01' });
    await replaceRoles(database.kysely, 'cache-admin', account.roles);
    const now = new Date('2026-11-28T10:00:00Z');
    const cookie = `${SESSION_COOKIE}=${(await startSession(database.kysely, 'cache-admin', now)).token}`;
    const app = buildApp({ db: database, now: () => now });
    try {
      const urls = [
        `/api/v1/reports/rounds/${m.roundId}/units/${m.typicalUnit}`,
        `/api/v1/reports/rounds/${m.roundId}/units/${m.rootId}`,
        `/api/v1/reports/rounds/${m.roundId}/heatmap`,
        `/api/v1/reports/rounds`,
      ];
      const read = async () => {
        const bodies: unknown[] = [];
        for (const url of urls) {
          const res = await app.inject({ method: 'GET', url, headers: { cookie } });
          expect(res.statusCode, url).toBe(200);
          bodies.push(res.json());
        }
        return bodies;
      };
      forgetCachedCounts(database);
      const cold = await read();
      expect(cachedSize(database).rounds).toBe(1);
      // Read in another order, then twice more from what was kept.
      urls.reverse();
      const kept = (await read()).reverse();
      urls.reverse();
      expect(kept).toEqual(cold);
      expect(await read()).toEqual(cold);
    } finally {
      await app.close();
    }
  });

  it('keeps nothing of a read made with the cache off (the national release)', async () => {
    const rounds = await Promise.all([0, 1, 2].map(roundOf));
    await loadRoundsData(database, rounds, 'background', { cache: false });
    expect(cachedSize(database)).toEqual({ rounds: 0, units: 0 });
    await analysedRounds(database, rounds, 'counts');
    expect(cachedSize(database).rounds).toBe(3);
  });
});

describe('trimming the kept rounds', () => {
  const entry = (units: number) => ({
    units: new Map(Array.from({ length: units }, (_, i) => [`u${i}`, {}])),
  });

  it('drops the least recently used first, down to the bounds of rounds and of units', () => {
    const cache = new Map([
      ['a', entry(300)],
      ['b', entry(300)],
      ['c', entry(300)],
      ['d', entry(100)],
    ]);
    trimCache(cache, new Map([['d', true]]), { rounds: 10, units: 450 });
    expect([...cache.keys()]).toEqual(['c', 'd']);
    trimCache(cache, new Map([['d', true]]), { rounds: 1, units: 10_000 });
    expect([...cache.keys()]).toEqual(['d']);
  });

  it('keeps the rounds just read, even when they alone are over the bound', () => {
    const cache = new Map([
      ['a', entry(10)],
      ['b', entry(500)],
      ['c', entry(500)],
    ]);
    trimCache(
      cache,
      new Map([
        ['b', true],
        ['c', true],
      ]),
      { rounds: 1, units: 100 },
    );
    expect([...cache.keys()]).toEqual(['b', 'c']);
  });
});
