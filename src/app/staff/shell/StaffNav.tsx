// The staff menu, filtered by the signed-in person's roles (see nav-items.ts).
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isAdmin } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { navItemsFor } from './nav-items';

export function StaffNav() {
  const { t } = useTranslation('admin');
  const { user } = useSession();
  const items = navItemsFor(user);
  return (
    <nav className="pill-nav admin-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <NavLink to={item.to} end={item.key === 'progress'}>
              {item.key === 'progress' && !isAdmin(user) ? t('nav.myUnits') : t(`nav.${item.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
