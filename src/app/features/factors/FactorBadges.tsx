// A factor's level (individual, group, leader) and its place in the driver model.
import { useTranslation } from 'react-i18next';
import { FACTOR_LEVEL, FACTOR_STAGE, type FactorId } from '../../../shared/factors';

export function FactorBadges({ id }: { id: FactorId }) {
  const { t } = useTranslation('cards');
  const { t: tf } = useTranslation('factors');
  return (
    <dl className="factor-badges">
      <div className={`factor-badge factor-badge--${FACTOR_LEVEL[id]}`}>
        <dt>{t('card.levelLabel')}</dt>
        <dd>{tf(`level.${FACTOR_LEVEL[id]}`)}</dd>
      </div>
      <div className={`factor-badge factor-badge--${FACTOR_STAGE[id]}`}>
        <dt>{t('card.stageLabel')}</dt>
        <dd>{tf(`stage.${FACTOR_STAGE[id]}`)}</dd>
      </div>
    </dl>
  );
}
