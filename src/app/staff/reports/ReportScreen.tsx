// /admin/rapporter/:roundId/:unitId — one unit's report (the round's own unit: the municipality
// overview). The h1 is there while the report loads, so focus has somewhere to land.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REPORT_PATHS } from './paths';
import { ReportApiError } from './ReportApiError';
import { ReportBody } from './ReportBody';
import { ReportMeta } from './ReportMeta';
import { SuppressedNotice } from './SuppressedNotice';
import { useUnitReport } from './useReports';

export function ReportScreen() {
  const { t } = useTranslation('reports');
  const { roundId = '', unitId = '' } = useParams();
  const { data: report, error, isLoading } = useUnitReport(roundId, unitId);
  return (
    <div className="screen admin-screen report">
      <p className="no-print">
        <Link to={REPORT_PATHS.list}>{t('report.back')}</Link>
      </p>
      <h1>{report ? t('report.title', { unit: report.unit.name }) : t('report.loadingTitle')}</h1>
      <ReportApiError error={error} />
      {isLoading && <p role="status">{t('status.loading')}</p>}
      {report && <ReportMeta report={report} />}
      {report && (report.suppressed ? <SuppressedNotice report={report} /> : <ReportBody report={report} />)}
    </div>
  );
}
