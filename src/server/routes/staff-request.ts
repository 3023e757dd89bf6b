// The signed-in staff member of a staff route. The access check (../auth/authorize.ts) sets it
// before any staff handler runs, so a handler that finds none is wired wrongly: a 500, not a 401.
import type { FastifyRequest } from 'fastify';
import type { StaffPrincipal } from '../auth/policy';

export function staffOf(request: FastifyRequest): StaffPrincipal {
  if (!request.staff)
    throw new Error(`${request.method} ${request.routeOptions.url} ran without a staff principal`);
  return request.staff;
}
