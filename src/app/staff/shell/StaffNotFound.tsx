import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ADMIN_PATHS } from '../ui/staff-paths';

export function StaffNotFound() {
  const { t } = useTranslation('admin');
  return (
    <div className="screen admin-screen">
      <h1>{t('shell.notFound')}</h1>
      <Link to={ADMIN_PATHS.home}>{t('shell.toHome')}</Link>
    </div>
  );
}
