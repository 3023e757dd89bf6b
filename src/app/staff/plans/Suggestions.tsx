// The factor card's "what a leader can do" and "what colleagues can do", offered as starting points
// for a measure: "Bruk" puts the text in the measure field, where the leader makes it the unit's own.
import { useTranslation } from 'react-i18next';
import type { FactorId } from '../../../shared/factors';
import { useSuggestions } from './labels';

export function Suggestions({ factorId, onPick }: { factorId: FactorId; onPick: (text: string) => void }) {
  const { t } = useTranslation('followup');
  const { leader, colleague } = useSuggestions(factorId);
  const group = (title: string, items: string[]) =>
    items.length > 0 && (
      <>
        <h5>{title}</h5>
        <ul className="plan-suggestions__list">
          {items.map((text) => (
            <li key={text}>
              <span>{text}</span>
              <button
                type="button"
                className="button button--small button--secondary"
                aria-label={t('suggestions.useNamed', { text })}
                onClick={() => onPick(text)}
              >
                {t('suggestions.use')}
              </button>
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <details className="plan-suggestions">
      <summary>{t('suggestions.title')}</summary>
      <p className="hint">{t('suggestions.intro')}</p>
      {group(t('suggestions.leader'), leader)}
      {group(t('suggestions.colleague'), colleague)}
    </details>
  );
}
