// A focus factor's goals: what the unit wants to see, and how it will know it got there.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_TEXT_LIMITS, type FocusFactor, type Goal } from '../../../shared/api/plans';
import { ConfirmButton } from '../ui/ConfirmButton';
import { CreateSection } from '../ui/CreateSection';
import { ResultMessage } from '../ui/ResultMessage';
import { TextAreaField } from './fields';
import { focusHeading } from './focus-after';
import { useFactorName } from './labels';
import { FormEnd } from './FormEnd';
import { PlanApiError } from './PlanApiError';
import { usePlanChange, usePlanContext } from './PlanContext';

export function GoalList({ focus }: { focus: FocusFactor }) {
  const { t } = useTranslation('followup');
  const { may } = usePlanContext();
  const factor = useFactorName()(focus.factorId);
  return (
    <div className="plan-goals">
      <h4 id={`plan-goals-${focus.id}`}>{t('goal.title')}</h4>
      {focus.goals.length === 0 && <p className="hint">{t('goal.none')}</p>}
      <ul className="plan-list">
        {focus.goals.map((goal, index) => (
          <GoalItem key={goal.id} focus={focus} goal={goal} number={index + 1} />
        ))}
      </ul>
      {may.focus && (
        <CreateSection openLabel={t('goal.add', { factor })} buttonClass="button button--secondary">
          {(done) => <GoalForm focus={focus} onDone={done} />}
        </CreateSection>
      )}
    </div>
  );
}

function GoalItem({ focus, goal, number }: { focus: FocusFactor; goal: Goal; number: number }) {
  const { t } = useTranslation('followup');
  const { plan, may } = usePlanContext();
  const change = usePlanChange();
  const factor = useFactorName()(focus.factorId);
  const [isEditing, setIsEditing] = useState(false);
  const [message, setMessage] = useState('');
  if (isEditing)
    return (
      <li>
        <GoalForm
          focus={focus}
          goal={goal}
          onDone={(saved) => {
            setMessage(saved ?? '');
            setIsEditing(false);
          }}
        />
      </li>
    );
  return (
    <li>
      <p className="plan-goal__text">{goal.text}</p>
      {goal.howWeKnow && (
        <p className="plan-goal__know">
          <strong>{t('goal.howWeKnow')}:</strong> {goal.howWeKnow}
        </p>
      )}
      <ResultMessage text={message} />
      {may.focus && (
        <div className="admin-actions">
          <button
            type="button"
            className="button button--small button--secondary"
            aria-label={t('goal.editNamed', { number, factor })}
            onClick={() => {
              setMessage('');
              setIsEditing(true);
            }}
          >
            {t('goal.edit')}
          </button>
          <ConfirmButton
            label={t('goal.remove')}
            ariaLabel={t('goal.removeNamed', { number, factor })}
            question={t('goal.removeQuestion')}
            confirmLabel={t('goal.removeConfirm')}
            danger
            disabled={change.isBusy}
            onConfirm={async () => {
              if (await change.run((api) => api.deleteGoal(plan.id, goal.id)))
                focusHeading(`plan-goals-${focus.id}`);
            }}
          />
        </div>
      )}
      <PlanApiError error={change.error} focus />
    </li>
  );
}

interface FormProps {
  focus: FocusFactor;
  goal?: Goal;
  onDone: (message?: string) => void;
}

function GoalForm({ focus, goal, onDone }: FormProps) {
  const { t } = useTranslation('followup');
  const { plan } = usePlanContext();
  const change = usePlanChange();
  const [text, setText] = useState(goal?.text ?? '');
  const [howWeKnow, setHowWeKnow] = useState(goal?.howWeKnow ?? '');
  const [missing, setMissing] = useState(false);
  const id = `plan-goal-${goal?.id ?? `new-${focus.id}`}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    const body = { text: text.trim(), howWeKnow: howWeKnow.trim() };
    const saved = await change.run((api) =>
      goal ? api.updateGoal(plan.id, goal.id, body) : api.addGoal(plan.id, focus.id, body),
    );
    if (saved) onDone(goal ? t('goal.saved') : t('goal.added'));
  };

  return (
    <form className="admin-form plan-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextAreaField
        id={`${id}-text`}
        label={t('goal.text')}
        hint={t('goal.textHint')}
        error={missing ? t('goal.textMissing') : undefined}
        maxLength={PLAN_TEXT_LIMITS.goal}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <TextAreaField
        id={`${id}-know`}
        label={t('goal.howWeKnow')}
        hint={t('goal.howWeKnowHint')}
        maxLength={PLAN_TEXT_LIMITS.howWeKnow}
        value={howWeKnow}
        onChange={(event) => setHowWeKnow(event.target.value)}
      />
      <FormEnd
        error={change.error}
        busy={change.isBusy}
        saveLabel={t('goal.save')}
        onCancel={() => onDone()}
      />
    </form>
  );
}
