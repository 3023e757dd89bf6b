// A revoked kiosk is cut off by what the server knew at the revoke — the number of answers it last
// reported waiting — never by the dates it puts on its answers (issue 10: a revoked credential
// stored 103 new answers, some backdated). See src/server/kiosks/revoked-allowance.ts.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestResponse, SubmittedResponse } from '../../src/shared/api/respondent';
import { describeEachDatabase } from './support/databases';
import type { TestEnvironment } from './support/environment';
import { kioskHeaders, ROUNDS, validResponse } from './support/fixtures';
import { enrolKioskVia, type StaffClient, staffEnvironment } from './support/staff';
import { storedIds } from './support/release';

describeEachDatabase('revoked kiosks', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  let later: FastifyInstance;
  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
    await env.database.kysely.updateTable('units').set({ open_kiosk: 1 }).where('id', '=', 'dept').execute();
    // The day after the revokes, with its own connection (pool).
    later = env.secondApp({ now: () => new Date('2026-03-11T10:00:00Z') });
  });
  afterAll(() => env.dispose());

  const answer = (answeredOn = '2026-03-09') => validResponse({ code: undefined, answeredOn });
  const statusOf = (r: IngestResponse['results'][number]) => ('code' in r ? r.code : r.status);
  async function sync(
    credential: string,
    items: SubmittedResponse[],
    pending?: number,
    app = env.app,
  ): Promise<string[]> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      headers: kioskHeaders(credential),
      payload: { formatVersion: 1, responses: items, ...(pending !== undefined && { pending }) },
    });
    expect(res.statusCode).toBeLessThan(500);
    return res.json<IngestResponse>().results.map(statusOf);
  }
  const stored = async (items: SubmittedResponse[]) =>
    (
      await storedIds(
        env.database,
        items.map((i) => i.id),
      )
    ).length;
  async function newKiosk() {
    const enrolled = await enrolKioskVia(env, admin, ROUNDS.open.id, 'dept');
    return { id: enrolled.kiosk.id, credential: enrolled.credential };
  }
  const revoke = async (id: string) =>
    expect((await admin.post(`/kiosks/${id}/revoke`)).statusCode).toBe(200);

  it('keeps the pending count each sync reports, once its batch is stored', async () => {
    const kiosk = await newKiosk();
    expect(await sync(kiosk.credential, [answer(), answer()], 4)).toEqual(['accepted', 'accepted']);
    const row = await env.database.kysely
      .selectFrom('kiosks')
      .select(['pending_reported', 'last_sync_at'])
      .where('id', '=', kiosk.id)
      .executeTakeFirstOrThrow();
    // A count only: no sync time is written beside a batch of answers.
    expect(row).toEqual({ pending_reported: 4, last_sync_at: null });
  });

  it('lets a revoked kiosk deliver as many answers as it reported waiting, whatever their dates, then none', async () => {
    const kiosk = await newKiosk();
    expect(await sync(kiosk.credential, [answer()], 3)).toEqual(['accepted']);
    await revoke(kiosk.id);
    // Backdated to before the revoke, or dated after it: the count decides, not the date.
    const first = [answer('2026-03-01'), answer('2026-03-11')];
    expect(await sync(kiosk.credential, first, 1, later)).toEqual(['accepted', 'accepted']);
    // Sending a stored answer again costs nothing.
    expect(
      await sync(kiosk.credential, [first[0]!, answer('2026-03-02'), answer('2026-03-03')], 0, later),
    ).toEqual(['duplicate', 'accepted', 'KIOSK_REVOKED']);
    // Reporting more after the revoke does not raise what it may deliver.
    expect(await sync(kiosk.credential, [answer('2026-03-05')], 500, later)).toEqual(['KIOSK_REVOKED']);
    const kioskStatus = await later.inject({
      method: 'POST',
      url: '/api/v1/kiosk/status',
      headers: kioskHeaders(kiosk.credential),
      payload: { pending: 900 },
    });
    expect(kioskStatus.statusCode).toBe(200);
    expect(await sync(kiosk.credential, [answer('2026-03-05')], undefined, later)).toEqual(['KIOSK_REVOKED']);
  });

  it('cuts off a kiosk that reported nothing waiting, even for answers dated before the revoke', async () => {
    const kiosk = await newKiosk();
    await revoke(kiosk.id);
    expect(await sync(kiosk.credential, [answer('2026-03-01'), answer('2026-03-10')], 0, later)).toEqual([
      'KIOSK_REVOKED',
      'KIOSK_REVOKED',
    ]);
    const revokedAgain = await admin.post(`/kiosks/${kiosk.id}/revoke`);
    expect(revokedAgain.json()).toMatchObject({ revokedOn: '2026-03-10' });
  });

  it('takes its allowance from the heartbeat too, and lets in answers with a personal code as before', async () => {
    const kiosk = await newKiosk();
    const beat = await env.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/status',
      headers: kioskHeaders(kiosk.credential),
      payload: { pending: 1 },
    });
    expect(beat.statusCode).toBe(200);
    await revoke(kiosk.id);
    expect(await sync(kiosk.credential, [answer(), answer(), validResponse()], undefined, later)).toEqual([
      'accepted',
      'KIOSK_REVOKED',
      'accepted',
    ]);
  });

  it('never lets parallel batches together deliver more than the allowance', async () => {
    const kiosk = await newKiosk();
    expect(await sync(kiosk.credential, [answer()], 10)).toEqual(['accepted']);
    await revoke(kiosk.id);
    const batches = Array.from({ length: 6 }, () => Array.from({ length: 5 }, () => answer()));
    const apps = [later, env.secondApp({ now: () => new Date('2026-03-11T10:00:00Z') })];
    const results = await Promise.all(batches.map((b, i) => sync(kiosk.credential, b, 0, apps[i % 2])));
    const all = results.flat();
    expect(all.filter((s) => s === 'accepted')).toHaveLength(10);
    expect(all.filter((s) => s === 'KIOSK_REVOKED')).toHaveLength(20);
    expect(await stored(batches.flat())).toBe(10);
  });

  describe('the request', () => {
    it('refuses a pending count that is no count with 400, before anything is stored', async () => {
      const kiosk = await newKiosk();
      for (const pending of [-1, 10_001, 2.5, '3']) {
        const item = answer();
        const res = await env.app.inject({
          method: 'POST',
          url: '/api/v1/responses',
          headers: kioskHeaders(kiosk.credential),
          payload: { formatVersion: 1, responses: [item], pending },
        });
        expect(res.statusCode).toBe(400);
        expect(await stored([item])).toBe(0);
      }
    });
  });
});
