// /dette-gjor-vi/:token — the plan as everyone in the unit reads it: each chosen factor with its
// card text and a link to the card, why it was chosen, the goals and how the unit will know, and
// the measures with who, when and where they stand. A draft says that the plan is on its way.
// Offline, a plan opened before is read from the service worker's cache and the page says so.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicPlanResponse } from '../../../shared/api/plans';
import { normaliseLanguage } from '../../i18n/i18n';
import { formatDate } from '../../ui/format';
import { PUBLIC_PLAN_PATHS } from '../../ui/plan-paths';
import { useOnline } from '../../ui/useOnline';
import { FocusFactorSection } from './FocusFactorSection';
import { usePublicPlan } from './usePublicPlan';

export function PublicPlanScreen() {
  const { t } = useTranslation('plan');
  const { token = '' } = useParams();
  const state = usePublicPlan(token);
  const isOnline = useOnline();

  return (
    <div className="screen public-plan">
      <h1>{t('title')}</h1>
      {state.kind === 'loading' && <p role="status">{t('loading')}</p>}
      {state.kind === 'failed' && (
        <p role="alert" className="public-plan__problem">
          {t(
            `error${state.problem === 'link' ? 'Link' : state.problem === 'offline' ? 'Offline' : state.problem === 'busy' ? 'Busy' : 'Server'}`,
          )}
        </p>
      )}
      {state.kind === 'ready' && (
        <>
          {!isOnline && (
            <p role="status" className="public-plan__offline">
              {t('offline')}
            </p>
          )}
          <PlanBody plan={state.plan} />
          <p className="public-plan__poster">
            <Link to={PUBLIC_PLAN_PATHS.poster(token)}>{t('posterLink')}</Link>
          </p>
        </>
      )}
    </div>
  );
}

function PlanBody({ plan }: { plan: PublicPlanResponse }) {
  const { t, i18n } = useTranslation('plan');
  const lng = normaliseLanguage(i18n.language);
  const dates = [
    plan.agreedOn && t('agreedOn', { date: formatDate(plan.agreedOn, lng) }),
    plan.lastReviewOn && t('lastReview', { date: formatDate(plan.lastReviewOn, lng) }),
    plan.nextReviewOn && t('nextReview', { date: formatDate(plan.nextReviewOn, lng) }),
  ].filter(Boolean);
  return (
    <>
      <p className="public-plan__unit">
        {t('unitLine', { unit: plan.unit.name, municipality: plan.municipality.name })}
      </p>
      <p>{t('roundLine', { round: plan.round.name })}</p>
      {dates.length > 0 && <p className="public-plan__dates">{dates.join(' · ')}</p>}
      {plan.basedOnUnitName && (
        <p className="public-plan__note">{t('basedOn', { unit: plan.basedOnUnitName })}</p>
      )}
      {plan.status === 'draft' || plan.focusFactors.length === 0 ? (
        <p className="public-plan__note">{t('draft')}</p>
      ) : (
        plan.focusFactors.map((focus, i) => (
          <FocusFactorSection key={`${focus.factorId}-${i}`} focus={focus} />
        ))
      )}
    </>
  );
}
