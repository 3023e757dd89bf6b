// /admin/rapporter — the rounds whose reports the person may read now, newest first (the server
// decides which: leaders and reps see published rounds, admin also closed ones).
import { useTranslation } from 'react-i18next';
import { ReportApiError } from './ReportApiError';
import { ReportRoundCard } from './ReportRoundCard';
import { useReportRounds } from './useReports';

export function ReportListScreen() {
  const { t } = useTranslation('reports');
  const rounds = useReportRounds();
  const list = rounds.data?.rounds ?? [];
  return (
    <div className="screen admin-screen reports">
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro')}</p>
      <ReportApiError error={rounds.error} />
      {rounds.isLoading && <p role="status">{t('status.loading')}</p>}
      {rounds.data && list.length === 0 && <p className="admin-notice">{t('list.empty')}</p>}
      {list.length > 0 && (
        <ul className="round-cards">
          {list.map((entry) => (
            <ReportRoundCard key={entry.round.id} entry={entry} />
          ))}
        </ul>
      )}
    </div>
  );
}
