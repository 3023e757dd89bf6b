// The focus factors: KS's two by default (one to keep up, one to improve), as many as the
// municipality's setting allows, each with why it was chosen, the unit's figure, goals and measures.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResultMessage } from '../ui/ResultMessage';
import { AddFocusForm } from './AddFocusForm';
import { FocusCard } from './FocusCard';
import { usePlanContext } from './PlanContext';

export function FocusSection() {
  const { t } = useTranslation('followup');
  const { plan, may } = usePlanContext();
  const count = plan.focusFactorCount;
  const canAdd = may.focus && plan.focusFactors.length < count;
  // Not CreateSection: the last factor allowed takes the button away, and its message must stay.
  const [isOpen, setIsOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [refocus, setRefocus] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (refocus && !isOpen) buttonRef.current?.focus();
  }, [refocus, isOpen]);
  return (
    <section className="admin-section plan-focus" aria-labelledby="plan-focus-title">
      <h2 id="plan-focus-title">{t('focus.title')}</h2>
      <p>{t('focus.intro', { count })}</p>
      {plan.focusFactors.length === 0 && <p className="admin-notice">{t('focus.none')}</p>}
      {plan.focusFactors.map((focus) => (
        <FocusCard key={focus.id} focus={focus} />
      ))}
      <ResultMessage text={message} />
      {canAdd &&
        (isOpen ? (
          <AddFocusForm
            onDone={(saved) => {
              setMessage(saved ?? '');
              setRefocus(!saved);
              setIsOpen(false);
            }}
          />
        ) : (
          <button
            ref={buttonRef}
            type="button"
            className="button button--primary"
            onClick={() => {
              setMessage('');
              setRefocus(false);
              setIsOpen(true);
            }}
          >
            {t('focus.add')}
          </button>
        ))}
    </section>
  );
}
