// A report with figures: response rate, the overview table with the source of the national
// average, one section per factor, the background breakdown (municipality only) and the open
// answers (only when the server sent them to this person).
import { useTranslation } from 'react-i18next';
import type { UnitReportResponse } from '../../../shared/api/reports';
import { BackgroundBreakdown } from './BackgroundBreakdown';
import { FactorSection } from './FactorSection';
import { OpenAnswers } from './OpenAnswers';
import { OverviewSection } from './OverviewSection';
import { ReportActions } from './ReportActions';
import { ResponseRate } from './ResponseRate';
import { StaffSlot } from '../ui/StaffSlots';

export function ReportBody({ report }: { report: UnitReportResponse }) {
  const { t } = useTranslation(['reports', 'factors']);
  return (
    <>
      {report.responseRate && <ResponseRate rate={report.responseRate} />}
      <ReportActions report={report} />
      <OverviewSection report={report} />
      <StaffSlot name="reportFollowUp" args={[report]} />
      <nav className="report-toc" aria-label={t('report.factorsNav')}>
        <ul>
          {report.factors.map((row) => (
            <li key={row.factorId}>
              <a href={`#factor-${row.factorId}`}>{t(`factors:factor.${row.factorId}.name`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {report.factors.map((row) => (
        <FactorSection key={row.factorId} row={row} report={report} />
      ))}
      {report.background && report.background.length > 0 && (
        <BackgroundBreakdown breakdowns={report.background} />
      )}
      {(report.openAnswers || report.openAnswersHidden) && (
        <OpenAnswers
          answers={report.openAnswers}
          hidden={report.openAnswersHidden}
          threshold={report.round.openAnswerThreshold}
        />
      )}
    </>
  );
}
