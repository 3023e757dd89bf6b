// Organisation, rounds, codes and kiosks (issue 4). Unit A ('unit', with 'dept' below it) is
// leaderA's; unit B ('other') is leaderB's. Rounds come from support/fixtures.ts: round-open covers
// unit A, round-plain covers unit B. Rows that change things use things no later row needs, and the
// kiosk revoke comes last.
import { FIXTURE_KIOSK, kioskHeaders, ROUNDS } from '../support/fixtures';
import { AUTHZ, everyone, staff, type MatrixRow } from './fixtures';

// The privacy officer reads the unit tree (to filter the audit log by unit), nothing else here.
const ANY_STAFF = staff({
  admin: 200,
  leaderA: 200,
  unionA: 200,
  safetyA: 200,
  leaderB: 200,
  privacyOfficer: 200,
});
const LEADERS_AND_ADMIN = staff({ admin: 200, leaderA: 200, leaderB: 200 });
const CSV = { 'content-type': 'text/csv' };
const codesUrl = (roundId: string, unitId: string) => `/api/v1/rounds/${roundId}/units/${unitId}/codes`;

export const rows: readonly MatrixRow[] = [
  { route: 'GET /api/v1/municipality', expect: staff({ admin: 200 }) },
  {
    route: 'PUT /api/v1/municipality',
    body: { name: 'Testkommune', number: '0001', language: 'nb' },
    expect: staff({ admin: 200 }),
  },
  { route: 'GET /api/v1/unit-types', expect: ANY_STAFF },
  { route: 'GET /api/v1/units', expect: ANY_STAFF },
  {
    route: 'POST /api/v1/units',
    body: { id: 'authz-new-unit', parentId: AUTHZ.sector, name: 'Ny enhet', unitType: 'kultur' },
    expect: staff({ admin: 201 }),
  },
  {
    route: 'PATCH /api/v1/units/:id',
    url: `/api/v1/units/${AUTHZ.deptA}`,
    body: { employeeCount: 9 },
    expect: staff({ admin: 200 }),
  },
  {
    route: 'PATCH /api/v1/units/:id',
    note: 'a unit of another municipality',
    url: `/api/v1/units/${AUTHZ.foreignUnit}`,
    body: { employeeCount: 9 },
    expect: staff({ admin: 403 }),
  },
  {
    route: 'PATCH /api/v1/units/:id',
    note: 'no such unit',
    url: `/api/v1/units/${AUTHZ.missingUnit}`,
    body: { employeeCount: 9 },
    expect: staff({ admin: 404 }),
  },
  {
    route: 'DELETE /api/v1/units/:id',
    note: 'a unit still in use',
    url: `/api/v1/units/${AUTHZ.deptA}`,
    expect: staff({ admin: 409 }),
  },
  {
    route: 'DELETE /api/v1/units/:id',
    url: '/api/v1/units/authz-new-unit',
    expect: staff({ admin: 204 }),
  },
  {
    route: 'POST /api/v1/units/import',
    headers: CSV,
    body: 'id;parent_id;name;unit_type;employee_count\nauthz-csv;sector;CSV-enhet;Barnehage;4\n',
    expect: staff({ admin: 200 }),
  },
  {
    route: 'POST /api/v1/units/import',
    note: 'a bad line',
    headers: CSV,
    body: 'id;parent_id;name;unit_type;employee_count\nauthz-csv-2;nowhere;CSV-enhet;;4\n',
    expect: staff({ admin: 400 }),
  },
  { route: 'GET /api/v1/rounds', expect: LEADERS_AND_ADMIN },
  {
    route: 'POST /api/v1/rounds',
    body: { name: 'Ny runde', unitId: AUTHZ.unitA },
    expect: staff({ admin: 201 }),
  },
  {
    route: 'PATCH /api/v1/rounds/:id',
    url: `/api/v1/rounds/${ROUNDS.draft.id}`,
    body: { name: 'Utkast' },
    expect: staff({ admin: 200 }),
  },
  {
    route: 'POST /api/v1/rounds/:id/open',
    url: `/api/v1/rounds/${ROUNDS.draft.id}/open`,
    expect: staff({ admin: 200 }),
  },
  {
    route: 'POST /api/v1/rounds/:id/close',
    url: `/api/v1/rounds/${ROUNDS.grace.id}/close`,
    expect: staff({ admin: 200 }),
  },
  {
    route: 'POST /api/v1/rounds/:id/publish',
    url: `/api/v1/rounds/${ROUNDS.closed.id}/publish`,
    expect: staff({ admin: 200 }),
  },
  {
    route: 'POST /api/v1/rounds/:id/publish',
    note: 'a round that is still open',
    url: `/api/v1/rounds/${ROUNDS.ended.id}/publish`,
    expect: staff({ admin: 409 }),
  },
  {
    route: 'GET /api/v1/rounds/:id/progress',
    url: `/api/v1/rounds/${ROUNDS.open.id}/progress`,
    expect: LEADERS_AND_ADMIN,
  },
  {
    route: 'POST /api/v1/rounds/:roundId/units/:unitId/codes',
    note: 'a unit below unit A',
    url: codesUrl(ROUNDS.open.id, AUTHZ.deptA),
    body: { count: 2 },
    expect: staff({ admin: 201, leaderA: 201 }),
  },
  {
    route: 'POST /api/v1/rounds/:roundId/units/:unitId/codes',
    note: 'unit B',
    url: codesUrl(ROUNDS.plain.id, AUTHZ.unitB),
    body: { count: 2 },
    expect: staff({ admin: 201, leaderB: 201 }),
  },
  {
    route: 'POST /api/v1/rounds/:roundId/units/:unitId/codes',
    note: 'a unit the round does not cover',
    url: codesUrl(ROUNDS.open.id, AUTHZ.unitB),
    body: { count: 2 },
    expect: staff({ admin: 400, leaderB: 400 }),
  },
  {
    route: 'POST /api/v1/rounds/:roundId/units/:unitId/codes',
    note: 'a unit of another municipality',
    url: codesUrl(ROUNDS.open.id, AUTHZ.foreignUnit),
    body: { count: 2 },
    expect: staff({}),
  },
  {
    route: 'GET /api/v1/rounds/:roundId/units/:unitId/codes/summary',
    url: `${codesUrl(ROUNDS.open.id, AUTHZ.deptA)}/summary`,
    expect: staff({ admin: 200, leaderA: 200 }),
  },
  {
    route: 'POST /api/v1/rounds/:roundId/units/:unitId/kiosk-enrolments',
    url: `/api/v1/rounds/${ROUNDS.open.id}/units/${AUTHZ.deptA}/kiosk-enrolments`,
    body: { label: 'Vaktrommet' },
    expect: staff({ admin: 201, leaderA: 201 }),
  },
  {
    route: 'POST /api/v1/rounds/:roundId/units/:unitId/kiosk-enrolments',
    note: 'unit B',
    url: `/api/v1/rounds/${ROUNDS.plain.id}/units/${AUTHZ.unitB}/kiosk-enrolments`,
    body: {},
    expect: staff({ admin: 201, leaderB: 201 }),
  },
  { route: 'POST /api/v1/kiosk/enrol', body: { token: 'not-a-token' }, expect: everyone(400) },
  {
    route: 'POST /api/v1/kiosk/status',
    note: 'as the enrolled kiosk',
    headers: kioskHeaders(),
    body: { pending: 3 },
    expect: everyone(200),
  },
  {
    route: 'POST /api/v1/kiosk/status',
    note: 'without a kiosk credential',
    body: { pending: 3 },
    expect: everyone(401),
  },
  {
    route: 'POST /api/v1/kiosk/status',
    note: 'with an unknown kiosk credential',
    headers: kioskHeaders('not-a-kiosk'),
    body: { pending: 3 },
    expect: everyone(401),
  },
  {
    route: 'GET /api/v1/rounds/current',
    note: 'as the enrolled kiosk',
    headers: kioskHeaders(),
    expect: everyone(200),
  },
  { route: 'POST /api/v1/codes/check', body: { code: '222-222-222' }, expect: everyone(200) },
  { route: 'GET /api/v1/kiosks', expect: LEADERS_AND_ADMIN },
  {
    route: 'POST /api/v1/kiosks/:id/revoke',
    note: 'no such kiosk',
    url: '/api/v1/kiosks/no-such-kiosk/revoke',
    expect: staff({ admin: 404, leaderA: 404, leaderB: 404 }),
  },
  {
    route: 'POST /api/v1/kiosks/:id/revoke',
    url: `/api/v1/kiosks/${FIXTURE_KIOSK.id}/revoke`,
    expect: staff({ admin: 200, leaderA: 200 }),
  },
];
