// Sign-in, sessions, setup and account administration. Each row gets fresh sessions for every
// actor, so logout rows do not sign anyone out of the rows after them.
import { AUTHZ, FIXTURE_PASSWORD, TARGETS, USERS, everyone, staff, type MatrixRow } from './fixtures';

const ANY_STAFF = staff({
  admin: 200,
  leaderA: 200,
  unionA: 200,
  safetyA: 200,
  leaderB: 200,
  privacyOfficer: 200,
});
const ANY_STAFF_204 = staff({
  admin: 204,
  leaderA: 204,
  unionA: 204,
  safetyA: 204,
  leaderB: 204,
  privacyOfficer: 204,
});

export const rows: readonly MatrixRow[] = [
  {
    route: 'POST /api/v1/auth/login',
    body: { username: USERS.leaderA.username, password: FIXTURE_PASSWORD },
    expect: everyone(200),
  },
  { route: 'POST /api/v1/auth/logout', expect: ANY_STAFF_204 },
  { route: 'POST /api/v1/auth/logout-all', expect: ANY_STAFF_204 },
  { route: 'GET /api/v1/auth/me', expect: ANY_STAFF },
  {
    route: 'POST /api/v1/auth/password',
    note: 'right current password, changed to itself',
    body: { currentPassword: FIXTURE_PASSWORD, newPassword: FIXTURE_PASSWORD },
    expect: ANY_STAFF_204,
  },
  {
    route: 'GET /api/v1/auth/setup/:token',
    url: '/api/v1/auth/setup/not-a-token',
    expect: everyone(403),
  },
  {
    route: 'POST /api/v1/auth/setup',
    body: { token: 'not-a-token', username: 'setup-admin', displayName: 'Setup', password: FIXTURE_PASSWORD },
    expect: everyone(403),
  },
  // The privacy officer sees who holds which role, and filters the audit log by person.
  { route: 'GET /api/v1/accounts', expect: staff({ admin: 200, privacyOfficer: 200 }) },
  {
    route: 'POST /api/v1/accounts',
    body: {
      username: 'authz-new',
      displayName: 'Ny leder',
      password: FIXTURE_PASSWORD,
      roles: [{ role: 'leader', unitId: AUTHZ.unitB }],
    },
    expect: staff({ admin: 201 }),
  },
  {
    route: 'POST /api/v1/accounts',
    note: 'a role on a unit of another municipality',
    body: {
      username: 'authz-new-foreign',
      displayName: 'Ny',
      password: FIXTURE_PASSWORD,
      roles: [{ role: 'leader', unitId: AUTHZ.foreignUnit }],
    },
    expect: staff({ admin: 400 }),
  },
  {
    route: 'PUT /api/v1/accounts/:id/roles',
    url: `/api/v1/accounts/${TARGETS.rolesTarget.id}/roles`,
    body: { roles: [{ role: 'union_rep', unitId: AUTHZ.deptA }] },
    expect: staff({ admin: 200 }),
  },
  {
    route: 'PUT /api/v1/accounts/:id/roles',
    note: 'an account of another municipality',
    url: `/api/v1/accounts/${TARGETS.foreignAdmin.id}/roles`,
    body: { roles: [{ role: 'admin', unitId: null }] },
    expect: staff({ admin: 404 }),
  },
  {
    route: 'DELETE /api/v1/accounts/:id',
    url: `/api/v1/accounts/${TARGETS.doomed.id}`,
    expect: staff({ admin: 204 }),
  },
  {
    route: 'DELETE /api/v1/accounts/:id',
    note: 'an account of another municipality',
    url: `/api/v1/accounts/${TARGETS.foreignAdmin.id}`,
    expect: staff({ admin: 404 }),
  },
];
