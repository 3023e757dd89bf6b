// /admin/kommune — the municipality's name, number and administrative language (bokmål or
// nynorsk), which becomes the default language of its rounds and printed code slips.
import { useTranslation } from 'react-i18next';
import { organisationApi } from '../api/organisation';
import { ApiError } from '../ui/ApiError';
import { useStaffQuery } from '../ui/useStaffQuery';
import { MunicipalityForm } from './MunicipalityForm';

export function MunicipalityScreen() {
  const { t } = useTranslation('admin');
  const query = useStaffQuery((request) => organisationApi(request).municipality(), 'municipality');
  return (
    <div className="screen admin-screen">
      <h1>{t('municipality.title')}</h1>
      <p>{t('municipality.intro')}</p>
      <ApiError error={query.error} />
      {query.data ? (
        <MunicipalityForm key={query.data.id} municipality={query.data} />
      ) : (
        !query.error && <p role="status">{t('common.loading')}</p>
      )}
    </div>
  );
}
