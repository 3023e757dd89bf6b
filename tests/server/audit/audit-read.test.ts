// Reading the audit log (issue 15): admin and the privacy officer search it by person, unit, kind
// and period, newest first and paged, and export the same search as CSV (BOM, formula-guarded);
// the first page of a search and every export are themselves logged; the privacy officer reads
// no report.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditLogResponse } from '../../../src/shared/api/audit';
import { recordAudit } from '../../../src/server/audit/record';
import { USERS } from '../authz/fixtures';
import { describeEachDatabase } from '../support/databases';
import type { TestEnvironment } from '../support/environment';
import { signedIn, staffEnvironment, type StaffClient } from '../support/staff';

describeEachDatabase('reading the audit log', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  let officer: StaffClient;

  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
    officer = await signedIn(env, 'privacyOfficer');
    const db = env.database.kysely;
    const m1 = (userId: string) => ({ userId, municipalityId: 'm1' });
    // Oslo is UTC+1 in February and March (before the end of March).
    await recordAudit(
      db,
      m1(USERS.leaderA.id),
      { action: 'report.unit.read', unitId: 'unit', roundId: 'round-open' },
      new Date('2026-02-28T22:59:00Z'),
    );
    await recordAudit(
      db,
      m1(USERS.leaderA.id),
      { action: 'report.unit.read', unitId: 'dept', roundId: 'round-open' },
      new Date('2026-02-28T23:00:00Z'),
    );
    await recordAudit(
      db,
      m1(USERS.admin.id),
      { action: 'unit.update', unitId: 'unit' },
      new Date('2026-03-02T08:15:00Z'),
    );
    await recordAudit(
      db,
      m1(USERS.admin.id),
      { action: 'settings.update', detail: '=HYPERLINK("http://x")' },
      new Date('2026-03-03T09:00:00Z'),
    );
    await recordAudit(
      db,
      { userId: USERS.admin.id, municipalityId: 'm2' },
      { action: 'unit.update' },
      new Date('2026-03-02T08:00:00Z'),
    );
  });
  afterAll(() => env.dispose());

  const search = async (as: StaffClient, query: string) => {
    const res = await as.get(`/audit-log${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<AuditLogResponse>();
  };
  const logged = (action: string) =>
    env.database.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

  it("lists the municipality's entries newest first, with names, never another municipality's", async () => {
    const { entries } = await search(officer, '?action=unit.update');
    expect(entries).toEqual([
      {
        id: expect.any(String) as string,
        at: '2026-03-02T08:15Z',
        actorId: USERS.admin.id,
        actorName: `${USERS.admin.username} (${USERS.admin.username})`,
        action: 'unit.update',
        unitId: 'unit',
        unitName: expect.any(String) as string,
        roundId: null,
        roundName: null,
        detail: null,
      },
    ]);
  });

  it('filters by person, unit and period (Oslo days, both included)', async () => {
    const byLeader = await search(admin, `?actor=${USERS.leaderA.id}`);
    expect(byLeader.entries.map((e) => e.unitId)).toEqual(['dept', 'unit']);
    const byUnit = await search(admin, '?unit=unit&action=report.unit.read');
    expect(byUnit.entries.map((e) => e.at)).toEqual(['2026-02-28T22:59Z']);
    // 23:00 UTC on 28 February is midnight in Oslo: 1 March.
    const march = await search(admin, `?actor=${USERS.leaderA.id}&from=2026-03-01&to=2026-03-01`);
    expect(march.entries.map((e) => e.at)).toEqual(['2026-02-28T23:00Z']);
    const february = await search(admin, `?actor=${USERS.leaderA.id}&to=2026-02-28`);
    expect(february.entries.map((e) => e.at)).toEqual(['2026-02-28T22:59Z']);
  });

  it('pages newest first, and logs a search once (its first page)', async () => {
    const before = (await logged('audit.read')).length;
    const first = await search(officer, `?actor=${USERS.leaderA.id}&limit=1`);
    expect(first.entries.map((e) => e.unitId)).toEqual(['dept']);
    expect(first.nextOffset).toBe(1);
    const second = await search(officer, `?actor=${USERS.leaderA.id}&limit=1&offset=1`);
    expect(second.entries.map((e) => e.unitId)).toEqual(['unit']);
    expect(second.nextOffset).toBeNull();
    const reads = await logged('audit.read');
    expect(reads).toHaveLength(before + 1);
    expect(reads.at(-1)).toMatchObject({
      actor_id: USERS.privacyOfficer.id,
      detail: `actor=${USERS.leaderA.id}`,
    });
  });

  it('refuses a page over 500 and a bad filter with 400', async () => {
    expect((await admin.get('/audit-log?limit=501')).statusCode).toBe(400);
    expect((await admin.get('/audit-log?from=1.3.2026')).statusCode).toBe(400);
    expect((await admin.get('/audit-log?colour=red')).statusCode).toBe(400);
  });

  it('exports the search as CSV with a BOM, formula-guarded, and logs the export', async () => {
    const res = await officer.get('/audit-log/export?action=settings.update');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFtime_oslo;actor;')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('2026-03-03 10:00');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(await logged('audit.export')).toEqual([
      expect.objectContaining({ actor_id: USERS.privacyOfficer.id, detail: 'action=settings.update' }),
    ]);
  });

  it('gives the privacy officer no report, plan or code', async () => {
    for (const url of [
      '/reports/rounds',
      '/reports/rounds/round-open/heatmap',
      '/plans',
      '/preparation',
      '/rounds',
      '/kiosks',
    ]) {
      expect((await officer.get(url)).statusCode, url).toBe(403);
    }
    expect((await officer.post('/rounds/round-open/units/unit/codes', { count: 1 })).statusCode).toBe(403);
    expect(
      (await officer.post('/audit/exports', { kind: 'csv', subject: 'report', roundId: 'round-open' }))
        .statusCode,
    ).toBe(403);
  });
});
