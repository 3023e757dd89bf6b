// A wrong device clock never loses an answer made while the round was open (issue 10): the server
// decides the round's window by its own date on receipt and moves the device's date into what can
// be true (ingest/validate-response.ts). The stored date stays a date, never a time.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/shared/dates';
import type { IngestResponse, SubmittedResponse } from '../../src/shared/api/respondent';
import { describeEachDatabase } from './support/databases';
import type { TestEnvironment } from './support/environment';
import { sealedAnswer } from './support/release';
import { batch, kioskHeaders, ROUNDS, validResponse } from './support/fixtures';
import { enrolKioskVia, type StaffClient, staffEnvironment } from './support/staff';

describeEachDatabase('device clocks', (dialect) => {
  let env: TestEnvironment;
  let kiosk: string;
  beforeAll(async () => {
    let admin: StaffClient;
    ({ env, admin } = await staffEnvironment(dialect));
    await env.database.kysely.updateTable('units').set({ open_kiosk: 1 }).where('id', '=', 'dept').execute();
    kiosk = (await enrolKioskVia(env, admin, ROUNDS.grace.id, 'dept')).credential;
  });
  afterAll(() => env.dispose());

  const apps = new Map<string, FastifyInstance>();
  /** The server as it runs at noon in Oslo on that day. */
  const serverOn = (day: string): FastifyInstance => {
    if (!apps.has(day)) apps.set(day, env.secondApp({ now: () => new Date(`${day}T11:00:00Z`) }));
    return apps.get(day)!;
  };
  /**
   * Sends one answer on `day` and returns its status or code, and the date stored with it;
   * `deviceToday` is what the device says the date is as it sends (a clock off, like its answer's).
   */
  async function send(day: string, item: SubmittedResponse, credential?: string, deviceToday?: string) {
    const res = await serverOn(day).inject({
      method: 'POST',
      url: '/api/v1/responses',
      payload: { ...batch([item]), ...(deviceToday !== undefined && { deviceToday }) },
      ...(credential !== undefined && { headers: kioskHeaders(credential) }),
    });
    const result = res.json<IngestResponse>().results[0]!;
    // What the release will write is what was sealed (support/release.ts opens it).
    const sealed = await sealedAnswer(env.database, item.id);
    return { outcome: 'code' in result ? result.code : result.status, storedOn: sealed?.answeredOn };
  }

  /** What a device whose clock is off by `days` puts on an answer made on `made`. */
  const clock = (made: string, off: number | string) => (typeof off === 'string' ? off : addDays(made, off));

  describe('while the round is open (round-open: 2026-03-01 to 2026-03-20)', () => {
    it.each([
      ['3 days ahead', 3, '2026-03-10'],
      ['5 days behind', -5, '2026-03-05'],
      ['in 1970', '1970-01-01', '2026-03-01'],
      ['in 2099', '2099-12-31', '2026-03-10'],
    ] as const)('takes an answer from a clock %s, dated within the round', async (_, off, storedOn) => {
      const item = validResponse({ answeredOn: clock('2026-03-10', off) });
      expect(await send('2026-03-10', item)).toEqual({ outcome: 'accepted', storedOn });
    });

    it('dates an answer from a clock behind the opening day on the opening day', async () => {
      const item = validResponse({ answeredOn: clock('2026-03-02', -5) });
      expect(await send('2026-03-02', item)).toEqual({ outcome: 'accepted', storedOn: '2026-03-01' });
    });

    it('takes them from a kiosk as well', async () => {
      const kioskItem = (answeredOn: string) =>
        validResponse({ roundId: ROUNDS.grace.id, answeredOn, code: undefined });
      expect(await send('2026-03-04', kioskItem('2099-01-01'), kiosk)).toEqual({
        outcome: 'accepted',
        storedOn: '2026-03-04',
      });
      expect(await send('2026-03-04', kioskItem('1970-01-01'), kiosk)).toEqual({
        outcome: 'accepted',
        storedOn: '2026-02-20',
      });
    });
  });

  describe('within the grace days (round-grace: 2026-02-20 to 2026-03-05, synced until 2026-03-12)', () => {
    const kioskItem = (answeredOn: string) =>
      validResponse({ roundId: ROUNDS.grace.id, answeredOn, code: undefined });

    it('takes an answer made by the close from a clock 3 days ahead, dated on the close at the latest', async () => {
      // Made on 2026-03-04, synced on 2026-03-06: the device says 2026-03-07, a day still to come.
      expect(await send('2026-03-06', kioskItem(clock('2026-03-04', 3)), kiosk)).toEqual({
        outcome: 'accepted',
        storedOn: '2026-03-05',
      });
    });

    it('takes an answer from a clock 5 days behind, in 1970 or in 2099', async () => {
      expect(await send('2026-03-09', kioskItem(clock('2026-03-05', -5)), kiosk)).toEqual({
        outcome: 'accepted',
        storedOn: '2026-02-28',
      });
      expect(await send('2026-03-09', kioskItem('1970-01-01'), kiosk)).toEqual({
        outcome: 'accepted',
        storedOn: '2026-02-20',
      });
      expect(await send('2026-03-12', kioskItem('2099-12-31'), kiosk)).toEqual({
        outcome: 'accepted',
        storedOn: '2026-03-05',
      });
      // With a personal code too (a phone that answered offline).
      const coded = validResponse({ roundId: ROUNDS.grace.id, answeredOn: '2099-12-31' });
      expect(await send('2026-03-11', coded)).toEqual({ outcome: 'accepted', storedOn: '2026-03-05' });
    });

    it('takes an answer made before the close by a clock 3 days ahead once the real date has caught up, when the device says its date', async () => {
      // Made on 2026-03-04 (the device says 03-07), sent on 2026-03-09 (the device says 03-12).
      const made = clock('2026-03-04', 3);
      const item = kioskItem(made);
      // Without the device's own date, 03-07 reads as a day after the close that has come.
      expect(await send('2026-03-09', { ...item, id: crypto.randomUUID() }, kiosk)).toEqual({
        outcome: 'ROUND_CLOSED',
        storedOn: undefined,
      });
      // With it, the server moves the answer's date back by the clock's error: made on 03-04.
      expect(await send('2026-03-09', item, kiosk, clock('2026-03-09', 3))).toEqual({
        outcome: 'accepted',
        storedOn: '2026-03-04',
      });
    });

    it('corrects a clock behind as well, and still refuses what was made after the close', async () => {
      // A clock 5 days behind, answer made on 2026-03-08 (after the close), sent on 03-09.
      const item = kioskItem(clock('2026-03-08', -5));
      expect(await send('2026-03-09', item, kiosk, clock('2026-03-09', -5))).toEqual({
        outcome: 'ROUND_CLOSED',
        storedOn: undefined,
      });
    });

    it('still refuses an answer the device says it made after the close, on a day that has come', async () => {
      expect(await send('2026-03-09', kioskItem('2026-03-07'), kiosk)).toEqual({
        outcome: 'ROUND_CLOSED',
        storedOn: undefined,
      });
    });

    it('refuses every answer after the grace, whatever its date', async () => {
      for (const answeredOn of ['1970-01-01', '2026-03-01', '2099-12-31']) {
        expect(await send('2026-03-13', kioskItem(answeredOn), kiosk)).toEqual({
          outcome: 'ROUND_CLOSED',
          storedOn: undefined,
        });
      }
    });
  });

  it('refuses only what is no calendar date at all', async () => {
    expect(await send('2026-03-10', validResponse({ answeredOn: '2026-02-30' }))).toEqual({
      outcome: 'INVALID_DATE',
      storedOn: undefined,
    });
  });
});
