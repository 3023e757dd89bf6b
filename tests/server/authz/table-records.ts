// The records the law asks for (issue 15): the processing record for the admin (and the privacy
// officer, whom the audit branch adds as an actor: 200 there), no other staff role; the
// accessibility statement's municipality link is public, the same for everyone.
import { everyone, staff, type MatrixRow } from './fixtures';

export const rows: readonly MatrixRow[] = [
  {
    route: 'GET /api/v1/municipality/processing-record',
    expect: staff({ admin: 200, privacyOfficer: 200 }),
  },
  {
    route: 'GET /api/v1/public/accessibility',
    url: '/api/v1/public/accessibility?municipality=testkommune',
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/public/accessibility',
    note: 'an entry address no municipality has',
    url: '/api/v1/public/accessibility?municipality=ingen-slik',
    expect: everyone(404),
  },
];
