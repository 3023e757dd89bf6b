// The one place that enforces every route's AccessPolicy (see ./policy.ts). Registered on the root
// instance before any route, so it sees every route: the app does not become ready while an /api
// route has no policy; per request it checks session, CSRF, role (onRequest) and unit scope
// (preHandler).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '../../shared/api/staff';
import { ApiError, notFound } from '../api-error';
import type { Database } from '../db/database';
import { clearSessionCookie, readSessionToken } from './cookie';
import type { AccessPolicy, StaffPrincipal, StaffRole } from './policy';
import { checkUnitScope } from './scope';
import { clearOperatorCookie, readOperatorToken, resolveOperatorSession } from '../operator/operator';
import { resolveSession } from './session';
import { safeEqual } from './tokens';

export interface ApiRoute {
  method: string;
  /** The path pattern as registered, e.g. /api/v1/accounts/:id/roles. */
  url: string;
  access: AccessPolicy;
  /** Whether the route declares config.audit (issue 15: every unsafe staff route must, or say why not). */
  audited: boolean;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const routesByApp = new WeakMap<FastifyInstance, ApiRoute[]>();
const csrfByRequest = new WeakMap<FastifyRequest, string>();

const isApiUrl = (url: string) => url === '/api' || url.startsWith('/api/');

/** Every /api route of the app with its policy (complete once the app is ready). HEAD twins of GET routes are left out. */
export function listApiRoutes(app: FastifyInstance): readonly ApiRoute[] {
  return routesByApp.get(app) ?? [];
}

/** The CSRF token of the request's session, for answers that hand it to the PWA (/auth/me). */
export function sessionCsrfToken(request: FastifyRequest): string | undefined {
  return csrfByRequest.get(request);
}

export function registerAuthorization(
  app: FastifyInstance,
  options: { database: Database; now: () => Date },
): void {
  const db = options.database.kysely;
  const routes: ApiRoute[] = [];
  routesByApp.set(app, routes);

  const undeclared: string[] = [];
  app.addHook('onRoute', (route) => {
    if (!isApiUrl(route.url)) return;
    const methods = [route.method].flat();
    const access = route.config?.access;
    if (!access) undeclared.push(...methods.map((method) => `${method} ${route.url}`));
    // HEAD twins that Fastify adds for GET routes carry the GET route's policy; the list leaves them out.
    else {
      const audited = route.config?.audit !== undefined;
      for (const method of methods)
        if (method !== 'HEAD') routes.push({ method, url: route.url, access, audited });
    }
  });
  // Thrown here rather than in onRoute: a throw inside a plugin's registration escapes as an
  // uncaught exception, while a failing onReady makes ready()/listen() reject with this message.
  app.addHook('onReady', () => {
    if (undeclared.length === 0) return Promise.resolve();
    const message = `${undeclared.join('; ')}: no config.access; every API route must say who may call it`;
    return Promise.reject(new Error(message));
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (access?.allow === 'operator') {
      const operator = await resolveOperatorSession(db, request, options.now());
      if (!operator) {
        if (readOperatorToken(request) !== undefined) clearOperatorCookie(request, reply);
        throw new ApiError('UNAUTHENTICATED', 'Sign in to continue');
      }
      if (UNSAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !safeEqual(sent, operator.csrfToken)) {
          throw new ApiError('CSRF_INVALID', `Send the session's CSRF token in ${CSRF_HEADER}`);
        }
      }
      request.operator = operator.principal;
      csrfByRequest.set(request, operator.csrfToken);
      return;
    }
    if (!access || typeof access.allow === 'string') return;
    const resolved = await resolveSession(db, request, options.now());
    if (!resolved) {
      // A dead cookie is removed, so the browser stops sending it.
      if (readSessionToken(request) !== undefined) clearSessionCookie(request, reply);
      throw new ApiError('UNAUTHENTICATED', 'Sign in to continue');
    }
    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, resolved.csrfToken)) {
        throw new ApiError('CSRF_INVALID', `Send the session's CSRF token in ${CSRF_HEADER}`);
      }
    }
    const allowed = access.allow;
    if (!resolved.principal.roles.some((r) => allowed.includes(r.role))) {
      throw new ApiError('FORBIDDEN_ROLE', 'Your roles do not give access to this');
    }
    request.staff = resolved.principal;
    csrfByRequest.set(request, resolved.csrfToken);
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (!access?.unit || typeof access.allow === 'string' || !request.staff) return;
    await assertStaffAccess(db, request.staff, access.allow, await access.unit(request));
  });
}

/**
 * What a staff policy with a unit decides, for a caller that knows the policy only per request
 * (routes/audit.ts: an export names the screen it was made from): FORBIDDEN_ROLE without one of
 * `allowed`; 404 for no such unit; FORBIDDEN_UNIT unless those roles reach it.
 */
export async function assertStaffAccess(
  db: Database['kysely'],
  staff: StaffPrincipal,
  allowed: readonly StaffRole[],
  unitId: string | undefined,
): Promise<void> {
  if (!staff.roles.some((r) => allowed.includes(r.role))) {
    throw new ApiError('FORBIDDEN_ROLE', 'Your roles do not give access to this');
  }
  const check = unitId === undefined ? 'no-such-unit' : await checkUnitScope(db, staff, unitId, allowed);
  if (check === 'no-such-unit') throw notFound('Not found');
  if (check === 'out-of-scope') throw new ApiError('FORBIDDEN_UNIT', 'This unit is outside your units');
}

/** The principal of a staff route's request; only a route without a staff policy lacks one. */
export function staffOf(request: FastifyRequest): StaffPrincipal {
  if (!request.staff)
    throw new Error(`${request.method} ${request.url} reads the staff member but is not a staff route`);
  return request.staff;
}
