// The frame of every signed-in staff screen: who is signed in, sign-out (here or on every
// device), and the menu for the person's roles. The screen itself comes through <Outlet />.
import { useState } from 'react';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { StaffNav } from './StaffNav';

export function StaffShell() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const [isBusy, setIsBusy] = useState(false);

  async function signOut(everywhere: boolean) {
    setIsBusy(true);
    try {
      // Signed out, RequireStaff takes the person to the login page, which says why.
      await (everywhere ? session.logoutEverywhere() : session.logout());
    } catch {
      // The tab has forgotten the session either way (SessionProvider); nothing more to do.
      setIsBusy(false);
    }
  }

  return (
    <div className="admin-shell">
      <div className="admin-bar">
        <p className="admin-bar__who">{t('shell.signedInAs', { name: session.user?.displayName })}</p>
        <div className="admin-bar__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={isBusy}
            onClick={() => void signOut(false)}
          >
            {t('shell.logout')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={isBusy}
            onClick={() => void signOut(true)}
          >
            {t('shell.logoutEverywhere')}
          </button>
        </div>
      </div>
      <StaffNav />
      <Outlet />
    </div>
  );
}
