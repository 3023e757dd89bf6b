// Every change staff can make through the API is in the audit log (issue 15): an unsafe staff
// route (POST, PUT, PATCH, DELETE with a role list) that declares no config.audit fails this test,
// unless it is exempt below with its reason. And no route changes or deletes the log itself.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listApiRoutes } from '../../../src/server/app';
import { describeEachDatabase } from '../support/databases';
import { createEnvironment, type TestEnvironment } from '../support/environment';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Unsafe staff routes that write no entry, each with why. */
const EXEMPT: Record<string, string> = {
  'POST /api/v1/auth/logout': 'signing oneself out changes nothing of the municipality',
  'POST /api/v1/auth/logout-all': "signing oneself out everywhere: one's own sessions only",
  'POST /api/v1/auth/password': "one's own password; the log is about what staff do to others' data",
  'DELETE /api/v1/rounds/:id':
    'writes round.delete itself, inside the transaction that deletes the round (rounds/delete-round); tests/server/retention/round-deletion.test.ts checks the entry',
};

describeEachDatabase('the audit log covers every change', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect, { seed: false });
    await env.app.ready();
  });
  afterAll(() => env.dispose());

  const staffRoutes = () => listApiRoutes(env.app).filter((r) => typeof r.access.allow !== 'string');

  it('declares config.audit on every unsafe staff route but the exempt ones', () => {
    const missing = staffRoutes()
      .filter((r) => UNSAFE.has(r.method) && !r.audited)
      .map((r) => `${r.method} ${r.url}`)
      .filter((route) => !(route in EXEMPT));
    expect(missing).toEqual([]);
  });

  it('exempts only routes that exist and really declare nothing', () => {
    const routes = new Map(staffRoutes().map((r) => [`${r.method} ${r.url}`, r]));
    for (const route of Object.keys(EXEMPT)) expect(routes.get(route)?.audited, route).toBe(false);
  });

  it('logs every report read: the unit report and the heat map', () => {
    const reads = staffRoutes().filter((r) => r.url.startsWith('/api/v1/reports/rounds/:roundId'));
    expect(reads.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET /api/v1/reports/rounds/:roundId/heatmap',
      'GET /api/v1/reports/rounds/:roundId/units/:unitId',
    ]);
    expect(reads.every((r) => r.audited)).toBe(true);
  });

  it('has no route that changes or deletes entries of the log', () => {
    const onTheLog = listApiRoutes(env.app).filter((r) => r.url.startsWith('/api/v1/audit-log'));
    expect(onTheLog.map((r) => r.method)).toEqual(['GET', 'GET']);
  });
});
