// The top of a report, on screen and on the print cover: which unit, which round and when.
import { useTranslation } from 'react-i18next';
import type { UnitReportResponse } from '../../../shared/api/reports';
import { formatDateRange } from '../../ui/format';
import { useLanguage } from '../../i18n/useLanguage';

export function ReportMeta({ report }: { report: UnitReportResponse }) {
  const { t } = useTranslation('reports');
  const { language: lng } = useLanguage();
  const { round } = report;
  return (
    <>
      <p className="report-meta">
        {t('report.roundLine', {
          round: round.name,
          period: formatDateRange(round.opensOn, round.closesOn, lng),
        })}
      </p>
      {report.isMunicipality && (
        <p className="report-meta">
          {t('report.municipalityNote', { municipality: report.municipality.name })}
        </p>
      )}
    </>
  );
}
