// The contract every API route signs: who may call it. Each route declares
// `config: { access: AccessPolicy }`; the app refuses to start if an /api route declares none, and
// one authorisation step (./authorize.ts) enforces it before the handler runs: session, CSRF on
// unsafe methods and role in onRequest (before the body is even parsed), then unit scope in
// preHandler (after validation, so `unit` reads validated params and body). The UI hides what a
// role cannot do, but only this decides.
import type { FastifyRequest } from 'fastify';
import type { RoleAssignment, StaffRole } from '../../shared/api/staff';

export { STAFF_ROLES, type RoleAssignment, type StaffRole } from '../../shared/api/staff';

/** The signed-in staff member, set on the request by the access check. */
export interface StaffPrincipal {
  userId: string;
  municipalityId: string;
  roles: RoleAssignment[];
  sessionId: string;
}

/** An admin reaches every unit of their municipality and every report once it is available. */
export const isAdmin = (staff: StaffPrincipal): boolean => staff.roles.some((r) => r.role === 'admin');

export interface AccessPolicy {
  /**
   * 'public': no session (respondents, login itself); staff cookies are ignored and no CSRF token
   * is asked for. 'kiosk': an enrolled kiosk's credential (Authorization: Kiosk <credential>) —
   * authorize passes these through untouched and the route verifies the credential itself (its
   * own onRequest/preHandler); the authorisation matrix asserts that it does. 'operator': the
   * hosting organisation's operator session (src/server/operator, cookie tf_operator, CSRF as for
   * staff); no staff session passes, and an operator passes no staff route. Otherwise the staff
   * roles allowed.
   */
  allow: 'public' | 'kiosk' | 'operator' | readonly StaffRole[];
  /**
   * For unit-scoped endpoints: the unit the request is about (may look it up, e.g. a round's
   * unit). An admin passes for any unit of their municipality; the other roles need an allowed
   * role on that unit or one of its ancestors. undefined, or a unit that does not exist, is 404.
   */
  unit?: (request: FastifyRequest) => string | undefined | Promise<string | undefined>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessPolicy;
  }
  interface FastifyRequest {
    staff?: StaffPrincipal;
  }
}
