// On the leader's start page: the reviews and measures of their plans that are overdue or due in
// the next two weeks, and plans still in draft, each linking to its plan. Waits for its texts on
// its own, so the start page does not wait for it.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DUE_WITHIN_DAYS } from '../../../shared/api/plans';
import { formatDate } from '../../ui/format';
import { LazyTexts } from '../../ui/LazyTexts';
import { useLanguage } from '../../i18n/useLanguage';
import { hasRole } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { PlanApiError } from './PlanApiError';
import { PLAN_PATHS } from './paths';
import { useDue } from './usePlans';

export function DueSlot() {
  const { user } = useSession();
  if (!hasRole(user, 'leader')) return null;
  return (
    <LazyTexts namespaces={['followup', 'factors']}>
      <DueList />
    </LazyTexts>
  );
}

function DueList() {
  const { t } = useTranslation('followup');
  const { language } = useLanguage();
  const due = useDue();
  const items = due.data?.items ?? [];
  return (
    <section className="admin-section plan-due" aria-labelledby="plan-due-title">
      <h2 id="plan-due-title">{t('due.title')}</h2>
      <PlanApiError error={due.error} />
      {due.data && items.length === 0 && <p>{t('due.none', { days: DUE_WITHIN_DAYS })}</p>}
      {items.length > 0 && (
        <ul className="plan-list plan-due__list">
          {items.map((item) => (
            <li
              key={`${item.kind}-${item.planId}-${item.measureId ?? ''}`}
              className={item.overdue ? 'plan-due--overdue' : ''}
            >
              <Link to={PLAN_PATHS.plan(item.planId)}>
                {t(`due.${item.kind}`, { unit: item.unitName, text: item.text ?? '' })}
              </Link>{' '}
              {item.dueOn && (
                <span className={item.overdue ? 'unit-tag unit-tag--strong' : 'admin-table__small'}>
                  {t(item.overdue ? 'due.overdue' : 'due.dueOn', { date: formatDate(item.dueOn, language) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={PLAN_PATHS.list}>{t('due.allPlans')}</Link>
      </p>
    </section>
  );
}
