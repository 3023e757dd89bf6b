// The focus factors: KS's two by default (one to keep up, one to improve), as many as the
// municipality's setting allows, each with why it was chosen, the unit's figure, goals and measures.
import { useTranslation } from 'react-i18next';
import { CreateSection } from '../ui/CreateSection';
import { AddFocusForm } from './AddFocusForm';
import { FocusCard } from './FocusCard';
import { usePlanContext } from './PlanContext';

export function FocusSection() {
  const { t } = useTranslation('followup');
  const { plan, may } = usePlanContext();
  const count = plan.focusFactorCount;
  const canAdd = may.focus && plan.focusFactors.length < count;
  return (
    <section className="admin-section plan-focus" aria-labelledby="plan-focus-title">
      <h2 id="plan-focus-title">{t('focus.title')}</h2>
      <p>{t('focus.intro', { count })}</p>
      {plan.focusFactors.length === 0 && <p className="admin-notice">{t('focus.none')}</p>}
      {plan.focusFactors.map((focus) => (
        <FocusCard key={focus.id} focus={focus} />
      ))}
      {canAdd && (
        <CreateSection openLabel={t('focus.add')}>{(done) => <AddFocusForm onDone={done} />}</CreateSection>
      )}
    </section>
  );
}
