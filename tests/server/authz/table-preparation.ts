// The round's progress plan (issue 12): every staff role reads the plans of the rounds that reach
// one of their units, a round outside them is 404 like one of another municipality; only the
// admin dates the phases. Rounds: the published one over the whole sector (A, dept and B),
// round-plain over unit B only, and m2's.
import { ROUNDS } from '../support/fixtures';
import { AUTHZ, staff, type MatrixRow } from './fixtures';

const ROUTE = '/api/v1/rounds/:id/preparation';
const url = (roundId: string) => `/api/v1/rounds/${roundId}/preparation`;
const ALL_200 = staff({ admin: 200, leaderA: 200, unionA: 200, safetyA: 200, leaderB: 200 });

export const rows: readonly MatrixRow[] = [
  { route: 'GET /api/v1/preparation', expect: ALL_200 },
  { route: `GET ${ROUTE}`, note: 'a round over the sector', url: url(AUTHZ.publishedRound), expect: ALL_200 },
  {
    route: `GET ${ROUTE}`,
    note: 'a round over unit B only',
    url: url(ROUNDS.plain.id),
    expect: staff({ admin: 200, leaderB: 200 }, 404),
  },
  {
    route: `GET ${ROUTE}`,
    note: 'a round of another municipality',
    url: url(AUTHZ.foreignRound),
    expect: staff({}, 404),
  },
  {
    route: `PUT ${ROUTE}`,
    url: url(AUTHZ.publishedRound),
    body: { phases: [{ phase: 'analysisMeeting', startsOn: '2026-01-26', endsOn: '2026-01-26' }] },
    expect: staff({ admin: 200 }),
  },
  {
    route: `PUT ${ROUTE}`,
    note: 'a start after its end',
    url: url(AUTHZ.publishedRound),
    body: { phases: [{ phase: 'results', startsOn: '2026-01-28', endsOn: '2026-01-27' }] },
    expect: staff({ admin: 400 }),
  },
  {
    route: `PUT ${ROUTE}`,
    note: 'a round of another municipality',
    url: url(AUTHZ.foreignRound),
    body: { phases: [] },
    expect: staff({ admin: 404 }),
  },
];
