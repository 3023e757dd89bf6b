// /admin itself: the response rates for everyone who works with the survey; a person who holds no
// such role (the privacy officer, issue 15) goes to the audit log, the screen that is theirs.
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { hasRole } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { ADMIN_PATHS } from '../ui/staff-paths';

export function StaffHome({ progress }: { progress: ReactNode }) {
  const { user } = useSession();
  if (!hasRole(user, 'admin', 'leader', 'union_rep', 'safety_rep') && hasRole(user, 'privacy_officer')) {
    return <Navigate to={ADMIN_PATHS.auditLog} replace />;
  }
  return progress;
}
