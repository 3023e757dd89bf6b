// One factor in the list: its name as the link to the card, the one-line meaning and the level.
// The whole tile is clickable (the link's ::after covers it) but only the name is announced.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FACTOR_LEVEL, type FactorId } from '../../../shared/factors';
import { FACTOR_PATHS } from '../../ui/factor-paths';
import type { FactorText } from './useFactorText';

export function FactorTile({ id, card }: { id: FactorId; card: FactorText }) {
  const { t } = useTranslation('cards');
  const { t: tf } = useTranslation('factors');
  return (
    <li className={`factor-tile factor-tile--${FACTOR_LEVEL[id]}`} data-factor={id}>
      <h2 className="factor-tile__name">
        <Link to={FACTOR_PATHS.card(id)}>{card.name}</Link>
      </h2>
      {card.altName && <p className="factor-tile__alt">{t('card.alsoCalled', { name: card.altName })}</p>}
      <p className="factor-tile__short">{card.short}</p>
      <p className="factor-tile__level">{tf(`level.${FACTOR_LEVEL[id]}`)}</p>
    </li>
  );
}
