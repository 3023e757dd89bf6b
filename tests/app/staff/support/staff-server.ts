// A fake staff API for component tests: in-memory municipality, units, rounds, accounts and
// kiosks behind the same URLs as src/server/routes, with the session cookie simulated by a flag
// and the CSRF rule enforced (unsafe methods need the token from login). Every request is recorded
// so tests can look at methods, headers and bodies. Every reply is checked against the server's
// response schemas first (reply-check.ts): a reply the real route could not give fails the test.
import { addDays, osloDate } from '../../../../src/shared/dates';
import type {
  AdminRound,
  KioskListItem,
  Municipality,
  RoundProgressResponse,
  Unit,
  UnitType,
} from '../../../../src/shared/api/organisation';
import type { AuditEntry } from '../../../../src/shared/api/audit';
import type { Account, Me, RoleAssignment } from '../../../../src/shared/api/staff';
import type { MunicipalitySettings, RoundDeletionPreview } from '../../../../src/shared/api/retention';
import { checkReply, FakeDriftError } from './reply-check';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = (request: RecordedRequest, params: string[]) => Reply | undefined;

export const CSRF = 'csrf-token-123';
export const PASSWORD = 'riktig-passord-2026';

export const meAs = (roles: RoleAssignment[], overrides: Partial<Me> = {}): Me => ({
  id: 'user-1',
  username: 'kari',
  displayName: 'Kari Nordmann',
  municipalityId: 'm1',
  roles,
  ...overrides,
});

export const ADMIN: RoleAssignment[] = [{ role: 'admin', unitId: null }];

export function unitsFixture(): Unit[] {
  return [
    {
      id: 'helse',
      parentId: null,
      name: 'Helse og omsorg',
      unitType: null,
      employeeCount: null,
      openKiosk: false,
    },
    {
      id: 'solbakken',
      parentId: 'helse',
      name: 'Solbakken sykehjem',
      unitType: 'sykehjem',
      employeeCount: 48,
      openKiosk: false,
    },
    {
      id: 'avd2',
      parentId: 'solbakken',
      name: 'Avdeling 2',
      unitType: 'sykehjem',
      employeeCount: 20,
      openKiosk: true,
    },
  ];
}

export function roundFixture(overrides: Partial<AdminRound> = {}): AdminRound {
  const today = osloDate();
  return {
    id: 'r1',
    name: 'Medarbeiderundersøkelsen 2026',
    unitId: 'helse',
    opensOn: addDays(today, -6),
    // Closes in a week: counting today, 8 days are left.
    closesOn: addDays(today, 7),
    status: 'open',
    defaultLanguage: 'nb',
    threshold: 5,
    openQuestionEnabled: false,
    backgroundEnabled: true,
    openAnswerThreshold: 10,
    graceDays: 7,
    questionnaireVersion: 'v1',
    createdOn: addDays(today, -10),
    publishedOn: null,
    answersDeletedOn: null,
    ...overrides,
    names: overrides.names ?? {},
  };
}

export interface StaffState {
  me: Me;
  signedIn: boolean;
  municipality: Municipality;
  unitTypes: UnitType[];
  units: Unit[];
  rounds: AdminRound[];
  accounts: Account[];
  kiosks: KioskListItem[];
  /** The audit log's entries, newest first (GET /audit-log answers them all, one page). */
  auditEntries: AuditEntry[];
  progress: (round: AdminRound) => RoundProgressResponse;
  /** Retention (issue 15): the municipality's settings, and what deleting a round would take. */
  settings: MunicipalitySettings;
  deletion: (round: AdminRound) => RoundDeletionPreview;
}

const json = (status: number, body?: unknown): Reply => ({ status, body });
const error = (status: number, code: string, extra: object = {}): Reply =>
  json(status, { error: { code, message: code }, ...extra });

