// What the person holding the tablet needs to know: how many answers wait on this device, and
// when the last sync succeeded (so nobody clears the browser while answers wait).
import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../offline';
import { normaliseLanguage } from '../i18n/i18n';
import { formatDateTime } from './format';

export function SyncStatus() {
  const { t, i18n } = useTranslation();
  const status = useSyncStatus();
  const lng = normaliseLanguage(i18n.language);
  const when =
    status.lastSyncAt !== undefined
      ? formatDateTime(new Date(status.lastSyncAt), lng, (time) => t('date.at', { time }))
      : undefined;
  return (
    <section className="sync-status" aria-live="polite" aria-atomic="true">
      <p className={status.pending > 0 ? 'sync-status__pending' : 'sync-status__done'}>
        {status.pending > 0 ? t('sync.pending', { count: status.pending }) : t('sync.allSent')}
      </p>
      <p className="sync-status__meta">{when ? t('sync.lastSync', { when }) : t('sync.neverSynced')}</p>
      {status.pending > 0 && <p className="sync-status__meta">{t('sync.keepBrowser')}</p>}
      {status.rejected > 0 && (
        <p className="sync-status__meta">{t('sync.rejected', { count: status.rejected })}</p>
      )}
    </section>
  );
}
