// /admin/rapporter/:roundId/:unitId/utskrift — the report laid out for the analysis meeting: a
// cover (unit, round, period, response rate), the overview table, then two factors to an A4 page
// (reports.css, @media print), every page after the cover headed with the unit and round and
// numbered "side 3 av 8" (src/app/ui/print-pages.ts). The browser's print dialog also saves it as
// a PDF. No open answers: a printout travels. The report shows only once the server has logged
// the print (ui/useExportLog.ts), so no print leaves unrecorded.
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { pageBoxesCss, pageOfContent, usePrintPageBoxes } from '../../ui/print-pages';
import { FactorSection } from './FactorSection';
import { OverviewSection } from './OverviewSection';
import { REPORT_PATHS } from './paths';
import { ReportApiError } from './ReportApiError';
import { ReportMeta } from './ReportMeta';
import { ResponseRate } from './ResponseRate';
import { SuppressedNotice } from './SuppressedNotice';
import { useUnitReport } from './useReports';
import { PrintTools } from '../../ui/PrintTools';
import { usePrintLogged } from '../ui/useExportLog';

export function PrintReportScreen() {
  const { t } = useTranslation('reports');
  const { roundId = '', unitId = '' } = useParams();
  const { data: loaded, error, isLoading } = useUnitReport(roundId, unitId);
  const print = usePrintLogged(loaded ? { kind: 'print', subject: 'report', roundId, unitId } : undefined);
  const report = print.isLogged ? loaded : undefined;
  usePrintPageBoxes(
    report
      ? pageBoxesCss(
          'report',
          t('print.runningHeader', { unit: report.unit.name, round: report.round.name }),
          pageOfContent((markers) => t('print.pageOf', markers)),
          { cover: true },
        )
      : null,
  );
  const factorPages = report ? pairs(report.factors) : [];
  return (
    <div className="screen admin-screen report report-print">
      <PrintTools
        className="report-print__tools"
        back={REPORT_PATHS.report(roundId, unitId)}
        backLabel={t('print.back')}
        intro={t('print.intro')}
        printLabel={t('print.button')}
        ready={!!report}
      />
      <section className="report-print__cover" aria-labelledby="report-print-title">
        <p className="report-print__kicker">{t('print.kicker')}</p>
        <h1 id="report-print-title">
          {report ? t('report.title', { unit: report.unit.name }) : t('report.loadingTitle')}
        </h1>
        <ReportApiError error={error} />
        <ReportApiError error={print.error} />
        {isLoading && <p role="status">{t('status.loading')}</p>}
        {report && <p className="report-print__municipality">{report.municipality.name}</p>}
        {report && <ReportMeta report={report} />}
        {report?.responseRate && !report.suppressed && <ResponseRate rate={report.responseRate} />}
        {report?.suppressed && <SuppressedNotice report={report} />}
      </section>
      {report && !report.suppressed && (
        <>
          <OverviewSection report={report} className="report-print__page" />
          {factorPages.map((page) => (
            <div key={page[0]!.factorId} className="report-print__page report-print__factors">
              {page.map((row) => (
                <FactorSection key={row.factorId} row={row} report={report} />
              ))}
            </div>
          ))}
        </>
      )}
    </div>
  );
}

/** Two factors to a page: each is a heading, two small charts and a table, half an A4 page. */
function pairs<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += 2) out.push(items.slice(i, i + 2));
  return out;
}