export function createStaffServer(initial: Partial<StaffState> = {}) {
  const state: StaffState = {
    me: meAs(ADMIN),
    signedIn: true,
    municipality: { id: 'm1', name: 'Demo kommune', number: '9999', language: 'nb' },
    unitTypes: [{ code: 'sykehjem', label: { nb: 'Sykehjem', nn: 'Sjukeheim', en: 'Nursing home' } }],
    units: unitsFixture(),
    rounds: [roundFixture()],
    accounts: [],
    kiosks: [],
    auditEntries: [],
    progress: (round) => ({
      round,
      units: [],
      total: { invited: 0, answered: 0, rate: null },
      rejectedWithoutUnit: [],
    }),
    settings: {
      sessionIdleHours: 8,
      answerRetentionMonths: 24,
      auditRetentionMonths: 24,
      accessibilityStatementUrl: null,
      controllerContact: null,
      dataProtectionOfficerContact: null,
    },
    deletion: (round) => ({
      roundId: round.id,
      name: round.name,
      status: round.status,
      answers: 0,
      sealedAnswers: 0,
      countedAnswers: 0,
      codes: 0,
      kiosks: 0,
      kioskEnrolments: 0,
      plans: 0,
      meetings: 0,
      answersDeletedOn: null,
    }),
    ...initial,
  };
  const requests: RecordedRequest[] = [];
  /** Replies that did not match the server's schemas (see reply-check.ts). */
  const drifts: FakeDriftError[] = [];
  /** Per-test answers that win over the built-in routes: `${METHOD} ${path regexp}`. */
  const overrides: { method: string; pattern: RegExp; handler: Handler }[] = [];
  let codeCounter = 0;

  const routes: { method: string; pattern: RegExp; handler: Handler }[] = [];
  const route = (method: string, path: string, handler: Handler) =>
    routes.push({ method, pattern: new RegExp(`^${path}$`), handler });

  // The login screen asks which municipalities offer the identity provider's button: none here.
  route('GET', '/auth/oidc/options', () => json(200, { providers: [] }));
  route('GET', '/auth/me', () =>
    state.signedIn ? json(200, { user: state.me, csrfToken: CSRF }) : undefined,
  );
  route('POST', '/auth/login', (req) => {
    const body = req.body as { username: string; password: string };
    if (body.password !== PASSWORD) return error(401, 'INVALID_CREDENTIALS');
    state.signedIn = true;
    return json(200, { user: state.me, csrfToken: CSRF });
  });
  route('POST', '/auth/logout', () => {
    state.signedIn = false;
    return json(204);
  });
  route('POST', '/auth/logout-all', () => {
    state.signedIn = false;
    return json(204);
  });
  route('GET', '/municipality', () => json(200, state.municipality));
  route('PUT', '/municipality', (req) => {
    state.municipality = { ...state.municipality, ...(req.body as object) };
    return json(200, state.municipality);
  });
  route('GET', '/unit-types', () => json(200, { unitTypes: state.unitTypes }));
  route('GET', '/units', () => json(200, { units: state.units }));
  route('POST', '/units', (req) => {
    const body = req.body as Partial<Omit<Unit, 'id'>> & { name: string; parentId: string | null };
    const unit: Unit = {
      unitType: null,
      employeeCount: null,
      openKiosk: false,
      ...body,
      id: `u${state.units.length + 1}`,
    };
    state.units.push(unit);
    return json(201, unit);
  });
  route('PATCH', '/units/([^/]+)', (req, [id]) => {
    const unit = state.units.find((u) => u.id === id);
    if (!unit) return error(404, 'NOT_FOUND');
    Object.assign(unit, req.body);
    return json(200, unit);
  });
  route('DELETE', '/units/([^/]+)', (_req, [id]) => {
    state.units = state.units.filter((u) => u.id !== id);
    return json(204);
  });
  route('POST', '/units/import', () => json(200, { created: 2, updated: 0 }));
  route('GET', '/rounds', () => json(200, { rounds: state.rounds }));
  route('POST', '/rounds', (req) => {
    const body = req.body as Partial<AdminRound>;
    const round = roundFixture({ ...body, id: `r${state.rounds.length + 1}`, status: 'draft' });
    state.rounds.push(round);
    return json(201, round);
  });
  route('POST', '/rounds/([^/]+)/(open|close|publish)', (_req, [id, transition]) => {
    const round = state.rounds.find((r) => r.id === id);
    if (!round) return error(404, 'NOT_FOUND');
    round.status = ({ open: 'open', close: 'closed', publish: 'published' } as const)[
      transition as 'open' | 'close' | 'publish'
    ];
    return json(200, round);
  });
  route('GET', '/rounds/([^/]+)/progress', (_req, [id]) => {
    const round = state.rounds.find((r) => r.id === id);
    return round ? json(200, state.progress(round)) : error(404, 'NOT_FOUND');
  });
  route('POST', '/rounds/([^/]+)/units/([^/]+)/codes', (req) => {
    const { count } = req.body as { count: number };
    const codes = Array.from({ length: count }, () => {
      codeCounter += 1;
      return `K7M-2QX-${String(codeCounter).padStart(3, '0').replace(/0/g, 'A')}`;
    });
    return json(201, { codes });
  });
  route('GET', '/rounds/([^/]+)/units/([^/]+)/codes/summary', () =>
    json(200, { issued: 10, used: 4, refused: { unknownCode: 1, usedCode: 1 } }),
  );
  route('POST', '/rounds/([^/]+)/units/([^/]+)/kiosk-enrolments', () =>
    json(201, { token: 'enrol-abc', url: '/kiosk/enrol-abc', expiresAt: '2026-11-29T12:00:00.000Z' }),
  );
  route('GET', '/kiosks', () => json(200, { kiosks: state.kiosks }));
  route('POST', '/kiosks/([^/]+)/revoke', (_req, [id]) => {
    const kiosk = state.kiosks.find((k) => k.id === id);
    if (!kiosk) return error(404, 'NOT_FOUND');
    kiosk.revokedOn = osloDate();
    return json(200, kiosk);
  });
  // Retention (issue 15): the settings, and a round deleted for good only by its exact name.
  route('GET', '/municipality/settings', () => json(200, state.settings));
  route('PUT', '/municipality/settings', (req) => {
    state.settings = req.body as MunicipalitySettings;
    return json(200, state.settings);
  });
  route('GET', '/rounds/([^/]+)/deletion', (_req, [id]) => {
    const round = state.rounds.find((r) => r.id === id);
    return round ? json(200, state.deletion(round)) : error(404, 'NOT_FOUND');
  });
  route('DELETE', '/rounds/([^/]+)', (req, [id]) => {
    const round = state.rounds.find((r) => r.id === id);
    if (!round) return error(404, 'NOT_FOUND');
    if ((req.body as { confirmName?: unknown } | undefined)?.confirmName !== round.name)
      return error(400, 'DELETION_NOT_CONFIRMED');
    state.rounds = state.rounds.filter((r) => r.id !== id);
    return json(200, state.deletion(round));
  });
  route('GET', '/accounts', () => json(200, { accounts: state.accounts }));
  route('POST', '/accounts', (req) => {
    const body = req.body as { username: string; displayName: string; roles: RoleAssignment[] };
    const account: Account = {
      id: `a${state.accounts.length + 1}`,
      username: body.username,
      displayName: body.displayName,
      municipalityId: 'm1',
      roles: body.roles,
      createdOn: osloDate(),
    };
    state.accounts.push(account);
    return json(201, account);
  });
  route('PUT', '/accounts/([^/]+)/roles', (req, [id]) => {
    const account = state.accounts.find((a) => a.id === id);
    if (!account) return error(404, 'NOT_FOUND');
    account.roles = (req.body as { roles: RoleAssignment[] }).roles;
    return json(200, account);
  });
  route('DELETE', '/accounts/([^/]+)', (_req, [id]) => {
    state.accounts = state.accounts.filter((a) => a.id !== id);
    return json(204);
  });

  // The audit log and staff sessions (issue 15).
  route('GET', '/audit-log', () => json(200, { entries: state.auditEntries, nextOffset: null }));
  route('POST', '/audit/exports', () => json(204));
  route('POST', '/accounts/([^/]+)/password-reset', () =>
    json(201, { token: 'reset-token-abc', expiresAt: '2026-12-06T12:00:00.000Z' }),
  );
  route('POST', '/accounts/([^/]+)/sessions/end', () => json(204));
  route('GET', '/auth/password-reset/([^/]+)', (_req, [token]) =>
    token === 'reset-token-abc'
      ? json(200, { username: 'kari', displayName: 'Kari Nordmann' })
      : error(403, 'PASSWORD_RESET_INVALID'),
  );
  route('POST', '/auth/password-reset', (req) =>
    (req.body as { token?: string }).token === 'reset-token-abc'
      ? json(204)
      : error(403, 'PASSWORD_RESET_INVALID'),
  );

  function answer(req: RecordedRequest): Reply {
    // The respondent app asks for the current round at start; staff tests do not need one.
    if (req.path === '/rounds/current') return error(404, 'NOT_FOUND');
    const isAuthFree =
      req.path === '/auth/login' ||
      req.path.startsWith('/auth/setup') ||
      req.path.startsWith('/auth/password-reset') ||
      req.path.startsWith('/auth/oidc/');
    if (!isAuthFree && !state.signedIn) return error(401, 'UNAUTHENTICATED');
    if (!isAuthFree && !['GET', 'HEAD'].includes(req.method) && req.headers['x-csrf-token'] !== CSRF)
      return error(403, 'CSRF_INVALID');
    for (const r of [...overrides, ...routes]) {
      if (r.method !== req.method) continue;
      const match = r.pattern.exec(req.path);
      if (!match) continue;
      const reply = r.handler(req, match.slice(1).map(decodeURIComponent));
      if (reply) return reply;
    }
    return error(404, 'NOT_FOUND');
  }

  const fetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), 'http://localhost');
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    const raw = typeof init.body === 'string' ? init.body : undefined;
    const isJson = headers['content-type']?.startsWith('application/json');
    const req: RecordedRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      path: url.pathname.replace(/^\/api\/v1/, ''),
      headers,
      body: raw !== undefined && isJson ? (JSON.parse(raw) as unknown) : raw,
      credentials: init.credentials,
    };
    requests.push(req);
    const reply = answer(req);
    try {
      // The respondent's start-up request is not a staff route; its 404 is still checked as an error.
      checkReply(req.method, req.path, reply.status, reply.body);
    } catch (drift) {
      // Kept as well as thrown: the staff client turns a failed fetch into a NETWORK error, so the
      // render helper fails the test from afterEach with this.
      if (drift instanceof FakeDriftError) drifts.push(drift);
      return Promise.reject(drift instanceof Error ? drift : new Error(String(drift)));
    }
    const text = reply.body === undefined ? null : JSON.stringify(reply.body);
    return Promise.resolve(
      new Response(reply.status === 204 ? null : text, {
        status: reply.status,
        headers: { 'content-type': 'application/json', ...reply.headers },
      }),
    );
  };

  return {
    state,
    requests,
    drifts,
    fetch,
    /** Answers `method path` (a regexp source, without /api/v1) with this reply, ahead of the defaults. */
    on(method: string, path: string, handler: Handler) {
      overrides.unshift({ method, pattern: new RegExp(`^${path}$`), handler });
    },
    /** The recorded requests to `method path`. */
    calls(method: string, path: string | RegExp) {
      return requests.filter(
        (r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
      );
    },
  };
}

export type StaffServer = ReturnType<typeof createStaffServer>;
export { error as errorReply, json as jsonReply };
