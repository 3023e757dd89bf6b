// Retention and deletion (issue 15): the municipality's retention settings are read by the admin
// (and the privacy officer, whose matrix actor comes with the audit piece) and changed by the
// admin only; deleting a round for good, and its preview, are the admin's. The successful deletion
// takes round-future, which no other table uses, and this table runs after the others
// (tables load in file-name order), the admin last in each row.
import { ROUNDS } from '../support/fixtures';
import { AUTHZ, staff, type MatrixRow } from './fixtures';

const SETTINGS = '/api/v1/municipality/settings';
const DELETION = '/api/v1/rounds/:id/deletion';
const ROUND = '/api/v1/rounds/:id';
const settings = {
  sessionIdleHours: 8,
  answerRetentionMonths: 24,
  auditRetentionMonths: 24,
  accessibilityStatementUrl: null,
};

export const rows: readonly MatrixRow[] = [
  { route: `GET ${SETTINGS}`, expect: staff({ admin: 200, privacyOfficer: 200 }) },
  { route: `PUT ${SETTINGS}`, body: settings, expect: staff({ admin: 200 }) },
  {
    route: `PUT ${SETTINGS}`,
    note: 'a period out of range',
    body: { ...settings, answerRetentionMonths: 0 },
    expect: staff({ admin: 400 }),
  },
  {
    route: `GET ${DELETION}`,
    url: `/api/v1/rounds/${ROUNDS.future.id}/deletion`,
    expect: staff({ admin: 200 }),
  },
  {
    route: `GET ${DELETION}`,
    note: 'a round of another municipality',
    url: `/api/v1/rounds/${AUTHZ.foreignRound}/deletion`,
    expect: staff({ admin: 404 }),
  },
  {
    route: `DELETE ${ROUND}`,
    note: 'a wrong name deletes nothing',
    url: `/api/v1/rounds/${ROUNDS.future.id}`,
    body: { confirmName: 'not its name' },
    expect: staff({ admin: 400 }),
  },
  {
    route: `DELETE ${ROUND}`,
    note: 'a round of another municipality',
    url: `/api/v1/rounds/${AUTHZ.foreignRound}`,
    body: { confirmName: AUTHZ.foreignRound },
    expect: staff({ admin: 404 }),
  },
  {
    route: `DELETE ${ROUND}`,
    url: `/api/v1/rounds/${ROUNDS.future.id}`,
    body: { confirmName: ROUNDS.future.name },
    expect: staff({ admin: 200 }),
  },
];
