// /faktorer/kart — the influence map on its own, with its text version open.
import { useTranslation } from 'react-i18next';
import { FactorsNav } from './FactorsNav';
import { InfluenceMap } from './InfluenceMap';
import { InfluenceMapText } from './InfluenceMapText';

export function FactorMapScreen() {
  const { t } = useTranslation('cards');
  return (
    <div className="screen factors-screen factors-screen--wide">
      <FactorsNav />
      <h1>{t('map.title')}</h1>
      <p>{t('map.intro')}</p>
      <InfluenceMap />
      <InfluenceMapText isOpen />
    </div>
  );
}
