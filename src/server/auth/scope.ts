// Unit scope: which units a staff member's roles reach. An admin reaches every unit of their
// municipality; a leader, union rep or safety rep reaches the unit they hold the role on and every
// unit below it. A unit of another municipality is never in scope. Handlers that list things use
// isUnitInScope / unitsInScope with the roles their route allows.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { unitIdsUnder } from '../repositories/organisation';
import type { RoleAssignment, StaffPrincipal, StaffRole } from './policy';

export type ScopeCheck = 'in-scope' | 'out-of-scope' | 'no-such-unit';

/** The unit and its ancestors up to the root. UNION ends the walk even if the tree had a cycle. */
async function unitAndAncestors(db: Kysely<DB>, unitId: string) {
  return db
    .withRecursive('chain(id, parent_id, municipality_id)', (qb) =>
      qb
        .selectFrom('units')
        .select(['units.id', 'units.parent_id', 'units.municipality_id'])
        .where('units.id', '=', unitId)
        .union((up) =>
          up
            .selectFrom('units')
            .innerJoin('chain', 'chain.parent_id', 'units.id')
            .select(['units.id', 'units.parent_id', 'units.municipality_id']),
        ),
    )
    .selectFrom('chain')
    .select(['chain.id', 'chain.municipality_id'])
    .execute();
}

function usableRoles(principal: StaffPrincipal, roles?: readonly StaffRole[]): RoleAssignment[] {
  return principal.roles.filter((r) => roles === undefined || roles.includes(r.role));
}

/** Whether `unitId` is reached by one of the principal's roles (only `roles`, when given). */
export async function checkUnitScope(
  db: Kysely<DB>,
  principal: StaffPrincipal,
  unitId: string,
  roles?: readonly StaffRole[],
): Promise<ScopeCheck> {
  const chain = await unitAndAncestors(db, unitId);
  const unit = chain.find((u) => u.id === unitId);
  if (!unit) return 'no-such-unit';
  if (unit.municipality_id !== principal.municipalityId) return 'out-of-scope';
  const ancestry = new Set(chain.map((u) => u.id));
  const reaches = usableRoles(principal, roles).some(
    (r) => r.role === 'admin' || (r.unitId !== null && ancestry.has(r.unitId)),
  );
  return reaches ? 'in-scope' : 'out-of-scope';
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
  const inMunicipality = db
    .selectFrom('units')
    .select('id')
    .where('municipality_id', '=', principal.municipalityId);
  if (usable.some((r) => r.role === 'admin')) {
    return new Set((await inMunicipality.execute()).map((u) => u.id));
  }
  const reached = new Set<string>();
  for (const role of usable) {
    if (role.unitId === null || reached.has(role.unitId)) continue;
    for (const id of await unitIdsUnder(db, role.unitId)) reached.add(id);
  }
  if (reached.size === 0) return reached;
  const own = await inMunicipality.where('id', 'in', [...reached]).execute();
  return new Set(own.map((u) => u.id));
}
