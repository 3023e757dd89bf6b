// The analysis meeting (issue 13), on the meetings of meeting-fixtures.ts (unit A). Admin and the
// leader of unit A run a meeting; the unit's reps list and read it (without its code and token) and
// follow its stream; leader B sees nothing of unit A. The participant routes need no account: they
// are public and check the participant cookie themselves (401 MEETING_NOT_JOINED without one), so a
// staff session neither helps nor hinders there. Rows that change state run in an order where each
// status is the one that state gives: meeting A stays in its individual phase.
import { AUTHZ, everyone, staff, type MatrixRow } from './fixtures';
import { MEETING_FIXTURES as F } from './meeting-fixtures';

const M = '/api/v1/meetings';
const A = `${M}/${F.meetingA}`;
const READERS = { admin: 200, leaderA: 200, unionA: 200, safetyA: 200 } as const;
const RUNNERS = (status: number) => staff({ admin: status, leaderA: status });
const PHONE = { cookie: F.phoneA };
const CLIENT_ID = '6a1f8f0e-6a43-4f55-9d67-2d5c7f1b1c01';

export const rows: readonly MatrixRow[] = [
  {
    route: `GET ${M}`,
    url: `${M}?roundId=${AUTHZ.publishedRound}&unitId=${AUTHZ.unitA}`,
    expect: staff(READERS),
  },
  {
    route: `POST ${M}`,
    body: {
      roundId: AUTHZ.publishedRound,
      unitId: AUTHZ.unitA,
      template: 'analysis',
      candidateFactors: ['autonomi'],
      groups: 1,
      oneDevice: false,
    },
    expect: RUNNERS(201),
  },
  { route: `GET ${M}/:meetingId`, url: A, expect: staff(READERS) },
  {
    route: `GET ${M}/:meetingId`,
    note: 'no such meeting',
    url: `${M}/no-such-meeting`,
    expect: staff({}, 404),
  },
  {
    route: `POST ${M}/:meetingId/control`,
    url: `${A}/control`,
    body: { action: 'drawRoles' },
    expect: RUNNERS(200),
  },
  {
    route: `GET ${M}/:meetingId/events`,
    note: 'a closed meeting: its final snapshot, then the end',
    url: `${M}/${F.closedMeeting}/events`,
    expect: staff(READERS),
  },
  {
    route: `POST ${M}/:meetingId/contributions`,
    note: 'not in one-device mode',
    url: `${A}/contributions`,
    body: { clientId: CLIENT_ID, text: 'Fra nettbrettet', group: 1 },
    expect: RUNNERS(409),
  },
  {
    route: `PUT ${M}/:meetingId/contributions/:contributionId/group`,
    note: 'no such contribution',
    url: `${A}/contributions/no-such/group`,
    body: { contributionId: 'no-such', label: 'Samarbeid' },
    expect: RUNNERS(404),
  },
  { route: `GET ${M}/:meetingId/results`, url: `${A}/results`, expect: staff(READERS) },
  {
    route: `POST ${M}/:meetingId/focus`,
    note: 'not the choose step',
    url: `${A}/focus`,
    body: { keep: 'autonomi', improve: 'rolleklarhet' },
    expect: RUNNERS(409),
  },
  {
    route: `POST ${M}/:meetingId/measures`,
    note: 'not a measures meeting',
    url: `${A}/measures`,
    body: {
      measures: [{ factorId: 'autonomi', text: 'Tiltak', responsible: 'Leder', deadline: '2026-06-01' }],
    },
    expect: RUNNERS(409),
  },
  {
    route: `POST ${M}/:meetingId/review`,
    note: 'not a review meeting',
    url: `${A}/review`,
    body: { decisions: [{ measureId: 'x', decision: 'keep' }], summary: '' },
    expect: RUNNERS(409),
  },
  {
    route: `POST ${M}/:meetingId/approve`,
    note: 'not the summary step',
    url: `${A}/approve`,
    body: { summary: 'Oppsummert.' },
    expect: RUNNERS(409),
  },
  { route: `POST ${M}/live/join`, note: 'the QR token', body: { token: F.tokenA }, expect: everyone(200) },
  {
    route: `POST ${M}/live/join`,
    note: 'an unknown code',
    body: { code: 'ZZZZZZZZ' },
    expect: everyone(404),
  },
  { route: `GET ${M}/live/state`, note: 'as a phone of the meeting', headers: PHONE, expect: everyone(200) },
  { route: `GET ${M}/live/state`, note: 'without the participant cookie', expect: everyone(401) },
  {
    route: `GET ${M}/live/state`,
    note: 'a phone of an expired meeting',
    headers: { cookie: F.phoneExpired },
    expect: everyone(409),
  },
  { route: `GET ${M}/live/events`, note: 'without the participant cookie', expect: everyone(401) },
  {
    route: `GET ${M}/live/events`,
    note: 'a phone of an expired meeting',
    headers: { cookie: F.phoneExpired },
    expect: everyone(409),
  },
  {
    route: `POST ${M}/live/contributions`,
    note: 'as a phone of the meeting (the resends store nothing)',
    headers: PHONE,
    body: { clientId: CLIENT_ID, text: 'Vi stiller opp for hverandre' },
    expect: everyone(200),
  },
  {
    route: `POST ${M}/live/contributions`,
    note: 'without the participant cookie',
    body: { clientId: CLIENT_ID, text: 'Vi stiller opp' },
    expect: everyone(401),
  },
  {
    route: `POST ${M}/live/votes`,
    note: 'no vote running',
    headers: PHONE,
    body: { clientId: CLIENT_ID, dots: { autonomi: 1 } },
    expect: everyone(409),
  },
  {
    route: `POST ${M}/live/votes`,
    note: 'without the participant cookie',
    body: { clientId: CLIENT_ID, dots: { autonomi: 1 } },
    expect: everyone(401),
  },
];
