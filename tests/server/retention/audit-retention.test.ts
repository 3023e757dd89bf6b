// Retention of the audit log (issue 15): each municipality's entries older than its
// audit_retention_months go, newer ones and other municipalities' stay, and the deletion is
// itself logged once with the count; a second run, or two at once, deletes and logs nothing more.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditCutoff, deleteExpiredAuditEntries } from '../../../src/server/retention/audit-retention';
import { describeEachDatabase } from '../support/databases';
import { createEnvironment, type TestEnvironment } from '../support/environment';
import { NOW } from '../support/fixtures';
import { insertMunicipality } from '../../../src/server/repositories/organisation';

const entry = (municipalityId: string, at: string, action = 'report.unit.read') => ({
  id: randomUUID(),
  municipality_id: municipalityId,
  at,
  actor_id: 'someone',
  actor_name: 'Someone (someone)',
  action,
  unit_id: null,
  round_id: null,
  detail: null,
});

describeEachDatabase('retention of the audit log', (dialect) => {
  let env: TestEnvironment;
  const ats = async (municipalityId: string) =>
    (
      await env.database.kysely
        .selectFrom('audit_log')
        .select(['at', 'action', 'detail', 'actor_id'])
        .where('municipality_id', '=', municipalityId)
        .orderBy('at')
        .orderBy('action')
        .execute()
    ).map((r) => `${r.at} ${r.action}${r.detail === null ? '' : ` ${r.detail}`}`);

  beforeAll(async () => {
    env = await createEnvironment(dialect);
    await insertMunicipality(env.database.kysely, { id: 'm2', name: 'Lang', number: '0002', language: 'nn' });
    // m1 keeps 24 months (the default), so its cut is 2024-03-10T11:00Z; m2 keeps 120.
    await env.database.kysely
      .updateTable('municipalities')
      .set({ audit_retention_months: 120 })
      .where('id', '=', 'm2')
      .execute();
    await env.database.kysely
      .insertInto('audit_log')
      .values([
        entry('m1', '2023-06-01T08:00Z'),
        entry('m1', '2024-03-10T10:59Z'),
        entry('m1', '2024-03-10T11:00Z'),
        entry('m1', '2026-03-01T09:30Z'),
        entry('m2', '2023-06-01T08:00Z'),
      ])
      .execute();
  });
  afterAll(() => env.dispose());

  it('cuts at the same minute, the given number of months back', () => {
    expect(auditCutoff(NOW, 24)).toBe('2024-03-10T11:00Z');
    expect(auditCutoff(new Date('2026-03-31T23:59:30Z'), 1)).toBe('2026-02-28T23:59Z');
  });

  it('deletes only the entries older than the period, and logs the deletion with the count', async () => {
    expect(await deleteExpiredAuditEntries(env.database, NOW)).toEqual({ m1: 2 });
    expect(await ats('m1')).toEqual([
      '2024-03-10T11:00Z report.unit.read',
      '2026-03-01T09:30Z report.unit.read',
      '2026-03-10T11:00Z retention.audit_deleted 2',
    ]);
    expect(await ats('m2')).toEqual(['2023-06-01T08:00Z report.unit.read']);
    const logged = await env.database.kysely
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_name'])
      .where('action', '=', 'retention.audit_deleted')
      .execute();
    expect(logged).toEqual([{ actor_id: null, actor_name: null }]);
  });

  it('deletes and logs nothing on a second run, nor when two run at once', async () => {
    const second = dialect === 'postgres' ? env.testDb.connect() : env.database;
    try {
      const runs = await Promise.all([
        deleteExpiredAuditEntries(env.database, NOW),
        deleteExpiredAuditEntries(second, NOW),
      ]);
      expect(runs).toEqual([{}, {}]);
    } finally {
      if (second !== env.database) await second.close();
    }
    expect(await ats('m1')).toHaveLength(3);
  });

  it('deletes a batch of old entries once when two processes race for it', async () => {
    await env.database.kysely
      .insertInto('audit_log')
      .values(
        Array.from({ length: 40 }, (_, i) =>
          entry('m1', `2022-01-${String((i % 28) + 1).padStart(2, '0')}T08:00Z`),
        ),
      )
      .execute();
    const second = dialect === 'postgres' ? env.testDb.connect() : env.database;
    try {
      const runs = await Promise.all([
        deleteExpiredAuditEntries(env.database, NOW),
        deleteExpiredAuditEntries(second, NOW),
      ]);
      expect(runs.map((r) => r.m1 ?? 0).sort()).toEqual([0, 40]);
    } finally {
      if (second !== env.database) await second.close();
    }
    const logged = await env.database.kysely
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'retention.audit_deleted')
      .orderBy('detail')
      .execute();
    expect(logged.map((r) => r.detail)).toEqual(['2', '40']);
  });
});
