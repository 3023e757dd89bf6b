import type { StaffRole } from '../../../shared/api/staff';

// What a person may do and where: admin for the whole municipality (unit_id null), or leader,
// union_rep or safety_rep on a unit, which also covers every unit below it.
export interface RoleAssignmentsTable {
  user_id: string;
  role: StaffRole;
  unit_id: string | null;
}
