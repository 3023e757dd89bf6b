// The overview table with what the reader needs to read it: where the national figure comes from,
// which round the change is measured from, and KS's rule of thumb for a good score.
import { useTranslation } from 'react-i18next';
import type { UnitReportResponse } from '../../../shared/api/reports';
import { formatDate } from '../../ui/format';
import { NationalSource } from './NationalSource';
import { OverviewTable } from './OverviewTable';
import { useLanguage } from '../../i18n/useLanguage';

export function OverviewSection({
  report,
  className = '',
}: {
  report: UnitReportResponse;
  className?: string;
}) {
  const { t } = useTranslation(['reports', 'factors']);
  const { language: lng } = useLanguage();
  return (
    <section className={`report-overview ${className}`} aria-labelledby="report-overview-title">
      <h2 id="report-overview-title">{t('overview.title')}</h2>
      <OverviewTable report={report} />
      <NationalSource national={report.national} />
      {report.previousRound && (
        <p className="report-source">
          {t('overview.previousRound', {
            name: report.previousRound.name,
            date: formatDate(report.previousRound.closesOn, lng),
          })}
        </p>
      )}
      <p className="report-source">{t('factors:scoreHelp')}</p>
    </section>
  );
}
