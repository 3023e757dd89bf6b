// The contract every API route signs: who may call it. Each route declares
// `config: { access: AccessPolicy }`; the app refuses to start if an /api route declares none, and
// one preHandler enforces it (session, CSRF on unsafe methods, role, unit scope) before the
// handler runs. The UI hides what a role cannot do, but only this decides.
import type { FastifyRequest } from 'fastify';

export const STAFF_ROLES = ['admin', 'leader', 'union_rep', 'safety_rep'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface RoleAssignment {
  role: StaffRole;
  /** null for admin (the whole municipality); the scoped unit for the other roles. */
  unitId: string | null;
}

/** The signed-in staff member, set on the request by the access preHandler. */
export interface StaffPrincipal {
  userId: string;
  municipalityId: string;
  roles: RoleAssignment[];
  sessionId: string;
}

export interface AccessPolicy {
  /**
   * 'public': no session (respondents, kiosks, login itself). 'kiosk': an enrolled kiosk's
   * credential (Authorization: Kiosk <credential>). Otherwise the staff roles allowed.
   */
  allow: 'public' | 'kiosk' | readonly StaffRole[];
  /**
   * For unit-scoped endpoints: the unit the request is about. An admin passes for any unit of
   * their municipality; the other roles need an assignment on that unit or one of its ancestors.
   * Returning undefined for a unit that does not exist yields 404.
   */
  unit?: (request: FastifyRequest) => string | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessPolicy;
  }
  interface FastifyRequest {
    staff?: StaffPrincipal;
  }
}
