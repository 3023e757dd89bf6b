// A staff screen some roles may not use: they get a clear message instead of a screen full of
// 403 errors. The server refuses them anyway; this is only courtesy.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../../shared/api/staff';
import { hasRole } from '../session/roles';
import { useSession } from '../session/SessionContext';

interface Props {
  roles: readonly StaffRole[];
  children: ReactNode;
}

export function RequireRole({ roles, children }: Props) {
  const { t } = useTranslation('admin');
  const { user } = useSession();
  if (hasRole(user, ...roles)) return children;
  return (
    <div className="screen admin-screen">
      <h1>{t('shell.forbiddenTitle')}</h1>
      <p>{t('errors.forbidden')}</p>
    </div>
  );
}
