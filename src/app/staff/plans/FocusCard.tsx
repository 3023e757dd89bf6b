// One focus factor: its name, keep or improve, the unit's figure when the report showed one, why
// it was chosen, then its goals and its measures.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FocusFactor } from '../../../shared/api/plans';
import { ConfirmButton } from '../ui/ConfirmButton';
import { focusHeading } from './focus-after';
import { FocusEditForm } from './FocusEditForm';
import { GoalList } from './GoalList';
import { useFactorName, useFigure } from './labels';
import { MeasureList } from './MeasureList';
import { PlanApiError } from './PlanApiError';
import { ResultMessage } from '../ui/ResultMessage';
import { usePlanChange, usePlanContext } from './PlanContext';

export function FocusCard({ focus }: { focus: FocusFactor }) {
  const { t } = useTranslation('followup');
  const { plan, may } = usePlanContext();
  const change = usePlanChange();
  const name = useFactorName()(focus.factorId);
  const figure = useFigure();
  const titleId = `plan-focus-${focus.id}`;
  const [isEditing, setIsEditing] = useState(false);
  const [message, setMessage] = useState('');
  const [refocus, setRefocus] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (refocus && !isEditing) editRef.current?.focus();
  }, [refocus, isEditing]);
  return (
    <article className="plan-card" aria-labelledby={titleId}>
      <header className="plan-card__head">
        <h3 id={titleId}>{name}</h3>
        <span className={`plan-kind plan-kind--${focus.kind}`}>{t(`kind.${focus.kind}`)}</span>
      </header>
      {isEditing ? (
        <FocusEditForm
          focus={focus}
          onDone={(saved) => {
            setMessage(saved ?? '');
            setRefocus(!saved);
            setIsEditing(false);
          }}
        />
      ) : (
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
      )}
      <ResultMessage text={message} />
      <GoalList focus={focus} />
      <MeasureList focus={focus} />
      {may.focus && (
        <div className="admin-actions">
          {!isEditing && (
            <button
              ref={editRef}
              type="button"
              className="button button--small button--secondary"
              aria-label={t('focus.editNamed', { factor: name })}
              onClick={() => {
                setMessage('');
                setRefocus(false);
                setIsEditing(true);
              }}
            >
              {t('focus.edit')}
            </button>
          )}
          <ConfirmButton
            label={t('focus.remove')}
            ariaLabel={t('focus.removeNamed', { factor: name })}
            question={t('focus.removeQuestion', { factor: name })}
            confirmLabel={t('focus.removeConfirm')}
            danger
            disabled={change.isBusy}
            onConfirm={async () => {
              if (await change.run((api) => api.deleteFocus(plan.id, focus.id)))
                focusHeading('plan-focus-title');
            }}
          />
        </div>
      )}
      <PlanApiError error={change.error} focus />
    </article>
  );
}
