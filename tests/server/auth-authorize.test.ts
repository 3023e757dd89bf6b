import type { FastifyInstance, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/api/errors';
import { buildApp, listApiRoutes } from '../../src/server/app';
import { staffOf } from '../../src/server/auth/authorize';
import type { StaffPrincipal } from '../../src/server/auth/policy';
import { checkUnitScope, isUnitInScope, unitsInScope } from '../../src/server/auth/scope';
import { openSqlite } from '../../src/server/db/database';
import { insertUser, replaceRoles } from '../../src/server/repositories/accounts';
import { insertUnits } from '../../src/server/repositories/organisation';
import { deleteUnit, updateUnit } from '../../src/server/repositories/units';
import {
  ACTORS,
  AUTHZ,
  USERS,
  headersFor,
  seedAuthzFixtures,
  signIn,
  signInAll,
  type Actor,
  type Credentials,
} from './authz/fixtures';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { NOW } from './support/fixtures';

const unitParam = (request: FastifyRequest) => (request.params as { unitId: string }).unitId;

/** Routes that exist only in this test, to drive every branch of the access check. */
function addProbeRoutes(app: FastifyInstance, env: TestEnvironment): void {
  const ok = (request: FastifyRequest) => Promise.resolve({ staff: request.staff?.userId ?? null });
  app.get(
    '/api/v1/probe/units/:unitId',
    { config: { access: { allow: ['leader', 'admin'], unit: unitParam } } },
    ok,
  );
  app.get(
    '/api/v1/probe/rounds/:roundId',
    {
      config: {
        access: {
          allow: ['leader', 'union_rep', 'safety_rep', 'admin'],
          // A unit looked up from another record: the round's.
          unit: async (request) => {
            const { roundId } = request.params as { roundId: string };
            const db = env.database.kysely;
            const round = await db
              .selectFrom('rounds')
              .select('unit_id')
              .where('id', '=', roundId)
              .executeTakeFirst();
            return round?.unit_id;
          },
        },
      },
    },
    ok,
  );
  app.get('/api/v1/probe/kiosk', { config: { access: { allow: 'kiosk' } } }, ok);
  app.get('/api/v1/probe/me', { config: { access: { allow: ['admin', 'leader'] } } }, (request) =>
    Promise.resolve(staffOf(request)),
  );
}

describe('the access policy at startup', () => {
  it('refuses to start when an /api route declares no access policy', async () => {
    const app = buildApp({ db: openSqlite(':memory:') });
    app.get('/api/v1/forgotten', () => Promise.resolve({}));
    void app.register(
      (child) => {
        child.post('/forgotten-too', () => Promise.resolve({}));
        return Promise.resolve();
      },
      { prefix: '/api/v1' },
    );
    await expect(app.ready()).rejects.toThrow(
      /^GET \/api\/v1\/forgotten; .*POST \/api\/v1\/forgotten-too: no config.access/,
    );
    await app.close().catch(() => undefined);
  });

  it('lets routes outside /api be, and lists the API routes without their HEAD twins', async () => {
    const app = buildApp({ db: openSqlite(':memory:') });
    app.get('/not-api', () => Promise.resolve({}));
    await app.ready();
    const routes = listApiRoutes(app).map((r) => `${r.method} ${r.url}`);
    expect(routes).toContain('GET /api/v1/health');
    expect(routes).toContain('DELETE /api/v1/accounts/:id');
    expect(routes.some((r) => r.startsWith('HEAD'))).toBe(false);
    expect(routes.some((r) => r.includes('/not-api'))).toBe(false);
    await app.close();
  });
});

describeEachDatabase('the access check', (dialect) => {
  let env: TestEnvironment;
  let sessions: Record<Exclude<Actor, 'none'>, Credentials>;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
    await seedAuthzFixtures(env.database.kysely);
    addProbeRoutes(env.app, env);
    sessions = await signInAll(env.database.kysely, NOW);
  });
  afterAll(() => env.dispose());

  async function statuses(url: string): Promise<Record<Actor, string>> {
    const result = {} as Record<Actor, string>;
    for (const actor of ACTORS) {
      const headers = actor === 'none' ? {} : headersFor(sessions[actor]);
      const res = await env.app.inject({ url, headers });
      result[actor] =
        res.statusCode === 200 ? '200' : `${res.statusCode} ${res.json<ErrorBody>().error.code}`;
    }
    return result;
  }

  const OK = '200';
  const NO_SESSION = '401 UNAUTHENTICATED';
  const ROLE = '403 FORBIDDEN_ROLE';
  const UNIT = '403 FORBIDDEN_UNIT';
  const MISSING = '404 NOT_FOUND';

  it('scopes a role on a unit to that unit and everything below it', async () => {
    const url = (unit: string) => `/api/v1/probe/units/${unit}`;
    expect(await statuses(url(AUTHZ.unitA))).toEqual({
      none: NO_SESSION,
      admin: OK,
      leaderA: OK,
      unionA: ROLE,
      safetyA: ROLE,
      leaderB: UNIT,
      privacyOfficer: ROLE,
    });
    expect(await statuses(url(AUTHZ.deptA))).toEqual({
      none: NO_SESSION,
      admin: OK,
      leaderA: OK,
      unionA: ROLE,
      safetyA: ROLE,
      leaderB: UNIT,
      privacyOfficer: ROLE,
    });
    // Upwards is out of scope: a leader of A is not a leader of A's sector.
    expect(await statuses(url(AUTHZ.sector))).toEqual({
      none: NO_SESSION,
      admin: OK,
      leaderA: UNIT,
      unionA: ROLE,
      safetyA: ROLE,
      leaderB: UNIT,
      privacyOfficer: ROLE,
    });
    expect(await statuses(url(AUTHZ.unitB))).toEqual({
      none: NO_SESSION,
      admin: OK,
      leaderA: UNIT,
      unionA: ROLE,
      safetyA: ROLE,
      leaderB: OK,
      privacyOfficer: ROLE,
    });
  });

  it('keeps another municipality’s units out of everyone’s scope, admin too, and answers 404 for no unit', async () => {
    expect(await statuses(`/api/v1/probe/units/${AUTHZ.foreignUnit}`)).toEqual({
      none: NO_SESSION,
      admin: UNIT,
      leaderA: UNIT,
      unionA: ROLE,
      safetyA: ROLE,
      leaderB: UNIT,
      privacyOfficer: ROLE,
    });
    expect(await statuses(`/api/v1/probe/units/${AUTHZ.missingUnit}`)).toEqual({
      none: NO_SESSION,
      admin: MISSING,
      leaderA: MISSING,
      unionA: ROLE,
      safetyA: ROLE,
      leaderB: MISSING,
      privacyOfficer: ROLE,
    });
  });

  it('takes the unit from an async lookup, and 404 when the lookup finds nothing', async () => {
    expect(await statuses('/api/v1/probe/rounds/round-open')).toEqual({
      none: NO_SESSION,
      admin: OK,
      leaderA: OK,
      unionA: OK,
      safetyA: OK,
      leaderB: UNIT,
      privacyOfficer: ROLE,
    });
    expect(await statuses('/api/v1/probe/rounds/round-plain')).toEqual({
      none: NO_SESSION,
      admin: OK,
      leaderA: UNIT,
      unionA: UNIT,
      safetyA: UNIT,
      leaderB: OK,
      privacyOfficer: ROLE,
    });
    expect(await statuses('/api/v1/probe/rounds/no-such-round')).toEqual({
      none: NO_SESSION,
      admin: MISSING,
      leaderA: MISSING,
      unionA: MISSING,
      safetyA: MISSING,
      leaderB: MISSING,
      privacyOfficer: ROLE,
    });
  });

  it('counts only the roles the route allows when it checks the unit', async () => {
    // Union rep on A and leader on B: on a leader-only route, A is out of scope.
    const db = env.database.kysely;
    const both = { id: 'authz-both', username: 'authz-both', municipalityId: 'm1', displayName: 'Both' };
    await insertUser(db, { ...both, passwordHash: 'unused', createdOn: '2026-03-01' });
    await replaceRoles(db, both.id, [
      { role: 'union_rep', unitId: AUTHZ.unitA },
      { role: 'leader', unitId: AUTHZ.unitB },
    ]);
    const credentials = await signIn(db, both.id, NOW);
    const get = (url: string) => env.app.inject({ url, headers: headersFor(credentials) });
    expect((await get(`/api/v1/probe/units/${AUTHZ.unitB}`)).statusCode).toBe(200);
    const a = await get(`/api/v1/probe/units/${AUTHZ.unitA}`);
    expect(a.statusCode).toBe(403);
    expect(a.json<ErrorBody>().error.code).toBe('FORBIDDEN_UNIT');
    // On a route that also allows union reps, A is in scope.
    expect((await get('/api/v1/probe/rounds/round-open')).statusCode).toBe(200);
  });

  it('passes kiosk routes through to their own check, without reading staff cookies', async () => {
    for (const actor of ACTORS) {
      const headers = actor === 'none' ? {} : headersFor(sessions[actor]);
      const res = await env.app.inject({ url: '/api/v1/probe/kiosk', headers });
      expect(res.json()).toEqual({ staff: null });
    }
  });

  it('gives the handler the principal: user, municipality, roles and session', async () => {
    const res = await env.app.inject({ url: '/api/v1/probe/me', headers: headersFor(sessions.leaderA) });
    expect(res.json<StaffPrincipal>()).toEqual({
      userId: USERS.leaderA.id,
      municipalityId: 'm1',
      roles: [{ role: 'leader', unitId: 'unit' }],
      sessionId: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
    });
  });

  it('exports isUnitInScope and unitsInScope for handlers that filter lists', async () => {
    const db = env.database.kysely;
    const principal = (roles: StaffPrincipal['roles'], municipalityId = 'm1'): StaffPrincipal => ({
      userId: 'x',
      municipalityId,
      roles,
      sessionId: 'x',
    });
    const leaderA = principal([{ role: 'leader', unitId: AUTHZ.unitA }]);
    const admin = principal([{ role: 'admin', unitId: null }]);
    expect(await isUnitInScope(db, leaderA, AUTHZ.deptA)).toBe(true);
    expect(await isUnitInScope(db, leaderA, AUTHZ.sector)).toBe(false);
    expect(await isUnitInScope(db, leaderA, AUTHZ.deptA, ['union_rep'])).toBe(false);
    expect(await isUnitInScope(db, admin, AUTHZ.foreignUnit)).toBe(false);
    expect(await isUnitInScope(db, admin, AUTHZ.missingUnit)).toBe(false);
    expect([...(await unitsInScope(db, leaderA))].sort()).toEqual([AUTHZ.deptA, AUTHZ.unitA]);
    expect([...(await unitsInScope(db, admin))].sort()).toEqual(['dept', 'other', 'sector', 'unit']);
    expect([...(await unitsInScope(db, admin, ['leader']))]).toEqual([]);
    const foreignRole = principal([{ role: 'leader', unitId: AUTHZ.foreignUnit }]);
    expect([...(await unitsInScope(db, foreignRole))]).toEqual([]);
  });

  it('ends the walk up and down a unit tree that has a cycle in bad data', async () => {
    const db = env.database.kysely;
    const unit = (id: string, parent_id: string | null) => ({
      id,
      municipality_id: 'm1',
      parent_id,
      name: id,
    });
    await insertUnits(db, [unit('loop-1', null), unit('loop-2', 'loop-1')]);
    await updateUnit(db, 'm1', 'loop-1', { parentId: 'loop-2' });
    try {
      const leader = (unitId: string): StaffPrincipal => ({
        userId: 'x',
        municipalityId: 'm1',
        roles: [{ role: 'leader', unitId }],
        sessionId: 'x',
      });
      expect(await checkUnitScope(db, leader('loop-2'), 'loop-1')).toBe('in-scope');
      expect(await checkUnitScope(db, leader(AUTHZ.unitA), 'loop-1')).toBe('out-of-scope');
      expect([...(await unitsInScope(db, leader('loop-1')))].sort()).toEqual(['loop-1', 'loop-2']);
    } finally {
      await updateUnit(db, 'm1', 'loop-1', { parentId: null });
      await deleteUnit(db, 'm1', 'loop-2');
      await deleteUnit(db, 'm1', 'loop-1');
    }
  });
});
