// Open answers have their own, higher threshold (issue 11): listed only for a unit whose group
// reaches the round's openAnswerThreshold, and a smaller sub-unit's answers are never listed under
// its parent; the report says why they are not shown.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AdminRound } from '../../src/shared/api/organisation';
import type { UnitReportResponse } from '../../src/shared/api/reports';
import { storeAnswers } from './support/answers';
import { describeEachDatabase } from './support/databases';
import type { TestEnvironment } from './support/environment';
import { QUESTIONNAIRE } from './support/fixtures';
import { signedIn, staffEnvironment, type StaffClient } from './support/staff';

describeEachDatabase('open answers', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  let leader: StaffClient;
  let round: AdminRound;

  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
    leader = await signedIn(env, 'leaderA');
    const created = await admin.post('/rounds', {
      name: 'Fritekst',
      unitId: 'unit',
      opensOn: '2026-03-09',
      closesOn: '2026-03-20',
      questionnaireVersion: QUESTIONNAIRE.version,
      openQuestionEnabled: true,
      threshold: 5,
      openAnswerThreshold: 10,
    });
    round = created.json<AdminRound>();
    expect(round.openAnswerThreshold).toBe(10);
    await admin.post(`/rounds/${round.id}/open`);
    // 'unit' (leaderA's) has 10 answers of its own, 'dept' below it 6: enough for figures, not for text.
    await storeAnswers(
      env.database,
      { roundId: round.id, unitId: 'unit' },
      10,
      () => 4,
      (i) => `unit ${i}`,
    );
    await storeAnswers(
      env.database,
      { roundId: round.id, unitId: 'dept' },
      6,
      () => 3,
      (i) => `dept ${i}`,
    );
    await admin.post(`/rounds/${round.id}/close`);
    await admin.post(`/rounds/${round.id}/publish`);
  });
  afterAll(async () => {
    await env.dispose();
  });

  const report = async (unitId: string) =>
    (await leader.get(`/reports/rounds/${round.id}/units/${unitId}`)).json<UnitReportResponse>();

  it("lists a unit's own open answers and leaves out a sub-unit below the open-answer threshold", async () => {
    const unit = await report('unit');
    expect(unit.round.openAnswerThreshold).toBe(10);
    expect(unit.suppressed).toBe(false);
    expect([...(unit.openAnswers ?? [])].sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `unit ${i}`).sort(),
    );
    expect(unit.openAnswersHidden).toBeNull();
  });

  it('shows the figures of a group between the two thresholds but not its open answers, and says why', async () => {
    const dept = await report('dept');
    expect(dept.suppressed).toBe(false);
    expect(dept.factors.length).toBeGreaterThan(0);
    expect(dept.openAnswers).toBeNull();
    expect(dept.openAnswersHidden).toBe('too-few');
  });

  it('gives the admin no open answers and no reason (the rule for who reads them is unchanged)', async () => {
    const res = (await admin.get(`/reports/rounds/${round.id}/units/unit`)).json<UnitReportResponse>();
    expect(res.openAnswers).toBeNull();
    expect(res.openAnswersHidden).toBeNull();
  });

  it('refuses an open-answer threshold below the threshold, and follows a threshold raised above it', async () => {
    const low = await admin.post('/rounds', {
      name: 'Lav',
      unitId: 'unit',
      threshold: 6,
      openAnswerThreshold: 5,
    });
    expect(low.statusCode).toBe(400);
    expect(low.json()).toMatchObject({ error: { code: 'OPEN_ANSWER_THRESHOLD_TOO_LOW' } });
    const draft = (await admin.post('/rounds', { name: 'Utkast', unitId: 'unit' })).json<AdminRound>();
    expect(draft.openAnswerThreshold).toBe(10);
    const raised = await admin.patch(`/rounds/${draft.id}`, { threshold: 12 });
    expect(raised.json<AdminRound>()).toMatchObject({ threshold: 12, openAnswerThreshold: 12 });
    const lowered = await admin.patch(`/rounds/${draft.id}`, { openAnswerThreshold: 11 });
    expect(lowered.json()).toMatchObject({ error: { code: 'OPEN_ANSWER_THRESHOLD_TOO_LOW' } });
  });
});
