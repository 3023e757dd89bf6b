// One focus factor: its name, keep or improve, the unit's figure when the report showed one, why
// it was chosen, then its goals and its measures.
import { useTranslation } from 'react-i18next';
import type { FocusFactor } from '../../../shared/api/plans';
import { ConfirmButton } from '../ui/ConfirmButton';
import { GoalList } from './GoalList';
import { useFactorName, useFigure } from './labels';
import { MeasureList } from './MeasureList';
import { PlanApiError } from './PlanApiError';
import { usePlanChange, usePlanContext } from './PlanContext';

export function FocusCard({ focus }: { focus: FocusFactor }) {
  const { t } = useTranslation('followup');
  const { plan, may } = usePlanContext();
  const change = usePlanChange();
  const name = useFactorName()(focus.factorId);
  const figure = useFigure();
  const titleId = `plan-focus-${focus.id}`;
  return (
    <article className="plan-card" aria-labelledby={titleId}>
      <header className="plan-card__head">
        <h3 id={titleId}>{name}</h3>
        <span className={`plan-kind plan-kind--${focus.kind}`}>{t(`kind.${focus.kind}`)}</span>
      </header>
      <dl className="plan-facts">
        <div>
          <dt>
            {plan.basedOnUnitName ? t('focus.figureOf', { unit: plan.basedOnUnitName }) : t('focus.figure')}
          </dt>
          <dd>{figure(focus.figure)}</dd>
        </div>
        <div>
          <dt>{t('focus.why')}</dt>
          <dd>{focus.why || t('focus.noWhy')}</dd>
        </div>
      </dl>
      <GoalList focus={focus} />
      <MeasureList focus={focus} />
      {may.focus && (
        <div className="admin-actions">
          <ConfirmButton
            label={t('focus.remove')}
            ariaLabel={t('focus.removeNamed', { factor: name })}
            question={t('focus.removeQuestion', { factor: name })}
            confirmLabel={t('focus.removeConfirm')}
            danger
            disabled={change.isBusy}
            onConfirm={async () => void (await change.run((api) => api.deleteFocus(plan.id, focus.id)))}
          />
        </div>
      )}
      <PlanApiError error={change.error} focus />
    </article>
  );
}
