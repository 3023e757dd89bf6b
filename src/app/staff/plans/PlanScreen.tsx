// /admin/oppfolging/plan/:planId — the unit's follow-up plan: what it builds on, the focus factors
// with goals and measures, the reps' consultation, the steps from draft to closed and the
// quarterly reviews. The leader of the unit edits; the unit's reps read it and mark it seen.
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StaffSlot } from '../ui/StaffSlots';
import { FocusSection } from './FocusSection';
import { Involvement } from './Involvement';
import { Lifecycle } from './Lifecycle';
import { PlanApiError } from './PlanApiError';
import { mayFor, PlanContext } from './PlanContext';
import { PlanMeta } from './PlanMeta';
import { PLAN_PATHS } from './paths';
import { PublicLinkSection } from './PublicLinkSection';
import { ReviewSection } from './ReviewSection';
import { usePlan } from './usePlans';

export function PlanScreen() {
  const { t } = useTranslation('followup');
  const { planId = '' } = useParams();
  const { plan, loadError, isLoading, setPlan } = usePlan(planId);
  const context = useMemo(() => (plan ? { plan, setPlan, may: mayFor(plan) } : undefined), [plan, setPlan]);
  return (
    <div className="screen admin-screen plan">
      <p>
        <Link to={plan ? PLAN_PATHS.listFor(plan.roundId) : PLAN_PATHS.list}>{t('plan.back')}</Link>
      </p>
      <h1>{plan ? t('plan.title', { unit: plan.unitName }) : t('plan.loadingTitle')}</h1>
      <PlanApiError error={loadError} />
      {isLoading && <p role="status">{t('common.loading')}</p>}
      {context && (
        <PlanContext.Provider value={context}>
          <PlanMeta />
          <div className="admin-actions">
            <Link className="button button--secondary" to={PLAN_PATHS.print(context.plan.id)}>
              {t('plan.print')}
            </Link>
            <StaffSlot name="planActions" args={[context.plan]} />
          </div>
          <FocusSection />
          <Involvement />
          <Lifecycle />
          <ReviewSection />
          <PublicLinkSection />
        </PlanContext.Provider>
      )}
    </div>
  );
}
