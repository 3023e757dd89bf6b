// After answering: the ten factors, each a link to its full card, and the way into the deck.
// The card screens themselves load lazily (src/app/features/factors), only when opened.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FACTOR_IDS } from '../../../shared/factors';
import { FACTOR_PATHS } from '../../ui/factor-paths';

export function FactorSummary() {
  const { t, ready } = useTranslation(['factors', 'cards']);
  if (!ready) return null;
  return (
    <>
      <ul className="factor-summary">
        {FACTOR_IDS.map((id) => (
          <li key={id}>
            <Link className="factor-summary__name" to={FACTOR_PATHS.card(id)}>
              {t(`factor.${id}.name`)}
            </Link>
            <span className="factor-summary__short">{t(`factor.${id}.short`)}</span>
          </li>
        ))}
      </ul>
      <ul className="factor-summary__more">
        <li>
          <Link to={FACTOR_PATHS.list}>{t('cards:summary.allCards')}</Link>
        </li>
        <li>
          <Link to={FACTOR_PATHS.deck}>{t('cards:summary.deck')}</Link>
        </li>
      </ul>
    </>
  );
}
