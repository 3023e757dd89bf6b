// The server's role draw (one random rule per role and group) in the shape the shared RolesPanel
// shows, groups in order. A group missing a role is left out rather than shown half drawn.
import type { MeetingSnapshot } from '../../../shared/api/meetings';
import { GROUP_ROLES, ROLE_RULES, type RoleDraw, type RoleRule } from '../../ui/meeting/roles';

const isRule = (value: unknown): value is RoleRule => (ROLE_RULES as readonly unknown[]).includes(value);

export function roleDraws(roles: MeetingSnapshot['roles']): RoleDraw[] {
  if (!roles) return [];
  return [...roles]
    .sort((a, b) => a.group - b.group)
    .flatMap((g) => {
      const draw: Partial<RoleDraw> = {};
      for (const role of GROUP_ROLES) {
        const rule = g.roles[role];
        if (!isRule(rule)) return [];
        draw[role] = rule;
      }
      return [draw as RoleDraw];
    });
}
