// The round's progress plan over HTTP on both databases: the phases drawn from the round's window,
// the admin's dates laid over them and reset, the survey phase always the window, refusals with
// stable codes that store nothing, and who reads which round's plan.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PreparationListResponse, PreparationPlan } from '../../src/shared/api/preparation';
import { describeEachDatabase } from './support/databases';
import type { TestEnvironment } from './support/environment';
import { ROUNDS } from './support/fixtures';
import { signedIn, staffEnvironment, type StaffClient } from './support/staff';

const url = (roundId: string) => `/rounds/${roundId}/preparation`;
const dates = (plan: PreparationPlan) => plan.phases.map((p) => `${p.phase} ${p.startsOn}–${p.endsOn}`);

describeEachDatabase('the progress plan of a round', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  beforeAll(async () => ({ env, admin } = await staffEnvironment(dialect)));
  afterAll(() => env.dispose());

  const storedPhases = () =>
    env.database.kysely
      .selectFrom('round_phases')
      .selectAll()
      .where('round_id', '=', ROUNDS.open.id)
      .execute();

  it('starts from dates drawn from the window, every phase in order', async () => {
    const res = await admin.get(url(ROUNDS.open.id));
    expect(res.statusCode).toBe(200);
    const plan = res.json<PreparationPlan>();
    expect(plan.round.id).toBe(ROUNDS.open.id);
    // round-open runs 2026-03-01 to 2026-03-20.
    expect(dates(plan)).toEqual([
      'leaderTraining 2026-02-05–2026-02-05',
      'anchoring 2026-02-06–2026-02-28',
      'survey 2026-03-01–2026-03-20',
      'analysisMeeting 2026-03-24–2026-03-24',
      'results 2026-03-25–2026-03-25',
      'plansAgreed 2026-03-26–2026-05-06',
      'firstReview 2026-08-05–2026-08-05',
    ]);
    expect(plan.phases.every((p) => !p.custom && p.note === '')).toBe(true);
  });

  it('keeps the dates and note the admin sets, and a reset returns to the defaults', async () => {
    const put = await admin.put(url(ROUNDS.open.id), {
      phases: [
        { phase: 'leaderTraining', startsOn: '2026-02-10', endsOn: '2026-02-11', note: '  Rådhuset, sal 2 ' },
        { phase: 'firstReview', startsOn: '2026-06-15', endsOn: '2026-06-15' },
      ],
    });
    expect(put.statusCode).toBe(200);
    const again = (await admin.get(url(ROUNDS.open.id))).json<PreparationPlan>();
    expect(again).toEqual(put.json());
    const training = again.phases.find((p) => p.phase === 'leaderTraining');
    expect(training).toEqual({
      phase: 'leaderTraining',
      startsOn: '2026-02-10',
      endsOn: '2026-02-11',
      note: 'Rådhuset, sal 2',
      custom: true,
    });
    expect(again.phases.filter((p) => p.custom).map((p) => p.phase)).toEqual([
      'leaderTraining',
      'firstReview',
    ]);
    expect(again.phases.find((p) => p.phase === 'anchoring')?.startsOn).toBe('2026-02-06');

    expect((await admin.put(url(ROUNDS.open.id), { phases: [] })).statusCode).toBe(200);
    const reset = (await admin.get(url(ROUNDS.open.id))).json<PreparationPlan>();
    expect(reset.phases.some((p) => p.custom)).toBe(false);
    expect(await storedPhases()).toEqual([]);
  });

  it('moves the phases nobody set with the window, and keeps the ones set', async () => {
    await admin.put(url(ROUNDS.draft.id), {
      phases: [{ phase: 'results', startsOn: '2026-04-01', endsOn: '2026-04-01' }],
    });
    expect(
      (await admin.patch(`/rounds/${ROUNDS.draft.id}`, { opensOn: '2026-04-06', closesOn: '2026-04-19' }))
        .statusCode,
    ).toBe(200);
    const plan = (await admin.get(url(ROUNDS.draft.id))).json<PreparationPlan>();
    expect(plan.phases.find((p) => p.phase === 'survey')).toMatchObject({
      startsOn: '2026-04-06',
      endsOn: '2026-04-19',
      custom: false,
    });
    expect(plan.phases.find((p) => p.phase === 'analysisMeeting')?.startsOn).toBe('2026-04-23');
    expect(plan.phases.find((p) => p.phase === 'results')).toMatchObject({
      startsOn: '2026-04-01',
      custom: true,
    });
  });

  it('refuses with a stable code and stores nothing', async () => {
    await admin.put(url(ROUNDS.open.id), { phases: [] });
    const refusals: [unknown, string][] = [
      [{ phases: [{ phase: 'survey', startsOn: '2026-03-01', endsOn: '2026-03-20' }] }, 'MALFORMED_REQUEST'],
      [{ phases: [{ phase: 'results', startsOn: '2026-03-26', endsOn: '2026-03-25' }] }, 'INVALID_DATE'],
      [{ phases: [{ phase: 'results', startsOn: '2026-02-30', endsOn: '2026-03-02' }] }, 'INVALID_DATE'],
      [
        {
          phases: [
            { phase: 'results', startsOn: '2026-03-25', endsOn: '2026-03-25' },
            { phase: 'results', startsOn: '2026-03-26', endsOn: '2026-03-26' },
          ],
        },
        'MALFORMED_REQUEST',
      ],
      [
        { phases: [{ phase: 'results', startsOn: '2026-03-25', endsOn: '2026-03-25', extra: 1 }] },
        'MALFORMED_REQUEST',
      ],
      [
        {
          phases: [{ phase: 'results', startsOn: '2026-03-25', endsOn: '2026-03-25', note: 'x'.repeat(301) }],
        },
        'MALFORMED_REQUEST',
      ],
    ];
    for (const [body, code] of refusals) {
      const res = await admin.put(url(ROUNDS.open.id), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe(code);
    }
    expect((await admin.put(url('no-such-round'), { phases: [] })).statusCode).toBe(404);
    expect(await storedPhases()).toEqual([]);
  });

  it('shows each staff member the plans of the rounds that reach their units', async () => {
    const listed = async (client: StaffClient) =>
      (await client.get('/preparation')).json<PreparationListResponse>().plans.map((p) => p.round.id);
    const leaderB = await listed(await signedIn(env, 'leaderB'));
    const unionA = await listed(await signedIn(env, 'unionA'));
    // round-open covers 'unit' (A), round-plain 'other' (B).
    expect(leaderB).toContain(ROUNDS.plain.id);
    expect(leaderB).not.toContain(ROUNDS.open.id);
    expect(unionA).toContain(ROUNDS.open.id);
    expect(unionA).not.toContain(ROUNDS.plain.id);
    expect((await listed(admin)).length).toBeGreaterThan(leaderB.length);
    const safety = await signedIn(env, 'safetyA');
    expect((await safety.get(url(ROUNDS.open.id))).statusCode).toBe(200);
    expect((await safety.get(url(ROUNDS.plain.id))).statusCode).toBe(404);
  });
});
