// /admin/kommune — the municipality's name, number and administrative language (bokmål or
// nynorsk), which becomes the default language of its rounds and printed code slips; and its
// settings for keeping and deleting data (./RetentionSettings.tsx, issue 15), which the privacy
// officer reads here too (the name and language are the admin's only).
import { useTranslation } from 'react-i18next';
import { organisationApi } from '../api/organisation';
import { isAdmin } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { ApiError } from '../ui/ApiError';
import { useStaffQuery } from '../ui/useStaffQuery';
import { MunicipalityForm } from './MunicipalityForm';
import { RetentionSettings } from './RetentionSettings';

export function MunicipalityScreen() {
  const { t } = useTranslation('admin');
  const { user } = useSession();
  const admin = isAdmin(user);
  return (
    <div className="screen admin-screen">
      <h1>{t('municipality.title')}</h1>
      {admin && <MunicipalityDetails />}
      <RetentionSettings isEditable={admin} />
    </div>
  );
}

function MunicipalityDetails() {
  const { t } = useTranslation('admin');
  const query = useStaffQuery((request) => organisationApi(request).municipality(), 'municipality');
  return (
    <>
      <p>{t('municipality.intro')}</p>
      <ApiError error={query.error} />
      {query.data ? (
        <MunicipalityForm key={query.data.id} municipality={query.data} />
      ) : (
        !query.error && <p role="status">{t('common.loading')}</p>
      )}
    </>
  );
}
