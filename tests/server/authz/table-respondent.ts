// The respondent's public routes: the same answer for everyone, signed in or not (staff cookies are
// ignored there, and no CSRF token is asked for).
import { QUESTIONNAIRE, batch, validResponse } from '../support/fixtures';
import { everyone, type MatrixRow } from './fixtures';

export const rows: readonly MatrixRow[] = [
  { route: 'GET /api/v1/health', expect: everyone(200) },
  { route: 'GET /api/v1/health/ready', expect: everyone(200) },
  { route: 'GET /api/v1/rounds/current', expect: everyone(200) },
  {
    route: 'GET /api/v1/entries/:slug/rounds',
    url: '/api/v1/entries/testkommune/rounds',
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/questionnaires/:version',
    url: `/api/v1/questionnaires/${QUESTIONNAIRE.version}`,
    expect: everyone(200),
  },
  {
    route: 'POST /api/v1/responses',
    note: 'the same response each time: accepted once, then duplicate',
    body: batch([validResponse({ id: '7d1f0a52-3c5e-4a0e-9a51-2f8d6c1b0e11' })]),
    expect: everyone(200),
  },
];
