// What the plan is: its round, its state, who agreed it and when, the next review, and for a unit
// without a report of its own, whose results it builds on. The leader also sees the warning that
// a plan is about the unit, never about one person.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { useLanguage } from '../../i18n/useLanguage';
import { usePlanContext } from './PlanContext';
import { PlanStatusTag } from './PlanStatusTag';

export function PlanMeta() {
  const { t } = useTranslation('followup');
  const { language } = useLanguage();
  const { plan } = usePlanContext();
  return (
    <>
      <p className="admin-summary plan-meta">
        {plan.roundName} · <PlanStatusTag status={plan.status} />
        {plan.agreedOn &&
          ` · ${t('plan.agreedOn', { date: formatDate(plan.agreedOn, language), name: plan.agreedBy?.displayName ?? '' })}`}
      </p>
      {plan.basedOnUnitName && (
        <p className="admin-notice">{t('plan.basedOn', { unit: plan.basedOnUnitName })}</p>
      )}
      {plan.can.edit && <PrivacyNote />}
    </>
  );
}

export function PrivacyNote() {
  const { t } = useTranslation('followup');
  return (
    <div className="admin-warning plan-privacy" role="note" aria-labelledby="plan-privacy-title">
      <p id="plan-privacy-title">
        <strong>{t('privacy.title')}</strong>
      </p>
      <p>{t('privacy.text')}</p>
    </div>
  );
}
