// Sign-in through the municipality's identity provider (issue 15): the button's options, the start
// and the callback are public (nobody is signed in yet; the matrix's world has no provider, so
// both redirect to the login page with a code), the provider's settings and role mapping admin only.
import { AUTHZ, everyone, staff, type MatrixRow } from './fixtures';

export const rows: readonly MatrixRow[] = [
  { route: 'GET /api/v1/auth/oidc/options', expect: everyone(200) },
  {
    route: 'GET /api/v1/auth/oidc/start',
    note: 'no provider set: to the login page',
    url: `/api/v1/auth/oidc/start?municipality=${AUTHZ.municipality}`,
    expect: everyone(302),
  },
  { route: 'GET /api/v1/auth/oidc/callback', note: 'no state: to the login page', expect: everyone(302) },
  { route: 'GET /api/v1/municipality/oidc', expect: staff({ admin: 200 }) },
  {
    route: 'PUT /api/v1/municipality/oidc',
    body: {
      issuer: 'https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0',
      clientId: 'authz-client',
      secret: { source: 'none' },
      tenantId: null,
      enabled: false,
    },
    expect: staff({ admin: 200 }),
  },
  { route: 'GET /api/v1/municipality/oidc/role-mappings', expect: staff({ admin: 200 }) },
  {
    route: 'PUT /api/v1/municipality/oidc/role-mappings',
    body: { mappings: [{ claim: 'roles', value: 'Tifaktor.Leder', role: 'leader', unitId: AUTHZ.unitA }] },
    expect: staff({ admin: 200 }),
  },
  {
    route: 'PUT /api/v1/municipality/oidc/role-mappings',
    note: 'a unit of another municipality',
    body: {
      mappings: [{ claim: 'roles', value: 'Tifaktor.Leder', role: 'leader', unitId: AUTHZ.foreignUnit }],
    },
    expect: staff({ admin: 400 }),
  },
];
