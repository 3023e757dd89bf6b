// /admin/nettbrett — shared tablets (kiosks): make a one-time enrolment QR code for a unit and
// round, and see every enrolled tablet with its last sync and the answers it says are waiting
// (counts only). Revoking stops new answers; what a tablet already collected still syncs.
import { useTranslation } from 'react-i18next';
import { organisationApi } from '../api/organisation';
import { ApiError } from '../ui/ApiError';
import { useStaffQuery } from '../ui/useStaffQuery';
import { KioskEnrolment } from './KioskEnrolment';
import { KioskTable } from './KioskTable';

export function KiosksScreen() {
  const { t } = useTranslation('admin');
  const kiosks = useStaffQuery((request) => organisationApi(request).kiosks(), 'kiosks', 30_000);
  return (
    <div className="screen admin-screen">
      <h1>{t('kiosks.title')}</h1>
      <p>{t('kiosks.intro')}</p>
      <KioskEnrolment onCreated={kiosks.reload} />
      <section aria-labelledby="kiosks-list-title" className="admin-section">
        <h2 id="kiosks-list-title">{t('kiosks.listTitle')}</h2>
        <ApiError error={kiosks.error} />
        {kiosks.isLoading && <p role="status">{t('common.loading')}</p>}
        {kiosks.data &&
          (kiosks.data.kiosks.length === 0 ? (
            <p>{t('kiosks.empty')}</p>
          ) : (
            <KioskTable kiosks={kiosks.data.kiosks} onChanged={kiosks.reload} />
          ))}
      </section>
    </div>
  );
}
