// When a round takes answers, by the server's Oslo date: not before it opens; during its period
// with a code or from an open kiosk; after its close (or once closed early) only answers made by
// the close, from an enrolled kiosk or with a personal code, up to close + grace days; then never.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminRound } from '../../src/shared/api/organisation';
import type { IngestResponse, SubmittedResponse } from '../../src/shared/api/respondent';
import { describeEachDatabase } from './support/databases';
import type { TestEnvironment } from './support/environment';
import { batch, kioskHeaders, QUESTIONNAIRE, ROUNDS, validResponse } from './support/fixtures';
import { enrolKioskVia, type StaffClient, staffEnvironment } from './support/staff';

/** Noon in Oslo on a day of March 2026. */
const on = (day: string) => new Date(`2026-03-${day}T11:00:00Z`);

describeEachDatabase('round windows', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  /** Kiosks of dept (open kiosk mode) per round. */
  const kiosks: Record<string, string> = {};
  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
    await env.database.kysely.updateTable('units').set({ open_kiosk: 1 }).where('id', '=', 'dept').execute();
    for (const round of [ROUNDS.open, ROUNDS.grace, ROUNDS.future]) {
      kiosks[round.id] = (await enrolKioskVia(env, admin, round.id, 'dept')).credential;
    }
  });
  afterAll(() => env.dispose());

  const apps = new Map<string, FastifyInstance>();
  /** The app as it runs on that day (one per day, closed with the environment). */
  const appOn = (day: string): FastifyInstance => {
    if (day === '10') return env.app;
    if (!apps.has(day)) apps.set(day, env.secondApp({ now: () => on(day) }));
    return apps.get(day)!;
  };
  /** Sends one answer and returns its status or rejection code. */
  async function outcome(day: string, item: SubmittedResponse, kiosk?: string): Promise<string> {
    const res = await appOn(day).inject({
      method: 'POST',
      url: '/api/v1/responses',
      payload: batch([item]),
      ...(kiosk !== undefined && { headers: kioskHeaders(kiosk) }),
    });
    const result = res.json<IngestResponse>().results[0]!;
    return 'code' in result ? result.code : result.status;
  }
  const fromKiosk = (roundId: string, answeredOn: string) =>
    [validResponse({ roundId, answeredOn, code: undefined }), kiosks[roundId]] as const;
  const withCode = (roundId: string, answeredOn: string) => validResponse({ roundId, answeredOn });

  describe('before the round opens', () => {
    it('refuses answers with ROUND_NOT_OPEN, from a kiosk and with a code alike', async () => {
      expect(await outcome('10', ...fromKiosk(ROUNDS.future.id, '2026-03-10'))).toBe('ROUND_NOT_OPEN');
      expect(await outcome('10', withCode(ROUNDS.future.id, '2026-03-10'))).toBe('ROUND_NOT_OPEN');
      expect(await outcome('10', withCode(ROUNDS.draft.id, '2026-03-10'))).toBe('ROUND_NOT_OPEN');
    });
  });

  describe('while the round is open', () => {
    it('takes answers from its first to its last day', async () => {
      expect(await outcome('15', ...fromKiosk(ROUNDS.future.id, '2026-03-15'))).toBe('accepted');
      expect(await outcome('30', withCode(ROUNDS.future.id, '2026-03-30'))).toBe('accepted');
      expect(await outcome('10', ...fromKiosk(ROUNDS.open.id, '2026-03-10'))).toBe('accepted');
    });
  });

  describe('after the close, within the grace days', () => {
    // round-grace: 2026-02-20 to 2026-03-05, grace 7 days, so answers sync until 2026-03-12.
    it('takes answers made by the close from an enrolled kiosk', async () => {
      expect(await outcome('10', ...fromKiosk(ROUNDS.grace.id, '2026-03-04'))).toBe('accepted');
      expect(await outcome('12', ...fromKiosk(ROUNDS.grace.id, '2026-03-05'))).toBe('accepted');
    });

    it('takes answers made by the close with a personal code too (phones answer offline as well)', async () => {
      expect(await outcome('11', withCode(ROUNDS.grace.id, '2026-03-05'))).toBe('accepted');
    });

    it('refuses answers made after the close, and answers with no way in', async () => {
      expect(await outcome('10', ...fromKiosk(ROUNDS.grace.id, '2026-03-06'))).toBe('ROUND_CLOSED');
      expect(
        await outcome(
          '10',
          validResponse({ roundId: ROUNDS.grace.id, answeredOn: '2026-03-04', code: undefined }),
        ),
      ).toBe('CODE_REQUIRED');
    });
  });

  describe('after close plus grace', () => {
    it('refuses every answer with ROUND_CLOSED, however early it was made', async () => {
      expect(await outcome('13', ...fromKiosk(ROUNDS.grace.id, '2026-03-01'))).toBe('ROUND_CLOSED');
      expect(await outcome('13', withCode(ROUNDS.grace.id, '2026-03-01'))).toBe('ROUND_CLOSED');
    });
  });

  describe('a round closed early by the admin', () => {
    it('ends on the day it is closed: its answers sync within the grace, later ones are refused', async () => {
      const round = (
        await admin.post('/rounds', {
          name: 'Stengt tidlig',
          unitId: 'unit',
          opensOn: '2026-03-02',
          closesOn: '2026-03-20',
          questionnaireVersion: QUESTIONNAIRE.version,
          openQuestionEnabled: true,
          graceDays: 3,
        })
      ).json<AdminRound>();
      await admin.post(`/rounds/${round.id}/open`);
      const kiosk = (await enrolKioskVia(env, admin, round.id, 'dept')).credential;
      const closed = (await admin.post(`/rounds/${round.id}/close`)).json<AdminRound>();
      expect(closed).toMatchObject({ status: 'closed', closesOn: '2026-03-10' });
      const answer = (answeredOn: string) =>
        validResponse({ roundId: round.id, answeredOn, code: undefined });
      expect(await outcome('10', answer('2026-03-10'), kiosk)).toBe('accepted');
      expect(await outcome('13', answer('2026-03-09'), kiosk)).toBe('accepted');
      expect(await outcome('11', answer('2026-03-11'), kiosk)).toBe('ROUND_CLOSED');
      expect(await outcome('14', answer('2026-03-09'), kiosk)).toBe('ROUND_CLOSED');
      // Published results: nothing more comes in, even within the grace days.
      await admin.post(`/rounds/${round.id}/publish`);
      expect(await outcome('11', answer('2026-03-09'), kiosk)).toBe('ROUND_CLOSED');
    });

    it('still serves the kiosk its closed round, so it can keep syncing and say the round is over', async () => {
      const res = await appOn('11').inject({
        url: '/api/v1/rounds/current',
        headers: kioskHeaders(kiosks[ROUNDS.grace.id]),
      });
      expect(res.json<{ round: { id: string; status: string } }>().round).toMatchObject({
        id: ROUNDS.grace.id,
        status: 'open',
      });
    });
  });
});
