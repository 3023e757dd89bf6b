// A focus factor's measures: what is done, who carries it, by when, how it goes, and notes. The
// leader adds and edits them while the plan runs; a measure is deleted only in a draft (later it is
// dropped, so the reviews keep what they judged).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FocusFactor, Measure } from '../../../shared/api/plans';
import { formatDate } from '../../ui/format';
import { useLanguage } from '../../i18n/useLanguage';
import { ConfirmButton } from '../ui/ConfirmButton';
import { CreateSection } from '../ui/CreateSection';
import { ResultMessage } from '../ui/ResultMessage';
import { focusHeading } from './focus-after';
import { useFactorName } from './labels';
import { MeasureForm } from './MeasureForm';
import { PlanApiError } from './PlanApiError';
import { usePlanChange, usePlanContext } from './PlanContext';
import { MeasureStatusTag } from './PlanStatusTag';
import { useResponsibleText } from './responsible';

export function MeasureList({ focus }: { focus: FocusFactor }) {
  const { t } = useTranslation('followup');
  const { may } = usePlanContext();
  const factor = useFactorName()(focus.factorId);
  return (
    <div className="plan-measures">
      <h4 id={`plan-measures-${focus.id}`}>{t('measure.title')}</h4>
      {focus.measures.length === 0 && <p className="hint">{t('measure.none')}</p>}
      <ul className="plan-list">
        {focus.measures.map((measure) => (
          <MeasureItem key={measure.id} measure={measure} focus={focus} />
        ))}
      </ul>
      {may.measures && (
        <CreateSection openLabel={t('measure.add', { factor })} buttonClass="button button--secondary">
          {(done) => <MeasureForm focus={focus} onDone={done} />}
        </CreateSection>
      )}
    </div>
  );
}

function MeasureItem({ measure, focus }: { measure: Measure; focus: FocusFactor }) {
  const { t } = useTranslation('followup');
  const { language } = useLanguage();
  const { plan, may } = usePlanContext();
  const change = usePlanChange();
  const responsible = useResponsibleText();
  const [isEditing, setIsEditing] = useState(false);
  const [message, setMessage] = useState('');

  if (isEditing)
    return (
      <li>
        <MeasureForm
          focus={focus}
          measure={measure}
          onDone={(saved) => {
            setMessage(saved ?? '');
            setIsEditing(false);
          }}
        />
      </li>
    );
  return (
    <li className={measure.overdue ? 'plan-measure plan-measure--overdue' : 'plan-measure'}>
      <p className="plan-measure__text">{measure.text}</p>
      <p className="plan-measure__facts">
        <span>{t('measure.who', { who: responsible(measure.responsible) })}</span>
        <span>{t('measure.by', { date: formatDate(measure.deadline, language) })}</span>
        <MeasureStatusTag status={measure.status} overdue={measure.overdue} />
      </p>
      {measure.notes && <p className="plan-measure__notes">{measure.notes}</p>}
      <ResultMessage text={message} />
      {(may.measures || may.deleteMeasure) && (
        <div className="admin-actions">
          {may.measures && (
            <button
              type="button"
              className="button button--small button--secondary"
              aria-label={t('measure.editNamed', { text: measure.text })}
              onClick={() => {
                setMessage('');
                setIsEditing(true);
              }}
            >
              {t('measure.edit')}
            </button>
          )}
          {may.deleteMeasure && (
            <ConfirmButton
              label={t('measure.remove')}
              ariaLabel={t('measure.removeNamed', { text: measure.text })}
              question={t('measure.removeQuestion')}
              confirmLabel={t('measure.removeConfirm')}
              danger
              disabled={change.isBusy}
              onConfirm={async () => {
                if (await change.run((api) => api.deleteMeasure(plan.id, measure.id)))
                  focusHeading(`plan-measures-${focus.id}`);
              }}
            />
          )}
        </div>
      )}
      <PlanApiError error={change.error} focus />
    </li>
  );
}
