// The unit's results, presented neutrally: the figures the server gives for the meeting (the
// report's own, with its suppression: a hidden figure stays hidden, nothing is worked out here;
// the unit above's when the unit's own report is hidden, as the plan does). The step names one
// factor, or none for all ten: then the screen shows them one at a time, large (KS: go through the
// factors together), with the whole table one button away. The report is one link away too.
import { useState } from 'react';
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
  // All ten on one step: one factor at a time unless the leader asks for the table.
  const paged = !step?.factorId && rows.length > 1;
  const [index, setIndex] = useState(0);
  const [showAll, setShowAll] = useState(false);
  const current = rows[Math.min(index, rows.length - 1)];

  return (
    <div className="presenter-results">
      {step && <StepPrompt step={step} />}
      <MeetingApiError error={results.error} />
      {results.data?.basedOnUnitId && <p className="admin-notice">{t('results.basedOn')}</p>}
      {hasFigures && paged && !showAll && current && (
        <section className="presenter-factor-result" aria-labelledby="presenter-factor-result-title">
          <p className="presenter-nav__where">
            {t('results.position', { number: Math.min(index, rows.length - 1) + 1, count: rows.length })}
          </p>
          <h2 id="presenter-factor-result-title">
            {t('results.factorTitle', { factor: t(`factors:factor.${current.factorId}.name`) })}
          </h2>
          <p className="presenter-factor-result__figure">
            <span className="meeting-sr">{t('results.unit')}: </span>
            {current.average === null ? t('results.hidden') : formatDecimal(current.average, language)}
          </p>
          <p>{t(`factors:factor.${current.factorId}.short`)}</p>
          <div className="presenter-factor-result__buttons">
            <button
              type="button"
              className="button"
              disabled={index === 0}
              onClick={() => setIndex((i) => Math.max(0, i - 1))}
            >
              {t('results.previousFactor')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={index >= rows.length - 1}
              onClick={() => setIndex((i) => Math.min(rows.length - 1, i + 1))}
            >
              {t('results.nextFactor')}
            </button>
            <button type="button" className="button" onClick={() => setShowAll(true)}>
              {t('results.showAll')}
            </button>
          </div>
        </section>
      )}
      {hasFigures && (!paged || showAll) ? (
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
        results.data && !hasFigures && <p>{t('results.noFigures')}</p>
      )}
      <p>
        <Link to={MEETING_PATHS.report(roundId, unitId)}>{t('results.openReport')}</Link>
      </p>
    </div>
  );
}
