// The ten factors in a sentence each, in the chosen language, shown after answering.
import { useTranslation } from 'react-i18next';
import { FACTOR_IDS } from '../../../shared/factors';

export function FactorSummary() {
  const { t, ready } = useTranslation('factors');
  if (!ready) return null;
  return (
    <ul className="factor-summary">
      {FACTOR_IDS.map((id) => (
        <li key={id}>
          <span className="factor-summary__name">{t(`factor.${id}.name`)}</span>
          <span className="factor-summary__short">{t(`factor.${id}.short`)}</span>
        </li>
      ))}
    </ul>
  );
}
