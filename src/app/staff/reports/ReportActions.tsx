// Print (the A4 view, where the browser can also save a PDF) and the overview table as CSV. The
// CSV is made only once the server has logged the export (ui/useExportLog.ts).
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UnitReportResponse } from '../../../shared/api/reports';
import { downloadText } from '../../ui/csv';
import { ReportApiError } from './ReportApiError';
import { StaffSlot } from '../ui/StaffSlots';
import { useExportLog } from '../ui/useExportLog';
import { REPORT_PATHS } from './paths';
import { fileSlug, reportCsv } from './report-csv';
import { useNationalLabel } from './useNationalLabel';

export function ReportActions({ report }: { report: UnitReportResponse }) {
  const { t } = useTranslation(['reports', 'factors']);
  const nationalLabel = useNationalLabel(report.national);
  const { logged, error } = useExportLog();

  const makeCsv = () =>
    downloadText(
      reportCsv(report, {
        factor: t('columns.factor'),
        unit: t('columns.unit'),
        municipality: t('columns.municipality'),
        national: nationalLabel,
        change: t('columns.change'),
        hidden: t('csv.hidden'),
        factorName: (id) => t(`factors:factor.${id}.name`),
      }),
      t('csv.filename', { unit: fileSlug(report.unit.name), round: fileSlug(report.round.name) }),
    );
  const download = () =>
    logged({ kind: 'csv', subject: 'report', roundId: report.round.id, unitId: report.unit.id }, makeCsv);

  return (
    <div className="admin-actions no-print">
      <Link className="button button--secondary" to={REPORT_PATHS.print(report.round.id, report.unit.id)}>
        {t('report.print')}
      </Link>
      <button type="button" className="button button--secondary" onClick={() => void download()}>
        {t('report.download')}
      </button>
      <StaffSlot name="reportActions" args={[report]} />
      <ReportApiError error={error} />
    </div>
  );
}
