// Reports and national figures (issue 5). The report rounds come from authz/fixtures.ts: a published
// round over the sector (unit A with dept, unit B), one closed past its grace days, one of m2; and
// round-open of support/fixtures.ts, still open. The municipality overview (the round's own unit)
// is open to every report role; other units need the role on the unit or above (admin: any). The
// unit check comes before the publication check, so a unit outside one's scope is 403 either way.
import { ROUNDS } from '../support/fixtures';
import { AUTHZ, staff, type MatrixRow } from './fixtures';

const REPORT_ROLES_200 = staff({ admin: 200, leaderA: 200, unionA: 200, safetyA: 200, leaderB: 200 });
const UNIT_A = { admin: 200, leaderA: 200, unionA: 200, safetyA: 200 } as const;
const CSV = { 'content-type': 'text/csv' };
const unitReport = (roundId: string, unitId: string) => `/api/v1/reports/rounds/${roundId}/units/${unitId}`;
const heatmap = (roundId: string) => `/api/v1/reports/rounds/${roundId}/heatmap`;
const UNIT_ROUTE = 'GET /api/v1/reports/rounds/:roundId/units/:unitId';
const HEATMAP_ROUTE = 'GET /api/v1/reports/rounds/:roundId/heatmap';

export const rows: readonly MatrixRow[] = [
  { route: 'GET /api/v1/reports/rounds', expect: REPORT_ROLES_200 },
  {
    route: UNIT_ROUTE,
    note: 'the municipality overview',
    url: unitReport(AUTHZ.publishedRound, AUTHZ.sector),
    expect: REPORT_ROLES_200,
  },
  {
    route: UNIT_ROUTE,
    note: 'unit A',
    url: unitReport(AUTHZ.publishedRound, AUTHZ.unitA),
    expect: staff(UNIT_A),
  },
  {
    route: UNIT_ROUTE,
    note: 'a unit below unit A',
    url: unitReport(AUTHZ.publishedRound, AUTHZ.deptA),
    expect: staff(UNIT_A),
  },
  {
    route: UNIT_ROUTE,
    note: 'unit B',
    url: unitReport(AUTHZ.publishedRound, AUTHZ.unitB),
    expect: staff({ admin: 200, leaderB: 200 }),
  },
  {
    route: UNIT_ROUTE,
    note: 'a round that is still open',
    url: unitReport(ROUNDS.open.id, AUTHZ.deptA),
    expect: staff({ admin: 409, leaderA: 409, unionA: 409, safetyA: 409 }),
  },
  {
    route: UNIT_ROUTE,
    note: 'closed past its grace days, not published',
    url: unitReport(AUTHZ.closedRound, AUTHZ.unitA),
    expect: staff({ admin: 200, leaderA: 409, unionA: 409, safetyA: 409 }),
  },
  {
    route: UNIT_ROUTE,
    note: 'a unit the round does not cover',
    url: unitReport(AUTHZ.publishedRound, AUTHZ.foreignUnit),
    expect: staff({}, 404),
  },
  {
    route: UNIT_ROUTE,
    note: 'no such unit',
    url: unitReport(AUTHZ.publishedRound, AUTHZ.missingUnit),
    expect: staff({}, 404),
  },
  {
    route: UNIT_ROUTE,
    note: 'a round of another municipality',
    url: unitReport(AUTHZ.foreignRound, AUTHZ.foreignUnit),
    expect: staff({}, 404),
  },
  { route: HEATMAP_ROUTE, url: heatmap(AUTHZ.publishedRound), expect: REPORT_ROLES_200 },
  {
    route: HEATMAP_ROUTE,
    note: 'closed past its grace days, not published',
    url: heatmap(AUTHZ.closedRound),
    expect: staff({ admin: 200 }, 409),
  },
  {
    route: HEATMAP_ROUTE,
    note: 'a round that is still open',
    url: heatmap(ROUNDS.open.id),
    expect: staff({}, 409),
  },
  {
    route: HEATMAP_ROUTE,
    note: 'a round of another municipality',
    url: heatmap(AUTHZ.foreignRound),
    expect: staff({}, 404),
  },
  { route: 'GET /api/v1/national-figures', expect: staff({ admin: 200 }) },
  {
    route: 'POST /api/v1/national-figures/import',
    headers: CSV,
    body: 'year;unit_type;factor;average;source\n2026;sykehjem;autonomi;3,9;KS 2026\n',
    expect: staff({ admin: 200 }),
  },
  {
    route: 'POST /api/v1/national-figures/import',
    note: 'a bad line',
    headers: CSV,
    body: 'year;unit_type;factor;average;source\n2026;sykehjem;autonomi;9;KS 2026\n',
    expect: staff({ admin: 400 }),
  },
];
