// What each staff role may see in the UI. The server decides for real (src/server/auth/policy.ts);
// this only keeps people from meeting screens that would answer 403.
import type { Me, StaffRole } from '../../../shared/api/staff';

export const hasRole = (user: Me | undefined, ...roles: StaffRole[]): boolean =>
  user?.roles.some((r) => roles.includes(r.role)) ?? false;

export const isAdmin = (user: Me | undefined): boolean => hasRole(user, 'admin');

/** The units a person holds one of `roles` on (each covers the units below it). */
export function scopedUnitIds(user: Me | undefined, roles: readonly StaffRole[]): string[] {
  const ids = (user?.roles ?? [])
    .filter((r) => roles.includes(r.role) && r.unitId !== null)
    .map((r) => r.unitId as string);
  return [...new Set(ids)];
}
