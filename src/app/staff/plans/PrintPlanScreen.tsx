// /admin/oppfolging/plan/:planId/utskrift — the plan on A4 for the archive and the AMU, in the
// report's print style: headed with unit and round and numbered "side 1 av 2" on every page
// (src/app/ui/print-pages.ts), each focus factor kept whole on its page where it fits.
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CONSULTATION_PARTIES, type Plan } from '../../../shared/api/plans';
import { formatDate } from '../../ui/format';
import { pageBoxesCss, pageOfContent, usePrintPageBoxes } from '../../ui/print-pages';
import { useLanguage } from '../../i18n/useLanguage';
import { useFactorName, useFigure } from './labels';
import { PlanApiError } from './PlanApiError';
import { PLAN_PATHS } from './paths';
import { PlanStatusTag } from './PlanStatusTag';
import { useResponsibleText } from './responsible';
import { usePlan } from './usePlans';
import { PrintTools } from '../../ui/PrintTools';

export function PrintPlanScreen() {
  const { t } = useTranslation('followup');
  const { planId = '' } = useParams();
  const { plan, loadError, isLoading } = usePlan(planId);
  usePrintPageBoxes(
    plan
      ? pageBoxesCss(
          'plan',
          t('print.runningHeader', { unit: plan.unitName, round: plan.roundName }),
          pageOfContent((markers) => t('print.pageOf', markers)),
        )
      : null,
  );
  return (
    <div className="screen admin-screen plan plan-print">
      <PrintTools
        className="plan-print__tools"
        back={PLAN_PATHS.plan(planId)}
        backLabel={t('print.back')}
        intro={t('print.intro')}
        printLabel={t('print.button')}
        ready={!!plan}
      />
      <p className="plan-print__kicker">{t('print.kicker')}</p>
      <h1>{plan ? t('plan.title', { unit: plan.unitName }) : t('plan.loadingTitle')}</h1>
      <PlanApiError error={loadError} />
      {isLoading && <p role="status">{t('common.loading')}</p>}
      {plan && <PrintedPlan plan={plan} />}
    </div>
  );
}

function PrintedPlan({ plan }: { plan: Plan }) {
  const { t } = useTranslation('followup');
  const { language } = useLanguage();
  const factorName = useFactorName();
  const figure = useFigure();
  const responsible = useResponsibleText();
  const date = (iso: string | null) => (iso ? formatDate(iso, language) : t('print.none'));
  return (
    <>
      <p>
        {plan.roundName} · <PlanStatusTag status={plan.status} />
      </p>
      {plan.basedOnUnitName && <p>{t('plan.basedOn', { unit: plan.basedOnUnitName })}</p>}
      <dl className="plan-facts">
        <div>
          <dt>{t('print.agreed')}</dt>
          <dd>
            {plan.agreedOn
              ? t('plan.agreedOn', { date: date(plan.agreedOn), name: plan.agreedBy?.displayName ?? '' })
              : t('print.none')}
          </dd>
        </div>
        <div>
          <dt>{t('print.nextReview')}</dt>
          <dd>{date(plan.nextReviewOn)}</dd>
        </div>
        {CONSULTATION_PARTIES.map((party) => (
          <div key={party}>
            <dt>{t(`party.${party}`)}</dt>
            <dd>
              {t('print.consulted', { date: date(plan.consultations[party].consultedOn) })};{' '}
              {t('print.seen', { date: date(plan.consultations[party].seenOn) })}
            </dd>
          </div>
        ))}
      </dl>
      {plan.focusFactors.map((focus) => (
        <section key={focus.id} className="plan-print__focus" aria-labelledby={`print-focus-${focus.id}`}>
          <h2 id={`print-focus-${focus.id}`}>
            {factorName(focus.factorId)}: {t(`kind.${focus.kind}`)}
          </h2>
          <p>
            {t('focus.figure')}: {figure(focus.figure)}. {focus.why}
          </p>
          <h3>{t('goal.title')}</h3>
          <ul>
            {focus.goals.map((goal) => (
              <li key={goal.id}>
                {goal.text}
                {goal.howWeKnow && ` ${t('goal.howWeKnow')}: ${goal.howWeKnow}`}
              </li>
            ))}
          </ul>
          <table className="admin-table plan-print__measures">
            <caption>{t('print.measuresOf', { factor: factorName(focus.factorId) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('measure.text')}</th>
                <th scope="col">{t('print.responsible')}</th>
                <th scope="col">{t('measure.deadline')}</th>
                <th scope="col">{t('measure.status')}</th>
              </tr>
            </thead>
            <tbody>
              {focus.measures.map((measure) => (
                <tr key={measure.id}>
                  <th scope="row">{measure.text}</th>
                  <td>{responsible(measure.responsible)}</td>
                  <td>{date(measure.deadline)}</td>
                  <td>{t(`measureStatus.${measure.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {plan.reviews.length > 0 && (
        <section className="plan-print__reviews" aria-labelledby="print-reviews">
          <h2 id="print-reviews">{t('review.title')}</h2>
          <ul>
            {plan.reviews.map((review) => (
              <li key={review.id}>
                <strong>{date(review.heldOn)}:</strong> {review.summary}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
