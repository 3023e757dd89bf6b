// The introduction of the ten factors: each named with its one line, nothing evaluative, so the
// room hears what the survey measured before seeing any figure.
import { useTranslation } from 'react-i18next';
import { FACTOR_IDS } from '../../../shared/factors';

export function IntroStep() {
  const { t } = useTranslation(['presenter', 'factors']);
  return (
    <div className="presenter-intro">
      <h2 className="presenter-prompt">{t('step.intro')}</h2>
      <p>{t('intro.lead')}</p>
      <ol className="presenter-factors">
        {FACTOR_IDS.map((id) => (
          <li key={id}>
            <strong>{t(`factors:factor.${id}.name`)}</strong> {t(`factors:factor.${id}.short`)}
          </li>
        ))}
      </ol>
    </div>
  );
}
