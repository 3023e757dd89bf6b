// The group roles of IGP(I) and the random rules that hand them out. The rule is drawn, not a
// person: the group applies it among themselves, so the tool never learns who holds which role.

// The roles and rules are the shared model's (src/shared/meetings.ts), so the server's draw maps
// onto these texts one to one.
import { GROUP_ROLES, type GroupRole, ROLE_RULES, type RoleRule } from '../../../shared/meetings';

export { GROUP_ROLES, ROLE_RULES, type GroupRole, type RoleRule };

export type RoleDraw = Record<GroupRole, RoleRule>;

/**
 * Draws a different rule for each role of one group (three of the seven, no repeats), so one
 * person is not likely to end up with every role. `random` returns [0, 1) like Math.random.
 */
export function drawRoles(random: () => number = Math.random): RoleDraw {
  const pool: RoleRule[] = [...ROLE_RULES];
  const out = {} as RoleDraw;
  for (const role of GROUP_ROLES) {
    const index = Math.min(pool.length - 1, Math.floor(random() * pool.length));
    const [rule] = pool.splice(index, 1);
    if (rule) out[role] = rule;
  }
  return out;
}

/** One draw per group, numbered from 1. */
export function drawGroups(groups: number, random: () => number = Math.random): RoleDraw[] {
  return Array.from({ length: Math.max(1, Math.floor(groups)) }, () => drawRoles(random));
}
