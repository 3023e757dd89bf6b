// The people of the authorisation tests, on top of the server test world (support/fixtures.ts:
// municipality m1 with sector → unit → dept and sector → other). Unit A is 'unit' (with 'dept'
// below it), unit B is 'other'; municipality m2 has one unit and its own admin. Tables of
// expectations (table-*.ts) import the ids, actors and row type from here.
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../../src/server/auth/password';
import { startSession } from '../../../src/server/auth/session';
import { randomToken, sha256Hex } from '../../../src/server/auth/tokens';
import { OPERATOR_COOKIE } from '../../../src/server/operator/operator';
import type { DB } from '../../../src/server/db/schema';
import { insertUser, replaceRoles } from '../../../src/server/repositories/accounts';
import { insertMunicipality, insertUnits } from '../../../src/server/repositories/organisation';
import { insertRound, type RoundRecord } from '../../../src/server/repositories/rounds';
import {
  CSRF_HEADER,
  SESSION_COOKIE,
  type RoleAssignment,
  type SessionResponse,
} from '../../../src/shared/api/staff';
import { round } from '../support/fixtures';
import { seedMeetingFixtures } from './meeting-fixtures';
import { seedPlanFixtures } from './plan-fixtures';

export const AUTHZ = {
  municipality: 'm1',
  sector: 'sector',
  /** Unit A: leaderA, unionA and safetyA hold their roles here; 'dept' is below it. */
  unitA: 'unit',
  deptA: 'dept',
  /** Unit B, beside A under the same sector: leaderB's unit. */
  unitB: 'other',
  otherMunicipality: 'm2',
  /** A unit of m2: outside everyone's scope, the m1 admin's too. */
  foreignUnit: 'm2-unit',
  missingUnit: 'no-such-unit',
  /** Reports: a published round over the whole sector (unit A, dept and unit B). */
  publishedRound: 'authz-round-published',
  /** Reports: closed over the sector and past its grace days, not published. */
  closedRound: 'authz-round-closed',
  /** Reports: a published round of m2. */
  foreignRound: 'authz-round-foreign',
} as const;

/** Every fixture account has this password. */
export const FIXTURE_PASSWORD = 'fixture-password-2026';

/** In the order the matrix runs them: the most powerful last, so its successful DELETE comes after the others tried. */
export const ACTORS = ['none', 'leaderB', 'safetyA', 'unionA', 'leaderA', 'privacyOfficer', 'admin'] as const;
/** The matrix also asks the hosting organisation's operator (issue 14), who holds no staff session. */
export const MATRIX_ACTORS = [...ACTORS, 'operator'] as const;
export type MatrixActor = (typeof MATRIX_ACTORS)[number];
export type Actor = (typeof ACTORS)[number];
export type StaffActor = Exclude<Actor, 'none'>;
/** The hosting organisation's operator (issue 14): its own cookie, no staff session. */
export const OPERATOR = { id: 'authz-operator', username: 'authz-operator' };

interface FixtureUser {
  id: string;
  username: string;
  municipalityId: string;
  roles: RoleAssignment[];
}

const user = (
  id: string,
  roles: RoleAssignment[],
  municipalityId: string = AUTHZ.municipality,
): FixtureUser => ({
  id,
  username: id,
  municipalityId,
  roles,
});

export const USERS: Record<StaffActor, FixtureUser> = {
  admin: user('authz-admin', [{ role: 'admin', unitId: null }]),
  leaderA: user('authz-leader-a', [{ role: 'leader', unitId: AUTHZ.unitA }]),
  unionA: user('authz-union-a', [{ role: 'union_rep', unitId: AUTHZ.unitA }]),
  safetyA: user('authz-safety-a', [{ role: 'safety_rep', unitId: AUTHZ.unitA }]),
  leaderB: user('authz-leader-b', [{ role: 'leader', unitId: AUTHZ.unitB }]),
  /** The privacy officer (personvernombud, issue 15): the audit log and the settings, no report. */
  privacyOfficer: user('authz-privacy-officer', [{ role: 'privacy_officer', unitId: null }]),
};

/** Accounts for rows that change or delete an account, so the actors above stay as they are. */
export const TARGETS = {
  /** Leader of dept; PUT /accounts/:id/roles rows set its roles. */
  rolesTarget: user('authz-roles-target', [{ role: 'leader', unitId: AUTHZ.deptA }]),
  /** DELETE /accounts/:id rows delete it. */
  doomed: user('authz-doomed', [{ role: 'safety_rep', unitId: AUTHZ.unitB }]),
  /** The admin of m2: not visible to m1's admin. */
  foreignAdmin: user('authz-foreign-admin', [{ role: 'admin', unitId: null }], AUTHZ.otherMunicipality),
} as const;

/** Rounds for the report rows; nothing else uses them. */
const reportRound = (id: string, fields: Partial<RoundRecord>): RoundRecord =>
  round(id, {
    municipalityId: AUTHZ.municipality,
    unitId: AUTHZ.sector,
    opensOn: '2026-01-05',
    closesOn: '2026-01-20',
    status: 'published',
    ...fields,
  });

let fixtureHash: Promise<string> | undefined;

