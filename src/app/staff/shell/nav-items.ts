// The staff menu: each entry names the roles that may use its screen. Admin sees everything;
// leaders also prepare codes and tablets for their units; union and safety reps follow the
// units they represent; every staff role reads the reports of its units.
import type { Me, StaffRole } from '../../../shared/api/staff';
import { hasRole } from '../session/roles';
import { ADMIN_PATHS } from '../ui/staff-paths';

export type NavKey =
  | 'progress'
  | 'reports'
  | 'followup'
  | 'municipality'
  | 'units'
  | 'rounds'
  | 'codes'
  | 'kiosks'
  | 'accounts'
  | 'nationalFigures'
  | 'preparation'
  | 'records'
  | 'signin'
  | 'auditLog';

export interface NavItem {
  key: NavKey;
  to: string;
  roles: readonly StaffRole[];
}

/** Every role that works with the survey; the privacy officer reads only the audit log (and settings). */
const ALL_STAFF: readonly StaffRole[] = ['admin', 'leader', 'union_rep', 'safety_rep'];

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'progress', to: ADMIN_PATHS.home, roles: ALL_STAFF },
  { key: 'reports', to: ADMIN_PATHS.reports, roles: ALL_STAFF },
  { key: 'followup', to: ADMIN_PATHS.followup, roles: ALL_STAFF },
  { key: 'preparation', to: ADMIN_PATHS.preparation, roles: ALL_STAFF },
  // The privacy officer reads the retention settings there (issue 15).
  { key: 'municipality', to: ADMIN_PATHS.municipality, roles: ['admin', 'privacy_officer'] },
  { key: 'units', to: ADMIN_PATHS.units, roles: ['admin'] },
  { key: 'rounds', to: ADMIN_PATHS.rounds, roles: ['admin'] },
  { key: 'codes', to: ADMIN_PATHS.codes, roles: ['admin', 'leader'] },
  { key: 'kiosks', to: ADMIN_PATHS.kiosks, roles: ['admin', 'leader'] },
  { key: 'accounts', to: ADMIN_PATHS.accounts, roles: ['admin'] },
  { key: 'nationalFigures', to: ADMIN_PATHS.nationalFigures, roles: ['admin'] },
  { key: 'records', to: ADMIN_PATHS.records, roles: ['admin', 'privacy_officer'] },
  { key: 'signin', to: ADMIN_PATHS.signin, roles: ['admin'] },
  { key: 'auditLog', to: ADMIN_PATHS.auditLog, roles: ['admin', 'privacy_officer'] },
];

export const navItemsFor = (user: Me | undefined): NavItem[] =>
  NAV_ITEMS.filter((item) => hasRole(user, ...item.roles));
