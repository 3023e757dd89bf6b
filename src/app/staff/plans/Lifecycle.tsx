// The plan's steps: draft → agreed → in progress → evaluated → closed. Each button says what the
// step does before it is taken, and asks once more (ConfirmButton); a draft lists what is still
// missing before it can be agreed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_STATUSES, PLAN_TRANSITIONS, type PlanStatus } from '../../../shared/api/plans';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ResultMessage } from '../ui/ResultMessage';
import { PlanApiError } from './PlanApiError';
import { usePlanChange, usePlanContext } from './PlanContext';

export function Lifecycle() {
  const { t } = useTranslation('followup');
  const { plan } = usePlanContext();
  const change = usePlanChange();
  const [message, setMessage] = useState('');
  const next: readonly PlanStatus[] = PLAN_TRANSITIONS[plan.status];
  const missing = plan.readiness.missing;
  const stepIndex = PLAN_STATUSES.indexOf(plan.status);

  const go = async (to: PlanStatus) => {
    setMessage('');
    const saved = await change.run((api) => api.transition(plan.id, to));
    if (saved) setMessage(t(`lifecycle.done.${to}`));
  };

  return (
    <section className="admin-section plan-lifecycle" aria-labelledby="plan-lifecycle-title">
      <h2 id="plan-lifecycle-title">{t('lifecycle.title')}</h2>
      <ol className="plan-steps">
        {PLAN_STATUSES.map((status, index) => (
          <li
            key={status}
            className={index === stepIndex ? 'plan-steps__now' : index < stepIndex ? 'plan-steps__past' : ''}
            aria-current={index === stepIndex ? 'step' : undefined}
          >
            {t(`status.${status}`)}
          </li>
        ))}
      </ol>
      <ResultMessage text={message} />
      {plan.can.edit && plan.status === 'draft' && missing.length > 0 && (
        <div className="admin-notice">
          <p>{t('lifecycle.missingTitle')}</p>
          <ul>
            {missing.map((item) => (
              <li key={item}>{t(`readiness.${item}`)}</li>
            ))}
          </ul>
        </div>
      )}
      {plan.can.edit &&
        next.map((to) => {
          const blocked = to === 'agreed' && missing.length > 0;
          return (
            <div key={to} className="plan-step-action">
              <p className="hint" id={`plan-step-${to}-hint`}>
                {t(`lifecycle.explain.${to}`, { months: plan.reviewIntervalMonths })}
              </p>
              <ConfirmButton
                label={t(`lifecycle.to.${to}`)}
                question={t(`lifecycle.question.${to}`)}
                confirmLabel={t('lifecycle.confirm')}
                disabled={blocked || change.isBusy}
                onConfirm={() => go(to)}
              />
            </div>
          );
        })}
      {!plan.can.edit && <p className="hint">{t('lifecycle.readOnly')}</p>}
      <PlanApiError error={change.error} focus />
    </section>
  );
}
