import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  KioskEnrolmentResponse,
  KioskEnrolResponse,
  KioskListResponse,
  KioskStatusResponse,
} from '../../src/shared/api/organisation';
import type { CurrentRoundResponse, IngestResponse } from '../../src/shared/api/respondent';
import { describeEachDatabase } from './support/databases';
import type { TestEnvironment } from './support/environment';
import { batch, FIXTURE_KIOSK, kioskHeaders, NOW, ROUNDS, validResponse } from './support/fixtures';
import { enrolKioskVia, signedIn, type StaffClient, staffEnvironment } from './support/staff';
import { sealedAnswer } from './support/release';

describeEachDatabase('enrolled kiosks', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  let leaderA: StaffClient;
  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
    leaderA = await signedIn(env, 'leaderA');
  });
  afterAll(() => env.dispose());

  const db = () => env.database.kysely;
  const setOpenKiosk = (unitId: string, open: boolean) =>
    db()
      .updateTable('units')
      .set({ open_kiosk: open ? 1 : 0 })
      .where('id', '=', unitId)
      .execute();
  const sendAs = async (credential: string | undefined, items: unknown[], app = env.app) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      payload: batch(items),
      ...(credential !== undefined && { headers: kioskHeaders(credential) }),
    });
    return { status: res.statusCode, body: res.json<IngestResponse>() };
  };
  const statusOf = (r: IngestResponse['results'][number]) => ('code' in r ? r.code : r.status);

  describe('enrolment', () => {
    it('gives a leader a one-time link for 24 hours, and the tablet that opens it a credential', async () => {
      const link = await leaderA.post(`/rounds/${ROUNDS.open.id}/units/dept/kiosk-enrolments`, {
        label: 'Vaktrom 2',
      });
      expect(link.statusCode).toBe(201);
      const { token, url, expiresAt } = link.json<KioskEnrolmentResponse>();
      expect(url).toBe(`/kiosk/${token}`);
      expect(expiresAt).toBe(new Date(NOW.getTime() + 24 * 3_600_000).toISOString());
      const enrol = () => env.app.inject({ method: 'POST', url: '/api/v1/kiosk/enrol', payload: { token } });
      const res = await enrol();
      expect(res.statusCode).toBe(201);
      const body = res.json<KioskEnrolResponse>();
      expect(body.credential.length).toBeGreaterThanOrEqual(40);
      expect(body.kiosk).toEqual({
        id: expect.any(String) as string,
        label: 'Vaktrom 2',
        unit: { id: 'dept', name: 'Avdeling' },
        openKiosk: false,
        round: {
          id: ROUNDS.open.id,
          name: ROUNDS.open.name,
          opensOn: ROUNDS.open.opensOn,
          closesOn: ROUNDS.open.closesOn,
          status: 'open',
        },
        revokedOn: null,
      });
      // Once only.
      const again = await enrol();
      expect(again.statusCode).toBe(400);
      expect(again.json()).toMatchObject({ error: { code: 'ENROLMENT_INVALID' } });
      // Only hashes are kept.
      const dump = JSON.stringify([
        await db().selectFrom('kiosks').selectAll().execute(),
        await db().selectFrom('kiosk_enrolments').selectAll().execute(),
      ]);
      expect(dump).not.toContain(token);
      expect(dump).not.toContain(body.credential);
    });

    it('lets only one of two tablets racing for the same link enrol', async () => {
      const { token } = (
        await admin.post(`/rounds/${ROUNDS.open.id}/units/dept/kiosk-enrolments`, {})
      ).json<KioskEnrolmentResponse>();
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          env.app.inject({ method: 'POST', url: '/api/v1/kiosk/enrol', payload: { token } }),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400, 400]);
    });

    it('refuses an expired link, and links for a closed round', async () => {
      const { token } = (
        await admin.post(`/rounds/${ROUNDS.open.id}/units/dept/kiosk-enrolments`, {})
      ).json<KioskEnrolmentResponse>();
      const later = env.secondApp({ now: () => new Date(NOW.getTime() + 24 * 3_600_000 + 1000) });
      const res = await later.inject({ method: 'POST', url: '/api/v1/kiosk/enrol', payload: { token } });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/expired/);
      const closed = await admin.post(`/rounds/${ROUNDS.closed.id}/units/dept/kiosk-enrolments`, {});
      expect(closed.json()).toMatchObject({ error: { code: 'ROUND_CLOSED' } });
    });

    it("names a kiosk without a label after its place among the unit's tablets", async () => {
      const first = await enrolKioskVia(env, admin, ROUNDS.plain.id, 'other');
      const second = await enrolKioskVia(env, admin, ROUNDS.plain.id, 'other');
      expect([first.kiosk.label, second.kiosk.label]).toEqual(['Nettbrett 1', 'Nettbrett 2']);
    });
  });

  describe('answering on a kiosk', () => {
    it('serves the kiosk its own round and unit; an unknown credential is 401 KIOSK_UNKNOWN', async () => {
      const kiosk = await enrolKioskVia(env, admin, ROUNDS.future.id, 'dept');
      const res = await env.app.inject({
        url: '/api/v1/rounds/current',
        headers: kioskHeaders(kiosk.credential),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<CurrentRoundResponse>().round).toMatchObject({
        id: ROUNDS.future.id,
        opensOn: '2026-03-15',
        unit: { id: 'dept', name: 'Avdeling' },
      });
      const unknown = await env.app.inject({ url: '/api/v1/rounds/current', headers: kioskHeaders('nope') });
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json()).toMatchObject({ error: { code: 'KIOSK_UNKNOWN' } });
      const refused = await sendAs('nope', [validResponse()]);
      expect(refused.status).toBe(401);
    });

    it('takes answers without a code from an enrolled kiosk of an open-kiosk unit, stored under its unit', async () => {
      await setOpenKiosk('dept', true);
      const own = validResponse({ code: undefined });
      const placeholder = validResponse({ code: undefined, unitId: 'unit' });
      const res = await sendAs(FIXTURE_KIOSK.credential, [own, placeholder]);
      expect(res.body.results.map(statusOf)).toEqual(['accepted', 'accepted']);
      const sealed = [
        await sealedAnswer(env.database, own.id),
        await sealedAnswer(env.database, placeholder.id),
      ];
      expect(sealed.map((r) => r?.unitId)).toEqual(['dept', 'dept']);
      // Without the credential the same answer needs a code.
      expect(
        (await sendAs(undefined, [validResponse({ code: undefined })])).body.results.map(statusOf),
      ).toEqual(['CODE_REQUIRED']);
      // Only for the kiosk's own round.
      const otherRound = validResponse({
        code: undefined,
        roundId: ROUNDS.grace.id,
        answeredOn: '2026-03-05',
      });
      expect((await sendAs(FIXTURE_KIOSK.credential, [otherRound])).body.results.map(statusOf)).toEqual([
        'CODE_REQUIRED',
      ]);
    });

    it('needs codes on a kiosk of a unit that is not in open kiosk mode; the code decides the unit', async () => {
      await setOpenKiosk('dept', false);
      const res = await sendAs(FIXTURE_KIOSK.credential, [
        validResponse({ code: undefined }),
        // Someone from 'unit' answers on dept's tablet with their own code.
        { ...validResponse({ unitId: 'unit' }), unitId: 'dept' },
      ]);
      expect(res.body.results.map(statusOf)).toEqual(['CODE_REQUIRED', 'accepted']);
      const stored = await sealedAnswer(env.database, res.body.results[1]!.id);
      expect(stored?.unitId).toBe('unit');
    });
  });

  describe('looking after kiosks', () => {
    it('records what a kiosk reports: last sync and answers waiting (a count only)', async () => {
      const kiosk = await enrolKioskVia(env, leaderA, ROUNDS.open.id, 'unit');
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/v1/kiosk/status',
        headers: kioskHeaders(kiosk.credential),
        payload: { pending: 4 },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<KioskStatusResponse>().kiosk).toMatchObject({
        id: kiosk.kiosk.id,
        revokedOn: null,
        openKiosk: false,
      });
      const listed = (await admin.get('/kiosks'))
        .json<KioskListResponse>()
        .kiosks.find((k) => k.id === kiosk.kiosk.id);
      expect(listed).toEqual({
        id: kiosk.kiosk.id,
        label: expect.any(String) as string,
        unit: { id: 'unit', name: 'Enhet' },
        round: { id: ROUNDS.open.id, name: ROUNDS.open.name },
        enrolledAt: NOW.toISOString(),
        lastSyncAt: NOW.toISOString(),
        pendingReported: 4,
        revokedOn: null,
      });
    });

    it("shows a leader only their units' kiosks", async () => {
      const leaderB = await signedIn(env, 'leaderB');
      const units = (list: KioskListResponse) => new Set(list.kiosks.map((k) => k.unit.id));
      expect(units((await leaderA.get('/kiosks')).json<KioskListResponse>())).toEqual(
        new Set(['unit', 'dept']),
      );
      expect(units((await leaderB.get('/kiosks')).json<KioskListResponse>())).toEqual(new Set(['other']));
    });

    it('revokes a kiosk: it may deliver what it last reported waiting, then nothing, and starts no session', async () => {
      await setOpenKiosk('dept', true);
      const kiosk = await enrolKioskVia(env, admin, ROUNDS.open.id, 'dept');
      const report = await env.app.inject({
        method: 'POST',
        url: '/api/v1/kiosk/status',
        headers: kioskHeaders(kiosk.credential),
        payload: { pending: 2 },
      });
      expect(report.statusCode).toBe(200);
      const revoked = await leaderA.post(`/kiosks/${kiosk.kiosk.id}/revoke`);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json()).toMatchObject({ id: kiosk.kiosk.id, revokedOn: '2026-03-10' });
      // Two days later the tablet comes back online with what it collected: the dates it puts on
      // the answers do not matter, only how many it said were waiting.
      const later = env.secondApp({ now: () => new Date('2026-03-12T10:00:00Z') });
      const answers = ['2026-03-11', '2026-03-09', '2026-03-01'].map((answeredOn) =>
        validResponse({ code: undefined, answeredOn }),
      );
      const res = await sendAs(kiosk.credential, answers, later);
      expect(res.body.results.map(statusOf)).toEqual(['accepted', 'accepted', 'KIOSK_REVOKED']);
      const current = await later.inject({
        url: '/api/v1/rounds/current',
        headers: kioskHeaders(kiosk.credential),
      });
      expect(current.statusCode).toBe(403);
      expect(current.json()).toMatchObject({ error: { code: 'KIOSK_REVOKED' } });
      // It may still report what waits on it, and learns it is revoked.
      const status = await later.inject({
        method: 'POST',
        url: '/api/v1/kiosk/status',
        headers: kioskHeaders(kiosk.credential),
        payload: { pending: 1 },
      });
      expect(status.json<KioskStatusResponse>().kiosk.revokedOn).toBe('2026-03-10');
      await setOpenKiosk('dept', false);
    });
  });
});
