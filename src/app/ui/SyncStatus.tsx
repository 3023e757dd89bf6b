// What the person holding the tablet needs to know: how many answers wait on this device, whether
// it is offline or sending now, and when the last send succeeded (so nobody clears the browser while
// answers wait). For the staff
// who look after the tablet, a sync problem line: answers held back by the server, and answers it
// refused, counted by reason. Counts and reasons only, never what anyone answered. "All sent" is
// said only when nothing waits and nothing was refused.
//
// The line and its texts (the 'sync' namespace) are a chunk of their own, rendered lazily by the
// start screen: they come right after the first render, as the device's counts do (IndexedDB).
import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../offline/useSyncStatus';
import { normaliseLanguage } from '../i18n/i18n';
import { formatDateTime } from './time-format';
import { useOnline } from './useOnline';
import {
  countByReason,
  REJECTION_REASONS,
  rejectionReason,
  RETRY_REASONS,
  retryReason,
} from './sync-reasons';

export function SyncStatus() {
  // Suspends (the start screen's boundary around it) until the texts are here.
  const { t, i18n } = useTranslation(['sync', 'common'], { useSuspense: true });
  const status = useSyncStatus();
  const online = useOnline();
  const lng = normaliseLanguage(i18n.language);
  const when =
    status.lastSyncAt !== undefined
      ? formatDateTime(new Date(status.lastSyncAt), lng, (time) => t('common:date.at', { time }))
      : undefined;
  // Answers held back, by why: those that failed on their own, and (while the last pass met server
  // trouble) the rest of the waiting ones under the trouble's reason.
  const heldBack: Record<string, number> = { ...status.retryingByCode };
  const countedAlone = Object.values(status.retryingByCode).reduce((sum, n) => sum + n, 0);
  if (status.trouble && status.pending > countedAlone) {
    heldBack[status.trouble.code] = (heldBack[status.trouble.code] ?? 0) + status.pending - countedAlone;
  }
  const problems = [
    // A refusal of the whole batch that will not pass by itself (an unknown kiosk, a malformed request).
    ...(status.lastError && status.pending > 0 ? [t('sync.blocked', { count: status.pending })] : []),
    ...countByReason(heldBack, RETRY_REASONS, retryReason).map(([reason, count]) =>
      t(`sync.retrying.${reason}`, { count }),
    ),
    ...countByReason(status.rejectedByCode, REJECTION_REASONS, rejectionReason).map(([reason, count]) =>
      t(`sync.rejectedFor.${reason}`, { count }),
    ),
  ];
  // "All sent" needs something to have been sent from here: a new device has sent nothing.
  const summary =
    status.pending > 0
      ? t('sync.pending', { count: status.pending })
      : status.rejected > 0 || when === undefined
        ? t('sync.nonePending')
        : t('sync.allSent');
  return (
    <section className="sync-status" aria-live="polite" aria-atomic="true">
      <p className={status.pending > 0 ? 'sync-status__pending' : 'sync-status__done'}>{summary}</p>
      {!online && <p className="sync-status__meta">{t('sync.offline')}</p>}
      {online && status.isSyncing && status.pending > 0 && (
        <p className="sync-status__meta">{t('sync.syncing')}</p>
      )}
      {when && <p className="sync-status__meta">{t('sync.lastSync', { when })}</p>}
      {status.pending > 0 && <p className="sync-status__meta">{t('sync.keepBrowser')}</p>}
      {problems.length > 0 && (
        <div className="sync-status__problem">
          <p className="sync-status__meta">{t('sync.problemTitle')}</p>
          <ul>
            {problems.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