/** Run after support/fixtures.ts seedFixtures(). One hash for all, to keep the suite fast. */
export async function seedAuthzFixtures(db: Kysely<DB>): Promise<void> {
  await insertMunicipality(db, {
    id: AUTHZ.otherMunicipality,
    name: 'Annen kommune',
    number: '0002',
    language: 'nn',
  });
  await insertUnits(db, [
    {
      id: AUTHZ.foreignUnit,
      municipality_id: AUTHZ.otherMunicipality,
      parent_id: null,
      name: 'Fremmed enhet',
      unit_type: 'Skole',
    },
  ]);
  await insertRound(db, reportRound(AUTHZ.publishedRound, {}));
  await insertRound(db, reportRound(AUTHZ.closedRound, { status: 'closed' }));
  await insertRound(
    db,
    reportRound(AUTHZ.foreignRound, { municipalityId: AUTHZ.otherMunicipality, unitId: AUTHZ.foreignUnit }),
  );
  await seedPlanFixtures(db, AUTHZ.publishedRound, { a: AUTHZ.unitA, b: AUTHZ.unitB });
  await seedMeetingFixtures(db, AUTHZ.publishedRound, AUTHZ.unitA);
  const passwordHash = await (fixtureHash ??= hashPassword(FIXTURE_PASSWORD));
  for (const u of [...Object.values(USERS), ...Object.values(TARGETS)]) {
    const row = { ...u, displayName: u.username, passwordHash, createdOn: '2026-03-01' };
    if (await insertUser(db, row)) await replaceRoles(db, u.id, u.roles);
  }
  await db
    .insertInto('operators')
    .values({ ...OPERATOR, display_name: 'Drift', password_hash: passwordHash, created_on: '2026-03-01' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** A fresh operator session straight in the database, as an operator login would make it. */
export async function signInOperator(db: Kysely<DB>, now: Date): Promise<Credentials> {
  const token = randomToken();
  const csrfToken = randomToken();
  await db
    .insertInto('operator_sessions')
    .values({
      id: sha256Hex(token),
      operator_id: OPERATOR.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
    })
    .execute();
  return { cookie: `${OPERATOR_COOKIE}=${token}`, csrfToken };
}

/** What a signed-in browser sends: the session cookie and the CSRF token. */
export interface Credentials {
  cookie: string;
  csrfToken: string;
}

export const headersFor = (credentials: Credentials) => ({
  cookie: credentials.cookie,
  [CSRF_HEADER]: credentials.csrfToken,
});

/** A fresh session straight in the database (no scrypt), as a login would make it. */
export async function signIn(db: Kysely<DB>, userId: string, now: Date): Promise<Credentials> {
  const session = await startSession(db, userId, now);
  return { cookie: `${SESSION_COOKIE}=${session.token}`, csrfToken: session.csrfToken };
}

export async function signInAll(db: Kysely<DB>, now: Date): Promise<Record<StaffActor, Credentials>> {
  const entries = await Promise.all(
    Object.entries(USERS).map(async ([actor, u]) => [actor, await signIn(db, u.id, now)] as const),
  );
  return Object.fromEntries(entries) as Record<StaffActor, Credentials>;
}

/** Logs in over HTTP; `credentials` is set on success. */
export async function login(
  app: FastifyInstance,
  username: string,
  password: string = FIXTURE_PASSWORD,
  extra: Partial<InjectOptions> = {},
) {
  const res = await app.inject({
    ...extra,
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  const cookie = /^(tf_session=[^;]*)/.exec(String(res.headers['set-cookie'] ?? ''))?.[1];
  const credentials =
    res.statusCode === 200 && cookie
      ? { cookie, csrfToken: res.json<SessionResponse>().csrfToken }
      : undefined;
  return { res, credentials };
}

// ---- The expectation tables ----

export type Expect = Record<MatrixActor, number>;

/** One row of a table: one request, sent by every actor, with the exact status each must get. */
export interface MatrixRow {
  /** The registered route, method and pattern, as listApiRoutes reports it: 'PUT /api/v1/accounts/:id/roles'. */
  route: string;
  /** The concrete URL with real fixture ids; defaults to the route's pattern. */
  url?: string;
  body?: unknown;
  /** Sent by every actor, on top of the cookie and CSRF header of the staff actors (e.g. a kiosk credential). */
  headers?: Record<string, string>;
  /** Tells rows of one route apart, e.g. 'unit outside scope'. */
  note?: string;
  expect: Expect;
}

/** Every actor, signed in or not, gets `status`. */
export function everyone(status: number): Expect {
  return {
    none: status,
    leaderB: status,
    safetyA: status,
    unionA: status,
    leaderA: status,
    privacyOfficer: status,
    admin: status,
    operator: status,
  };
}

/** A staff route: no session is 401; the listed actors get their status, the other staff `otherwise` (403; the privacy officer 403). */
export function staff(listed: Partial<Record<StaffActor, number>>, otherwise = 403): Expect {
  // The operator holds no staff session: to a staff route it is nobody.
  const base = { ...everyone(otherwise), none: 401, operator: 401 };
  // The privacy officer's role passes only the few routes that list it (auth, units, accounts
  // list, audit log), so to any other route it is refused by role, whatever the others get after
  // the role check (a 404 or 409 of a route their roles pass).
  return { ...base, privacyOfficer: 403, ...listed };
}
