// /dette-gjor-vi/:token/plakat — the poster for the staff room: the unit's name, the factors it
// works on and a QR code to this plan's page, on one A4 sheet (plan.css), in the language shown
// (the municipality's unless the leader switched). The leader opens it from the page or from the
// staff plan screen and prints it.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PUBLIC_PLAN_PATHS, publicPlanLink } from '../../ui/plan-paths';
import { PlanQr } from './PlanQr';
import { usePublicPlan } from './usePublicPlan';
import { PrintTools } from '../../ui/PrintTools';

export function PlanPosterScreen() {
  const { t } = useTranslation(['plan', 'factors']);
  const { token = '' } = useParams();
  const state = usePublicPlan(token);
  const plan = state.kind === 'ready' ? state.plan : undefined;
  const factors = plan?.status === 'draft' ? [] : (plan?.focusFactors ?? []);
  return (
    <div className="screen plan-poster-screen">
      <PrintTools
        back={PUBLIC_PLAN_PATHS.page(token)}
        backLabel={t('plan:poster.back')}
        intro={t('plan:poster.intro')}
        printLabel={t('plan:poster.print')}
        ready={!!plan}
        after={
          <>
            {state.kind === 'loading' && <p role="status">{t('plan:loading')}</p>}
            {state.kind === 'failed' && (
              <p role="alert">{t(state.problem === 'link' ? 'plan:errorLink' : 'plan:errorServer')}</p>
            )}
          </>
        }
      />
      {plan && (
        <article className="plan-poster" aria-labelledby="plan-poster-heading">
          <p className="plan-poster__kicker">{plan.municipality.name}</p>
          <h1 id="plan-poster-heading">{t('plan:poster.heading', { unit: plan.unit.name })}</h1>
          <p className="plan-poster__lead">{t('plan:poster.lead')}</p>
          {factors.length > 0 && (
            <>
              <h2>{t('plan:poster.factors')}</h2>
              <ul className="plan-poster__factors">
                {factors.map((f, i) => (
                  <li key={`${f.factorId}-${i}`}>
                    <strong>{t(`factors:factor.${f.factorId}.name`)}</strong> · {t(`plan:kind.${f.kind}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="plan-poster__qr">
            <PlanQr
              value={publicPlanLink(window.location.origin, token)}
              label={t('plan:poster.qrLabel', { unit: plan.unit.name })}
            />
            <p className="plan-poster__scan">{t('plan:poster.scan')}</p>
          </div>
        </article>
      )}
    </div>
  );
}
