// The audit log and the staff sessions an admin manages (issue 15). Admin and the privacy officer
// read and export the log; every report role says it makes an export of what it may read; only admin makes a person a
// password link or ends their sessions; the link's own two routes are public (the token is the
// credential), and a made-up token is refused alike for everyone.
import { AUTHZ, FIXTURE_PASSWORD, TARGETS, everyone, staff, type MatrixRow } from './fixtures';

const LOG_READERS = (status: number) => staff({ admin: status, privacyOfficer: status });
const REPORT_ROLES = (status: number) =>
  staff({ admin: status, leaderA: status, unionA: status, safetyA: status, leaderB: status });

export const rows: readonly MatrixRow[] = [
  { route: 'GET /api/v1/audit-log', expect: LOG_READERS(200) },
  {
    route: 'GET /api/v1/audit-log',
    note: 'filtered and paged',
    url: `/api/v1/audit-log?unit=${AUTHZ.unitA}&action=report.unit.read&from=2026-03-01&to=2026-03-31&limit=10&offset=10`,
    expect: LOG_READERS(200),
  },
  {
    route: 'GET /api/v1/audit-log',
    note: 'an unknown kind of entry',
    url: '/api/v1/audit-log?action=report.stolen',
    expect: LOG_READERS(400),
  },
  { route: 'GET /api/v1/audit-log/export', expect: LOG_READERS(200) },
  {
    route: 'POST /api/v1/audit/exports',
    note: 'the municipality overview, which every report role reads',
    body: { kind: 'csv', subject: 'report', roundId: AUTHZ.publishedRound },
    expect: REPORT_ROLES(204),
  },
  {
    route: 'POST /api/v1/audit/exports',
    note: "unit A's report: not leader B's to read, so not theirs to log",
    body: { kind: 'csv', subject: 'report', roundId: AUTHZ.publishedRound, unitId: AUTHZ.unitA },
    expect: staff({ admin: 204, leaderA: 204, unionA: 204, safetyA: 204, leaderB: 403 }),
  },
  {
    route: 'POST /api/v1/audit/exports',
    note: "the plan overview of unit A: admin's and its leader's",
    body: { kind: 'csv', subject: 'plans', roundId: AUTHZ.publishedRound, unitId: AUTHZ.unitA },
    expect: staff({ admin: 204, leaderA: 204 }),
  },
  {
    route: 'POST /api/v1/audit/exports',
    note: 'a round of another municipality',
    body: { kind: 'print', subject: 'heatmap', roundId: AUTHZ.foreignRound },
    expect: REPORT_ROLES(404),
  },
  {
    route: 'POST /api/v1/accounts/:id/password-reset',
    url: `/api/v1/accounts/${TARGETS.rolesTarget.id}/password-reset`,
    expect: staff({ admin: 201 }),
  },
  {
    route: 'POST /api/v1/accounts/:id/password-reset',
    note: 'an account of another municipality',
    url: `/api/v1/accounts/${TARGETS.foreignAdmin.id}/password-reset`,
    expect: staff({ admin: 404 }),
  },
  {
    route: 'POST /api/v1/accounts/:id/sessions/end',
    url: `/api/v1/accounts/${TARGETS.rolesTarget.id}/sessions/end`,
    expect: staff({ admin: 204 }),
  },
  {
    route: 'POST /api/v1/accounts/:id/sessions/end',
    note: 'an account of another municipality',
    url: `/api/v1/accounts/${TARGETS.foreignAdmin.id}/sessions/end`,
    expect: staff({ admin: 404 }),
  },
  {
    route: 'GET /api/v1/auth/password-reset/:token',
    url: '/api/v1/auth/password-reset/not-a-token',
    expect: everyone(403),
  },
  {
    route: 'POST /api/v1/auth/password-reset',
    body: { token: 'not-a-token', newPassword: FIXTURE_PASSWORD },
    expect: everyone(403),
  },
];
