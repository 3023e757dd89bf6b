// National releases (issue 14): the attacks of the issue against today's pooled national average
// (src/server/reports/analyse.ts nationalAverages) and against the release that replaces it.
import { afterAll, beforeEach, expect, it } from 'vitest';
import { computeRelease, nationalMinMunicipalities } from '../../src/server/national/compute';
import { makeNationalRelease } from '../../src/server/national/release';
import { analyseRound } from '../../src/server/reports/analyse';
import { nationalAverages } from '../../src/server/reports/analyse';
import { loadRoundsData } from '../../src/server/reports/round-data';
import { latestRelease } from '../../src/server/repositories/national-releases';
import { findRounds, publishedRoundIdsOfYear } from '../../src/server/repositories/rounds';
import { describeEachDatabase } from './support/databases';
import { publishedMunicipality } from './support/national-fixtures';
import { freezeFrame } from '../../src/server/repositories/round-frames';
import { createEnvironment, type TestEnvironment } from './support/environment';
import pg from 'pg';
import { jobLockKeys } from '../../src/server/jobs/run-once';
import { makeNationalReleaseOnce, startReleaseScheduler } from '../../src/server/release/schedule';

const AUTONOMI = 2; // FACTOR_IDS index of autonomi (statement s1)

describeEachDatabase('national releases', (dialect) => {
  let env: TestEnvironment;
  beforeEach(async () => {
    if (env) await env.dispose();
    env = await createEnvironment(dialect);
  });
  afterAll(() => env?.dispose());

  const municipality = (id: string, values: number[], threshold = 5, opensOn = '2026-03-01') =>
    publishedMunicipality(env.database, id, values, threshold, opensOn);

  /** Today's figure: every published round of the year analysed and pooled. */
  async function todaysNational(unitType: string | null) {
    const ids = await publishedRoundIdsOfYear(env.database.kysely, 2026);
    const data = await loadRoundsData(
      env.database,
      [...(await findRounds(env.database.kysely, ids)).values()],
      'counts',
    );
    return nationalAverages(
      [...data.values()].map((d) => analyseRound(d)),
      unitType,
    ).averages[AUTONOMI]!;
  }

  const VICTIM = [2, 3, 3, 2, 4, 3]; // 6-person office, autonomi 2.83

  it('one municipality: today its own figure, no release after', async () => {
    await municipality('solo', VICTIM);
    expect(Math.abs((await todaysNational('kontor')) - 17 / 6)).toBeLessThan(0.06);
    const outcome = await makeNationalRelease(env.database, 2026, { minMunicipalities: 5 });
    expect(outcome.released).toEqual([]);
    expect(await latestRelease(env.database.kysely, 2026, 'kontor')).toBeUndefined();
  });

  it('fake all-5 rounds: today they recover a 6-person office, the release does not', async () => {
    await municipality('victim', VICTIM);
    const fake = 15;
    for (let i = 0; i < 3; i++) await municipality('attacker', new Array<number>(fake / 3).fill(5));
    const nat = await todaysNational('kontor');
    const recovered = (nat * (fake + 6) - 5 * fake) / 6;
    // Shown at one decimal today, the office comes back to within ±0.2.
    expect(Math.abs(recovered - 17 / 6)).toBeLessThan(0.2);
    // Two municipalities are below any allowed minimum: nothing is released.
    expect((await makeNationalRelease(env.database, 2026, { minMunicipalities: 3 })).released).toEqual([]);
    // With three honest others, the attacker's many fake answers weigh only the median.
    for (const m of ['h1', 'h2', 'h3']) await municipality(m, [3, 4, 4, 3, 4, 4, 3, 4]);
    const { released } = await makeNationalRelease(env.database, 2026, { minMunicipalities: 5 });
    const release = released.find((r) => r.unitType === 'kontor')!;
    const published = release.averages.get('autonomi')!;
    expect(Math.round(published * 10)).toBe(published * 10);
    // Solving as today, with the attacker's own part known, no longer gives the office.
    const guess = (published * (fake + 6 + 24) - 5 * fake - 3.625 * 24) / 6;
    expect(Math.abs(guess - 17 / 6)).toBeGreaterThan(0.3);
  });

  it('a 3-person unit of a municipality with threshold 3 is left out under the pool strictest threshold', async () => {
    for (const m of ['a', 'b', 'c', 'd', 'e']) await municipality(m, [4, 4, 4, 4, 4]);
    const before = await makeNationalRelease(env.database, 2026, { minMunicipalities: 5 });
    await municipality('small', [1, 1, 1], 3);
    // Today the 3 answers move the pooled figure, so they can be solved for.
    expect(await todaysNational('kontor')).toBeLessThan(4);
    const after = await makeNationalRelease(env.database, 2026, { minMunicipalities: 5 });
    expect(before.released.map((r) => r.unitType)).toContain('kontor');
    expect(after.released.map((r) => r.unitType)).not.toContain('kontor');
    expect(after.unchanged).toContain('kontor');
  });

  it('takes the pool strictest threshold from what each round froze when it opened, and one round at a time gives the same release', async () => {
    for (const m of ['a', 'b', 'c', 'd', 'e']) await municipality(m, [4, 4, 4, 4, 4, 4]);
    const strict = await municipality('strict', new Array<number>(10).fill(3), 5);
    // Streamed round by round (the release) and all at once (computeRelease) agree.
    const ids = await publishedRoundIdsOfYear(env.database.kysely, 2026);
    const data = await loadRoundsData(
      env.database,
      [...(await findRounds(env.database.kysely, ids)).values()],
      'counts',
    );
    const atOnce = computeRelease(
      [...data.values()].map((d) => analyseRound(d)),
      'kontor',
      5,
    );
    const streamed = await makeNationalRelease(env.database, 2026, { minMunicipalities: 5 });
    const kontor = streamed.released.find((r) => r.unitType === 'kontor')!;
    expect(kontor.averages).toEqual(atOnce!.averages);
    expect(kontor.municipalities).toBe(6);
    // The strict municipality's round froze threshold 10 when it opened: under it no 6-person
    // office counts, whatever the live setting says, so no kontor figure can be released.
    await freezeFrame(env.database.kysely, {
      id: strict,
      municipalityId: 'strict',
      unitId: 'strict-root',
      threshold: 5,
      openQuestionEnabled: false,
      backgroundEnabled: false,
      openAnswerThreshold: 5,
    });
    await env.database.kysely
      .updateTable('round_frames')
      .set({ threshold: 10 })
      .where('round_id', '=', strict)
      .execute();
    const after = await makeNationalRelease(env.database, 2026, { minMunicipalities: 5 });
    expect(after.tooFew).toContain('kontor');
  });

  it('is versioned and dated; a round published after a release does not change it', async () => {
    for (const m of ['a', 'b', 'c', 'd', 'e']) await municipality(m, [4, 4, 4, 4, 4]);
    const now = new Date('2026-11-01T02:00:00Z');
    await makeNationalRelease(env.database, 2026, { minMunicipalities: 5, now });
    const v1 = (await latestRelease(env.database.kysely, 2026, 'kontor'))!;
    expect(v1).toMatchObject({ version: 1, releasedAt: now.toISOString(), municipalities: 5 });
    expect(v1.averages.get('autonomi')).toBe(4);
    await municipality('f', [2, 2, 2, 2, 2]);
    expect((await latestRelease(env.database.kysely, 2026, 'kontor'))!.id).toBe(v1.id);
    await makeNationalRelease(env.database, 2026, { minMunicipalities: 5 });
    const v2 = (await latestRelease(env.database.kysely, 2026, 'kontor'))!;
    expect(v2.version).toBe(2);
    expect(v2.averages.get('autonomi')).toBeCloseTo(3.7, 5);
  });

  it('refuses NATIONAL_MIN_MUNICIPALITIES below 3 and a computation never uses fewer', () => {
    expect(nationalMinMunicipalities({})).toBe(5);
    expect(nationalMinMunicipalities({ NATIONAL_MIN_MUNICIPALITIES: '7' })).toBe(7);
    expect(() => nationalMinMunicipalities({ NATIONAL_MIN_MUNICIPALITIES: '2' })).toThrow(/at least 3/);
    expect(() => nationalMinMunicipalities({ NATIONAL_MIN_MUNICIPALITIES: 'x' })).toThrow(/at least 3/);
    expect(computeRelease([], 'kontor', 1)).toBeNull();
  });

  it('is made by the release scheduler at start, and on PostgreSQL skipped while another process holds the claim', async () => {
    for (const m of ['s1', 's2', 's3', 's4', 's5']) await municipality(m, [4, 4, 4, 4, 4]);
    const now = () => new Date('2026-11-02T02:00:00Z');
    if (dialect === 'postgres') {
      // Another process making the release holds the claim: this one makes none and waits for nothing.
      const [k1, k2] = jobLockKeys('national-release');
      const other = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await other.connect();
      try {
        await other.query('select pg_advisory_lock($1::int, $2::int)', [k1, k2]);
        expect(await makeNationalReleaseOnce(env.database, now())).toBe(false);
        expect(await latestRelease(env.database.kysely, 2026, 'kontor')).toBeUndefined();
      } finally {
        await other.end();
      }
    }
    const errors: unknown[] = [];
    const scheduler = startReleaseScheduler({
      database: env.database,
      sealKey: new Uint8Array(32),
      now,
      onError: (e) => errors.push(e),
    });
    await scheduler.stop();
    expect(errors).toEqual([]);
    const made = await latestRelease(env.database.kysely, 2026, 'kontor');
    expect(made).toMatchObject({ version: 1, releasedAt: now().toISOString(), municipalities: 5 });
  });
});
