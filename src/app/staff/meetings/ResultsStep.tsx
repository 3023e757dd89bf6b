// The unit's results, presented neutrally: the report's own figures, with the report's
// suppression (a hidden figure stays hidden, nothing is worked out here). The step names one
// factor, or none for all ten. The report itself is one link away for the whole picture.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeetingSnapshot } from '../../../shared/api/meetings';
import type { FactorRow } from '../../../shared/api/reports';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDecimal } from '../../ui/format';
import { reportsApi } from '../api/reports';
import { useStaffQuery } from '../ui/useStaffQuery';
import { MEETING_PATHS } from './paths';
import { StepPrompt } from './StepPrompt';

export function ResultsStep({ snapshot }: { snapshot: MeetingSnapshot }) {
  const { t } = useTranslation(['presenter', 'factors']);
  const { language } = useLanguage();
  const { roundId, unitId } = snapshot;
  const step = snapshot.steps[snapshot.stepIndex];
  const report = useStaffQuery(
    (request) => reportsApi(request).unitReport(roundId, unitId),
    `report:${roundId}/${unitId}`,
  );
  const rows = (report.data?.factors ?? []).filter((r) => !step?.factorId || r.factorId === step.factorId);
  const figure = (value: number | null | undefined) =>
    value === null || value === undefined ? t('results.hidden') : formatDecimal(value, language);
  const cells = (row: FactorRow) => [
    figure(row.unit?.average),
    figure(row.municipality?.average),
    row.national === null ? t('results.none') : formatDecimal(row.national, language),
  ];

  return (
    <div className="presenter-results">
      {step && <StepPrompt step={step} />}
      {report.data && !report.data.suppressed && rows.length > 0 ? (
        <table className="presenter-table">
          <caption>{t('results.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.factor')}</th>
              <th scope="col">{t('results.unit')}</th>
              <th scope="col">{t('results.municipality')}</th>
              <th scope="col">{t('results.national')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.factorId}>
                <th scope="row">{t(`factors:factor.${row.factorId}.name`)}</th>
                {cells(row).map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        !report.isLoading && <p>{t('results.noFigures')}</p>
      )}
      <p>
        <Link to={MEETING_PATHS.report(roundId, unitId)}>{t('results.openReport')}</Link>
      </p>
    </div>
  );
}
