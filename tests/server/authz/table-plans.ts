// Follow-up plans (issue 12). Plans live in the published round over the sector (plan-fixtures.ts):
// plan A of unit A, plan B of unit B. Leaders change the plans of their units; the unit's reps and
// admin read them; a rep marks only their own consultation; admin alone sets the number of focus
// factors; the overview is admin's and a leader's of their unit; the public view needs no session.
// Rows that change state are ordered so each status is the one that state gives.
import { AUTHZ, everyone, staff, type MatrixRow } from './fixtures';
import { PLAN_FIXTURES as F } from './plan-fixtures';

const P = '/api/v1/plans';
const A = `${P}/${F.planA}`;
const UNIT_A_READERS = { admin: 200, leaderA: 200, unionA: 200, safetyA: 200 } as const;
const LEADER_A = (status: number) => staff({ leaderA: status });
const MEASURE = { text: 'Tiltak', responsible: { role: 'Leder' }, deadline: '2026-06-01' };

export const rows: readonly MatrixRow[] = [
  { route: `GET ${P}`, expect: staff({ admin: 200, leaderA: 200, unionA: 200, safetyA: 200, leaderB: 200 }) },
  {
    route: `POST ${P}`,
    note: 'a unit below unit A',
    body: { roundId: AUTHZ.publishedRound, unitId: AUTHZ.deptA },
    expect: LEADER_A(201),
  },
  {
    route: `POST ${P}`,
    note: 'a round not published',
    body: { roundId: AUTHZ.closedRound, unitId: AUTHZ.unitA },
    expect: LEADER_A(409),
  },
  {
    route: `GET ${P}/settings`,
    expect: staff({ admin: 200, leaderA: 200, unionA: 200, safetyA: 200, leaderB: 200 }),
  },
  { route: `PUT ${P}/settings`, body: { focusFactorCount: 2 }, expect: staff({ admin: 200 }) },
  { route: `GET ${P}/due`, expect: staff({ leaderA: 200, leaderB: 200 }) },
  {
    route: `GET ${P}/overview`,
    note: 'the municipality',
    url: `${P}/overview?roundId=${AUTHZ.publishedRound}`,
    expect: staff({ admin: 200 }),
  },
  {
    route: `GET ${P}/overview`,
    note: 'unit A',
    url: `${P}/overview?roundId=${AUTHZ.publishedRound}&unitId=${AUTHZ.unitA}`,
    expect: staff({ admin: 200, leaderA: 200 }),
  },
  {
    route: `GET ${P}/previous`,
    url: `${P}/previous?roundId=${AUTHZ.publishedRound}&unitId=${AUTHZ.unitA}`,
    expect: staff(UNIT_A_READERS),
  },
  { route: `GET ${P}/:planId`, note: 'plan A', url: A, expect: staff(UNIT_A_READERS) },
  {
    route: `GET ${P}/:planId`,
    note: 'plan B',
    url: `${P}/${F.planB}`,
    expect: staff({ admin: 200, leaderB: 200 }),
  },
  { route: `GET ${P}/:planId`, note: 'no such plan', url: `${P}/no-such-plan`, expect: staff({}, 404) },
  { route: `PATCH ${P}/:planId`, url: A, body: { reviewIntervalMonths: 3 }, expect: LEADER_A(200) },
  {
    route: `PATCH ${P}/:planId`,
    note: 'plan B',
    url: `${P}/${F.planB}`,
    body: { reviewIntervalMonths: 3 },
    expect: staff({ leaderB: 200 }),
  },
  {
    route: `POST ${P}/:planId/transition`,
    note: 'a draft cannot skip to in progress',
    url: `${A}/transition`,
    body: { to: 'in_progress' },
    expect: LEADER_A(409),
  },
  {
    route: `PUT ${P}/:planId/consultations/:party`,
    url: `${A}/consultations/safetyRep`,
    body: { consultedOn: null },
    expect: LEADER_A(200),
  },
  {
    route: `POST ${P}/:planId/consultations/:party/seen`,
    url: `${A}/consultations/safetyRep/seen`,
    expect: staff({ safetyA: 200 }),
  },
  {
    route: `DELETE ${P}/:planId/focus-factors/:itemId`,
    url: `${A}/focus-factors/${F.focusDoomed}`,
    expect: LEADER_A(200),
  },
  {
    route: `POST ${P}/:planId/focus-factors`,
    url: `${A}/focus-factors`,
    body: { factorId: 'mestringstro', kind: 'improve', why: '' },
    expect: LEADER_A(201),
  },
  {
    route: `PATCH ${P}/:planId/focus-factors/:itemId`,
    url: `${A}/focus-factors/${F.focusA}`,
    body: { why: 'Valgt sammen.' },
    expect: LEADER_A(200),
  },
  {
    route: `POST ${P}/:planId/focus-factors/:itemId/goals`,
    url: `${A}/focus-factors/${F.focusA}/goals`,
    body: { text: 'Mål', howWeKnow: '' },
    expect: LEADER_A(201),
  },
  {
    route: `PATCH ${P}/:planId/goals/:itemId`,
    url: `${A}/goals/${F.goalA}`,
    body: { howWeKnow: 'Vi ser det' },
    expect: LEADER_A(200),
  },
  { route: `DELETE ${P}/:planId/goals/:itemId`, url: `${A}/goals/${F.goalDoomed}`, expect: LEADER_A(200) },
  {
    route: `POST ${P}/:planId/focus-factors/:itemId/measures`,
    url: `${A}/focus-factors/${F.focusA}/measures`,
    body: MEASURE,
    expect: LEADER_A(201),
  },
  {
    route: `PATCH ${P}/:planId/measures/:itemId`,
    url: `${A}/measures/${F.measureA}`,
    body: { notes: 'Gjort' },
    expect: LEADER_A(200),
  },
  {
    route: `DELETE ${P}/:planId/measures/:itemId`,
    url: `${A}/measures/${F.measureDoomed}`,
    expect: LEADER_A(200),
  },
  {
    route: `POST ${P}/:planId/reviews`,
    note: 'a draft has no reviews',
    url: `${A}/reviews`,
    body: { heldOn: '2026-03-01', summary: 'Ja', items: [] },
    expect: LEADER_A(409),
  },
  {
    route: `GET ${P}/:planId/responsible-candidates`,
    url: `${A}/responsible-candidates`,
    expect: LEADER_A(200),
  },
  { route: `POST ${P}/:planId/public-link`, url: `${A}/public-link`, expect: LEADER_A(201) },
  { route: `GET ${P}/public/:token`, url: `${P}/public/${F.tokenB}`, expect: everyone(200) },
  {
    route: `GET ${P}/public/:token`,
    note: 'an unknown token',
    url: `${P}/public/${'x'.repeat(43)}`,
    expect: everyone(404),
  },
];
