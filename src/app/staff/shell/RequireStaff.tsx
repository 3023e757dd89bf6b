// Guards the staff screens: while /auth/me is asked, a status line; signed out (or a 401 later),
// the login screen, which brings the person back here afterwards.
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ADMIN_PATHS } from '../ui/staff-paths';
import { useSession } from '../session/SessionContext';

export function RequireStaff() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const location = useLocation();

  if (session.status === 'signed-out') {
    // After "log out" the next person starts at the overview, not on the last one's page.
    const isChosen = session.signedOutReason === 'here' || session.signedOutReason === 'everywhere';
    const state = isChosen ? undefined : { from: location.pathname + location.search };
    return <Navigate to={ADMIN_PATHS.login} replace state={state} />;
  }
  if (session.status === 'unreachable') {
    return (
      <div className="screen admin-screen">
        <h1>{t('shell.unreachableTitle')}</h1>
        <p role="alert">{t('errors.network')}</p>
        <button type="button" className="button button--primary" onClick={session.retry}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (session.status === 'loading') {
    return (
      <div className="screen admin-screen">
        <p role="status">{t('common.loading')}</p>
      </div>
    );
  }
  return <Outlet />;
}
