import type { TFunction } from 'i18next';
import { MUNICIPALITY_WIDE_ROLES, type RoleAssignment } from '../../../shared/api/staff';

/** A message when the roles cannot be saved as they are, else undefined. */
export function rolesError(roles: readonly RoleAssignment[], t: TFunction<'admin'>): string | undefined {
  if (roles.length === 0) return t('accounts.rolesMissing');
  if (roles.some((r) => !MUNICIPALITY_WIDE_ROLES.includes(r.role) && !r.unitId))
    return t('accounts.roleUnitMissing');
  return undefined;
}

/** The same role on the same unit twice is one role. */
export const uniqueRoles = (roles: readonly RoleAssignment[]): RoleAssignment[] =>
  roles.filter((r, i) => roles.findIndex((o) => o.role === r.role && o.unitId === r.unitId) === i);
