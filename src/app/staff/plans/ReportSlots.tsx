// What the follow-up adds to a report (through the staff slots, src/app/staff/ui/StaffSlots.tsx):
// the button to the unit's plan (the municipality overview leads admin to the follow-up overview),
// and in the report body, how the previous round's plan went: each focus factor with its earlier
// figure, the new one, and the measures carried out.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UnitReportResponse } from '../../../shared/api/reports';
import { LazyTexts } from '../../ui/LazyTexts';
import { isAdmin } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { useFactorName, useFigure } from './labels';
import { PLAN_PATHS } from './paths';
import { usePreviousPlan } from './usePlans';

export function ReportPlanButton({ report }: { report: UnitReportResponse }) {
  return (
    <LazyTexts namespaces={['followup']}>
      <PlanButton report={report} />
    </LazyTexts>
  );
}

function PlanButton({ report }: { report: UnitReportResponse }) {
  const { t } = useTranslation('followup');
  const { user } = useSession();
  if (report.isMunicipality)
    return isAdmin(user) ? (
      <Link className="button button--secondary" to={PLAN_PATHS.overview}>
        {t('report.overviewButton')}
      </Link>
    ) : null;
  return (
    <Link className="button button--primary" to={PLAN_PATHS.unit(report.round.id, report.unit.id)}>
      {t('report.planButton')}
    </Link>
  );
}

export function ReportPreviousPlan({ report }: { report: UnitReportResponse }) {
  if (report.isMunicipality) return null;
  return (
    <LazyTexts namespaces={['followup']}>
      <PreviousPlan report={report} />
    </LazyTexts>
  );
}

function PreviousPlan({ report }: { report: UnitReportResponse }) {
  const { t } = useTranslation('followup');
  const factorName = useFactorName();
  const figure = useFigure();
  const previous = usePreviousPlan(report.round.id, report.unit.id).data?.previous;
  if (!previous || previous.focusFactors.length === 0) return null;
  return (
    <section className="admin-section plan-previous" aria-labelledby="plan-previous-title">
      <h2 id="plan-previous-title">{t('previous.title', { round: previous.roundName })}</h2>
      <p>{t('previous.intro')}</p>
      <ul className="plan-list">
        {previous.focusFactors.map((f) => (
          <li key={f.id} className="plan-previous__factor">
            <h3>
              {factorName(f.factorId)}{' '}
              <span className={`plan-kind plan-kind--${f.kind}`}>{t(`kind.${f.kind}`)}</span>
            </h3>
            <p>{t('previous.figures', { earlier: figure(f.earlierFigure), now: figure(f.newFigure) })}</p>
            <p>{t('previous.measuresDone', { done: f.measuresDone.length, total: f.measuresTotal })}</p>
            {f.measuresDone.length > 0 && (
              <ul>
                {f.measuresDone.map((m) => (
                  <li key={m.text}>{m.text}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
