// The operator's routes (issue 14): only an operator session passes; every staff session, even a
// municipality admin's, is nobody here (401). Login is public. Rows for the operator on every
// other route are in the other tables: staff() makes the operator 401 on each staff route.
import { FIXTURE_PASSWORD, OPERATOR, everyone, type Expect, type MatrixRow } from './fixtures';

const onlyOperator = (status: number): Expect => ({ ...everyone(401), operator: status });

export const rows: readonly MatrixRow[] = [
  {
    route: 'POST /api/v1/operator/login',
    body: { username: OPERATOR.username, password: FIXTURE_PASSWORD },
    expect: everyone(200),
  },
  { route: 'POST /api/v1/operator/logout', expect: onlyOperator(204) },
  { route: 'GET /api/v1/operator/me', expect: onlyOperator(200) },
  { route: 'GET /api/v1/operator/municipalities', expect: onlyOperator(200) },
  {
    route: 'POST /api/v1/operator/municipalities',
    body: { name: 'Tredje kommune', number: '0003', language: 'nb' },
    expect: onlyOperator(201),
  },
  {
    route: 'POST /api/v1/operator/municipalities/:id/setup-link',
    note: 'a municipality that has an admin',
    url: '/api/v1/operator/municipalities/m1/setup-link',
    expect: onlyOperator(409),
  },
  {
    route: 'POST /api/v1/operator/municipalities/:id/setup-link',
    note: 'no such municipality (the link itself is in operator.test.ts)',
    url: '/api/v1/operator/municipalities/no-such-municipality/setup-link',
    expect: onlyOperator(404),
  },
  { route: 'GET /api/v1/operator/national-releases', expect: onlyOperator(200) },
  { route: 'GET /api/v1/operator/unit-types', expect: onlyOperator(200) },
  {
    route: 'POST /api/v1/operator/unit-types',
    note: 'a code that is taken (adding one is in operator.test.ts)',
    body: { code: 'sykehjem', label: { nb: 'Sykehjem', nn: 'Sjukeheim', en: 'Nursing home' } },
    expect: onlyOperator(409),
  },
  {
    route: 'POST /api/v1/operator/national-releases',
    note: 'a year with nothing published: nothing to release (the releases are in operator-national-release.test.ts)',
    body: { year: 2001 },
    expect: onlyOperator(200),
  },
];
