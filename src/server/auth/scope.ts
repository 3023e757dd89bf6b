// Unit scope: which units a staff member's roles reach. An admin reaches every unit of their
// municipality; a leader, union rep or safety rep reaches the unit they hold the role on and every
// unit below it. A unit of another municipality is never in scope. Handlers that list things use
// isUnitInScope / unitsInScope with the roles their route allows. The rules only: the tree walks
// (recursive SQL, ended by UNION if the tree ever had a cycle) are the repositories'.
import type { Kysely } from 'kysely';
import { subtreeIds, type TreeUnit } from '../../shared/unit-tree';
import type { DB } from '../db/schema';
import { unitIdsUnder } from '../repositories/organisation';
import { unitChain, unitIdsInMunicipality } from '../repositories/units';
import type { RoleAssignment, StaffPrincipal, StaffRole } from './policy';

export type ScopeCheck = 'in-scope' | 'out-of-scope' | 'no-such-unit';

function usableRoles(principal: StaffPrincipal, roles?: readonly StaffRole[]): RoleAssignment[] {
  return principal.roles.filter((r) => roles === undefined || roles.includes(r.role));
}

const isAdmin = (r: RoleAssignment) => r.role === 'admin';

/** Whether `unitId` is reached by one of the principal's roles (only `roles`, when given). */
export async function checkUnitScope(
  db: Kysely<DB>,
  principal: StaffPrincipal,
  unitId: string,
  roles?: readonly StaffRole[],
): Promise<ScopeCheck> {
  // One query for the unit, its ancestors and their municipality: this runs on every scoped request.
  const chain = await unitChain(db, unitId);
  const unit = chain.find((u) => u.id === unitId);
  if (!unit) return 'no-such-unit';
  if (unit.municipalityId !== principal.municipalityId) return 'out-of-scope';
  const usable = usableRoles(principal, roles);
  if (usable.some(isAdmin)) return 'in-scope';
  const ancestry = new Set(chain.map((u) => u.id));
  return usable.some((r) => r.unitId !== null && ancestry.has(r.unitId)) ? 'in-scope' : 'out-of-scope';
}

/**
 * The units of a round's frozen frame a principal reaches (with `roles`, when given): every unit
 * for an admin; else each unit they hold a role on that is in the frame, with its descendants in
 * the frame. Computed on the frame, never the live tree, so moving units after the round opened
 * neither widens nor narrows what anyone may read of that round (issue 11).
 */
export function frameScope(
  principal: StaffPrincipal,
  frame: readonly TreeUnit[],
  roles?: readonly StaffRole[],
): Set<string> {
  const usable = usableRoles(principal, roles);
  if (usable.some(isAdmin)) return new Set(frame.map((u) => u.id));
  const reached = new Set<string>();
  for (const role of usable) {
    if (role.unitId === null || reached.has(role.unitId)) continue;
    for (const id of subtreeIds(frame, role.unitId)) reached.add(id);
  }
  return reached;
}

export async function isUnitInScope(
  db: Kysely<DB>,
  principal: StaffPrincipal,
  unitId: string,
  roles?: readonly StaffRole[],
): Promise<boolean> {
  return (await checkUnitScope(db, principal, unitId, roles)) === 'in-scope';
}

/** Every unit id the principal reaches (with `roles`, when given), for filtering lists in one go. */
export async function unitsInScope(
  db: Kysely<DB>,
  principal: StaffPrincipal,
  roles?: readonly StaffRole[],
): Promise<Set<string>> {
  const usable = usableRoles(principal, roles);
  if (usable.some(isAdmin)) return unitIdsInMunicipality(db, principal.municipalityId);
  const reached = new Set<string>();
  for (const role of usable) {
    if (role.unitId === null || reached.has(role.unitId)) continue;
    for (const id of await unitIdsUnder(db, role.unitId)) reached.add(id);
  }
  // A role on another municipality's unit reaches nothing here.
  return unitIdsInMunicipality(db, principal.municipalityId, [...reached]);
}
