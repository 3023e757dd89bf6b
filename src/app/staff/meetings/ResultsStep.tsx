// The unit's results, presented neutrally: the figures the server gives for the meeting (the
// report's own, with its suppression: a hidden figure stays hidden, nothing is worked out here;
// the unit above's when the unit's own report is hidden, as the plan does). The step names one
// factor, or none for all ten. The report itself is one link away for the whole picture.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeetingSnapshot } from '../../../shared/api/meetings';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDecimal } from '../../ui/format';
import { meetingsApi } from '../api/meetings';
import { useStaffQuery } from '../ui/useStaffQuery';
import { MeetingApiError } from './MeetingApiError';
import { MEETING_PATHS } from './paths';
import { StepPrompt } from './StepPrompt';

export function ResultsStep({ snapshot }: { snapshot: MeetingSnapshot }) {
  const { t } = useTranslation(['presenter', 'factors']);
  const { language } = useLanguage();
  const { meetingId, roundId, unitId } = snapshot;
  const step = snapshot.steps[snapshot.stepIndex];
  const results = useStaffQuery((request) => meetingsApi(request).results(meetingId), `results:${meetingId}`);
  const rows = (results.data?.factors ?? []).filter((r) => !step?.factorId || r.factorId === step.factorId);
  const hasFigures = rows.some((r) => r.average !== null);

  return (
    <div className="presenter-results">
      {step && <StepPrompt step={step} />}
      <MeetingApiError error={results.error} />
      {results.data?.basedOnUnitId && <p className="admin-notice">{t('results.basedOn')}</p>}
      {hasFigures ? (
        <table className="presenter-table">
          <caption>{t('results.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.factor')}</th>
              <th scope="col">{t('results.unit')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.factorId}>
                <th scope="row">{t(`factors:factor.${row.factorId}.name`)}</th>
                <td>{row.average === null ? t('results.hidden') : formatDecimal(row.average, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        results.data && <p>{t('results.noFigures')}</p>
      )}
      <p>
        <Link to={MEETING_PATHS.report(roundId, unitId)}>{t('results.openReport')}</Link>
      </p>
    </div>
  );
}
